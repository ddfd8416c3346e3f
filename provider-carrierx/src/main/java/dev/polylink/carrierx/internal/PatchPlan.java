package dev.polylink.carrierx.internal;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.carrierx.CarrierxOptions;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LinkPatch} checked against CarrierX's rules and translated into CarrierX's fields, before
 * anything is sent. Shared by PATCH (update) and PUT (replace).
 */
final class PatchPlan {
  final String linkSid;
  /** The new {@code destination_url}, or null to leave it. */
  final String destinationUrl;
  /** The new {@code short_name}, or null to leave it. */
  final String shortName;
  /** The new {@code mode}, or null to leave it. */
  final String mode;
  /** Whether {@code mode} becomes {@code proxy_pass} (a 403 then names the scope it needs). */
  final boolean proxyPass;
  /** The new expiry, to turn into {@code maximum_ttl} from the link's {@code date_created}; or null. */
  final Instant expiresAt;
  /** Whether {@code maximum_ttl} becomes {@code -1}. */
  final boolean clearExpiry;

  private PatchPlan(
      String linkSid, LinkPatch patch, boolean proxyPass) {
    this.linkSid = linkSid;
    this.destinationUrl = patch.destination().asOptional().map(Object::toString).orElse(null);
    this.shortName = patch.slug().asOptional().orElse(null);
    this.proxyPass = proxyPass;
    this.mode = proxyPass
        ? Mode.PROXY_PASS.wire()
        : patch.redirectType().asOptional().map(Mode::of).map(Mode::wire).orElse(null);
    this.expiresAt = patch.expiresAt().asOptional().orElse(null);
    this.clearExpiry = patch.expiresAt().isCleared();
  }

  /**
   * Checks the patch against CarrierX's own rules, every violation at once; the capability checks
   * and the id shape have already run. Every rule that does not need the stored link is checked
   * here, before any request: an expiry must lie after {@code now} and at most {@link
   * Lifetime#MAX_SECONDS} after it (the link's {@code date_created} is not later than now, so an
   * expiry that breaks either rule counted from now breaks it counted from {@code date_created}
   * too). Only the upper bound counted from the link's own {@code date_created} needs the GET, and
   * is checked after it.
   *
   * @param linkSid the link's {@code link_sid}, already checked to be a UUID
   * @param options the patch's options, already checked to be CarrierX's
   * @param now the client's clock, for the expiry
   * @throws RequestValidationException for a malformed slug, {@code reuse} on an update, a redirect
   *     type together with proxy pass, options that change nothing, or an expiry that is not after
   *     now or lies more than {@link Lifetime#MAX_SECONDS} seconds ahead
   */
  static PatchPlan of(String linkSid, LinkPatch patch, Optional<CarrierxOptions> options, Instant now) {
    boolean proxyPass = options.map(CarrierxOptions::proxyPass).orElse(false);
    List<String> violations = new ArrayList<>();
    if (options.map(CarrierxOptions::reuse).orElse(false)) {
      violations.add("options.reuse: applies to create only");
    }
    patch.slug().ifSet(slug -> LinkRules.slugViolation(slug).ifPresent(violations::add));
    LinkRules.modeViolation(patch.redirectType().isSet(), proxyPass).ifPresent(violations::add);
    patch.expiresAt().ifSet(expiresAt -> Lifetime.violation(now, expiresAt, true, "now (" + now + ")")
        .ifPresent(v -> violations.add("expiresAt: " + v + " (was " + expiresAt + ")")));
    if (patch.fields().isEmpty() && !proxyPass) {
      violations.add("patch: changes nothing (its CarrierxOptions set neither a field nor proxyPass(true))");
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(CarrierxClient.PROVIDER_ID, violations);
    }
    return new PatchPlan(linkSid, patch, proxyPass);
  }
}
