package dev.polylink.snipurl.internal;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.FieldUpdate;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.JsonNullable;
import dev.polylink.snipurl.AnalyticsSection;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns unified requests into SnipURL bodies, after the checks capabilities cannot express. Every
 * violation of one request is reported at once.
 */
final class RequestBodies {
  private static final String ID = SnipurlClient.PROVIDER_ID;

  /** SnipURL's {@code custom_alias}: 3 to 50 letters, digits or hyphens, no hyphen at either end. */
  static final Pattern CUSTOM_ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,48}[A-Za-z0-9]");

  static final String CUSTOM_ALIAS_RULE =
      "must be 3 to 50 letters, digits or hyphens, not starting or ending with a hyphen";

  /**
   * The longest title SnipURL stores: its database column holds 255 characters, and a longer title
   * makes the server answer 500 with an empty body, on create and on update (providers-research.md
   * section 7). Counted in Unicode code points, as PostgreSQL counts a {@code varchar}'s length.
   */
  static final int MAX_TITLE_LENGTH = 255;

  private RequestBodies() {}

  /**
   * The body of {@code POST links}.
   *
   * @throws RequestValidationException for a malformed slug, a title over 255 characters, an
   *     expiry outside {@link Checks#sendableInstant}'s four-digit years, a domain (SnipURL has
   *     none) or options that set something (SnipURL's create has no analytics fields). An empty
   *     password never gets here: core's builders reject it.
   */
  static CreateLinkBody create(CreateLinkRequest request, Optional<SnipurlOptions> options) {
    List<String> violations = new ArrayList<>();
    request.slug().ifPresent(slug -> collect(violations,
        () -> Checks.slug(ID, Checks.matches(ID, "slug", slug, CUSTOM_ALIAS, CUSTOM_ALIAS_RULE))));
    request.expiresAt().ifPresent(at -> collect(violations, () -> Checks.sendableInstant(ID, "expiresAt", at)));
    request.title().flatMap(RequestBodies::titleViolation).ifPresent(violations::add);
    request.domain().ifPresent(domain -> violations.add(
        "domain: SnipURL has no custom domains, every link is on snipurl.click (was \"" + domain + "\")"));
    options.filter(o -> !o.isEmpty()).ifPresent(o -> violations.add(
        "options: SnipURL accepts analytics_public and analytics_shared_fields on update only, not on"
            + " create (was " + o + ")"));
    if (!violations.isEmpty()) {
      throw Checks.invalid(ID, violations);
    }
    return new CreateLinkBody(
        request.destination().toString(),
        request.slug().orElse(null),
        request.title().orElse(null),
        request.password().orElse(null),
        request.expiresAt().map(RequestBodies::instant).orElse(null));
  }

  /**
   * The body of {@code PATCH links/{id}}. Run after {@code RequestChecks.update}, which has already
   * rejected the fields SnipURL cannot change or clear.
   *
   * @throws RequestValidationException for a title over 255 characters, an expiry outside {@link
   *     Checks#sendableInstant}'s four-digit years, or a patch whose only content is options that
   *     set nothing. An empty password never gets here: core's builders reject it.
   */
  static UpdateLinkBody update(LinkPatch patch, Optional<SnipurlOptions> options) {
    if (patch.fields().isEmpty() && options.map(SnipurlOptions::isEmpty).orElse(true)) {
      throw new RequestValidationException(
          ID, "patch: must change at least one field (its SnipurlOptions set nothing)");
    }
    List<String> violations = new ArrayList<>();
    patch.expiresAt().ifSet(at -> collect(violations, () -> Checks.sendableInstant(ID, "expiresAt", at)));
    patch.title().ifSet(title -> titleViolation(title).ifPresent(violations::add));
    if (!violations.isEmpty()) {
      throw Checks.invalid(ID, violations);
    }
    SnipurlOptions extras = options.orElseGet(() -> SnipurlOptions.builder().build());
    return new UpdateLinkBody(
        nullable(patch.title(), Function.identity()),
        nullable(patch.enabled(), Function.identity()),
        nullable(patch.password(), Function.identity()),
        nullable(patch.expiresAt(), RequestBodies::instant),
        extras.analyticsPublic().map(JsonNullable::of).orElseGet(JsonNullable::undefined),
        sharedFields(extras));
  }

  /** {@code analytics_shared_fields}: a list in {@link AnalyticsSection} order, {@code null} for all, or not sent. */
  private static JsonNullable<List<String>> sharedFields(SnipurlOptions options) {
    if (options.sharesAllAnalyticsSections()) {
      return JsonNullable.of(null);
    }
    return options.analyticsSharedFields()
        .map(sections -> JsonNullable.of(
            sections.stream().sorted().map(AnalyticsSection::wireName).collect(Collectors.toList())))
        .orElseGet(JsonNullable::undefined);
  }

  /** Absent: not sent; cleared: {@code null}; set: the converted value. */
  private static <T, R> JsonNullable<R> nullable(FieldUpdate<T> update, Function<T, R> convert) {
    switch (update.state()) {
      case SET:
        return JsonNullable.of(convert.apply(update.value()));
      case CLEARED:
        return JsonNullable.of(null);
      default:
        return JsonNullable.undefined();
    }
  }

  /**
   * ISO-8601 in UTC, truncated to milliseconds (SnipURL keeps JavaScript dates): {@code
   * 2025-12-31T23:59:59Z}, or {@code 2025-12-31T23:59:59.250Z} with a fraction.
   */
  static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** {@code title: must be at most 255 characters (was 300)}, or empty when it fits. */
  private static Optional<String> titleViolation(String title) {
    int length = title.codePointCount(0, title.length());
    return length > MAX_TITLE_LENGTH
        ? Optional.of("title: must be at most " + MAX_TITLE_LENGTH + " characters (was " + length + ")")
        : Optional.empty();
  }

  private static void collect(List<String> violations, Runnable check) {
    try {
      check.run();
    } catch (RequestValidationException e) {
      violations.addAll(e.violations());
    }
  }
}
