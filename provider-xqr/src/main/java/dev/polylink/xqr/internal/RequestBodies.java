package dev.polylink.xqr.internal;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.xqr.RoutingRule;
import dev.polylink.xqr.XqrClient;
import dev.polylink.xqr.XqrOptions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds xQR request bodies from the unified requests, after checking xQR's documented rules: {@code
 * custom_slug} 3 to 64 letters, digits or hyphens; at most 10 labels; instants (the link's and the
 * routing rules' {@code expires_at}) within {@link Checks#sendableInstant}'s four-digit years, so
 * that rounding them up to whole seconds cannot overflow. Every broken rule is reported at once in
 * one {@link RequestValidationException}. The capability checks ({@code RequestChecks})
 * have already run.
 */
final class RequestBodies {
  /** xQR's documented label limit, on create and on update. */
  static final int MAX_LABELS = 10;

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9-]{3,64}");
  private static final String ID = XqrClient.PROVIDER_ID;

  private RequestBodies() {}

  /**
   * The create body. A {@code domain} is rejected: xQR documents no way to choose a domain for a
   * link (no custom-domain API), so it cannot be honoured and is not silently dropped.
   */
  static CreateLinkBody createBody(CreateLinkRequest request, Optional<XqrOptions> options) {
    List<String> violations = new ArrayList<>();
    request.slug().ifPresent(slug -> collect(violations, () ->
        Checks.slug(ID, Checks.matches(ID, "slug", slug, SLUG, "must be 3 to 64 letters, digits or hyphens"))));
    collect(violations, () -> Checks.atMost(ID, "labels", request.labels(), MAX_LABELS));
    request.expiresAt().ifPresent(at -> collect(violations, () -> Checks.sendableInstant(ID, "expiresAt", at)));
    options.flatMap(XqrOptions::routingRules).ifPresent(rules -> ruleInstants(violations, rules));
    request.domain().ifPresent(domain -> violations.add(
        "domain: xQR has no domain selection, links are created on its own domain (was \"" + domain + "\")"));
    throwIfAny(violations);
    List<RoutingRule> rules = options.flatMap(XqrOptions::routingRules).orElse(List.of());
    return new CreateLinkBody(
        request.destination().toString(),
        request.slug().orElse(null),
        request.labels().isEmpty() ? null : request.labels(),
        rules.isEmpty() ? null : RoutingRuleBody.of(rules),
        request.expiresAt().map(RequestBodies::wholeSecondsUp).orElse(null));
  }

  /**
   * An instant in xQR's precision: whole seconds, as in every documented request and response
   * ({@code "2026-09-30T23:59:59Z"}), rounded up so that a link or rule never expires before the
   * instant asked for. Jackson then writes it without a fraction.
   */
  static Instant wholeSecondsUp(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.SECONDS);
    return floor.equals(instant) ? instant : floor.plusSeconds(1);
  }

  /**
   * The update body: absent fields are not sent; a set field is sent with its value; cleared labels
   * (or an empty label set) are sent as {@code "labels": []}, which is how xQR replaces the set with
   * nothing; an empty routing-rule list likewise as {@code "routing_rules": []}.
   *
   * @throws RequestValidationException when a rule is broken, or when the patch carries only
   *     options that set nothing, so there would be nothing to send
   */
  static UpdateLinkBody updateBody(LinkPatch patch, Optional<XqrOptions> options) {
    List<String> violations = new ArrayList<>();
    patch.labels().ifSet(labels -> collect(violations, () -> Checks.atMost(ID, "labels", labels, MAX_LABELS)));
    options.flatMap(XqrOptions::routingRules).ifPresent(rules -> ruleInstants(violations, rules));
    throwIfAny(violations);
    List<String> labels =
        patch.labels().isSet() ? patch.labels().value() : patch.labels().isCleared() ? List.of() : null;
    UpdateLinkBody body = new UpdateLinkBody(
        patch.destination().asOptional().map(Object::toString).orElse(null),
        labels,
        patch.enabled().asOptional().orElse(null),
        options.flatMap(XqrOptions::routingRules).map(RoutingRuleBody::of).orElse(null));
    if (body.isEmpty()) {
      throw new RequestValidationException(
          ID, "patch: must change at least one field (its XqrOptions set no routing rules)");
    }
    return body;
  }

  /** Each rule's {@code expires_at} must be sendable: {@code options.routingRules[i].expiresAt}. */
  private static void ruleInstants(List<String> violations, List<RoutingRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      String field = "options.routingRules[" + i + "].expiresAt";
      rules.get(i).expiresAt().ifPresent(at -> collect(violations, () -> Checks.sendableInstant(ID, field, at)));
    }
  }

  private static void collect(List<String> violations, Runnable check) {
    try {
      check.run();
    } catch (RequestValidationException e) {
      violations.addAll(e.violations());
    }
  }

  private static void throwIfAny(List<String> violations) {
    if (!violations.isEmpty()) {
      throw Checks.invalid(ID, violations);
    }
  }
}
