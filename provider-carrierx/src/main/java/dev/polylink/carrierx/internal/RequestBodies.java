package dev.polylink.carrierx.internal;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.RequestValidationException;
import dev.polylink.carrierx.CarrierxClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a unified create request into CarrierX's body, after the checks capabilities cannot
 * express; every violation of one request is reported at once. Updates go through {@link
 * PatchPlan}, which PATCH and PUT share.
 */
final class RequestBodies {
  private static final String ID = CarrierxClient.PROVIDER_ID;

  private RequestBodies() {}

  /**
   * The body of {@code POST /shortener/links}.
   *
   * @param proxyPass whether the options ask for {@code mode: proxy_pass}
   * @param defaultDomainSid the client's default domain, or null
   * @param now the client clock's instant, from which {@code maximum_ttl} is counted
   * @throws RequestValidationException when no domain sid is known, the expiry is not after now or
   *     is more than {@value Lifetime#MAX_SECONDS} seconds away, the slug is malformed, or a redirect
   *     type is combined with proxy pass
   */
  static CreateLinkBody create(CreateLinkRequest request, boolean proxyPass, String defaultDomainSid, Instant now) {
    List<String> violations = new ArrayList<>();
    String domainSid = request.domain().orElse(defaultDomainSid);
    if (domainSid == null) {
      violations.add("domain: is required by CarrierX (set CreateLinkRequest.domain(domainSid)"
          + " or the client builder's defaultDomainSid)");
    }
    request.slug().flatMap(LinkRules::slugViolation).ifPresent(violations::add);
    LinkRules.modeViolation(request.redirectType().isPresent(), proxyPass).ifPresent(violations::add);
    Long maximumTtl = null;
    if (request.expiresAt().isPresent()) {
      Instant expiresAt = request.expiresAt().get();
      Optional<String> violation = Lifetime.violation(now, expiresAt, true, "now (" + now + ")");
      if (violation.isPresent()) {
        violations.add("expiresAt: " + violation.get() + " (was " + expiresAt + ")");
      } else {
        maximumTtl = Lifetime.secondsRoundedUp(now, expiresAt);
      }
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(ID, violations);
    }
    String mode = proxyPass
        ? Mode.PROXY_PASS.wire()
        : request.redirectType().map(Mode::of).map(Mode::wire).orElse(null);
    return new CreateLinkBody(request.destination().toString(), domainSid, request.slug().orElse(null), mode, maximumTtl);
  }
}
