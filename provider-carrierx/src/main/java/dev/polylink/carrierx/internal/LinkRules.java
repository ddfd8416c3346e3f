package dev.polylink.carrierx.internal;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/** The client-side rules CarrierX's create and update share. */
final class LinkRules {
  /**
   * CarrierX documents no character rules for {@code short_name} (only the domain's {@code
   * minimum_length} and {@code suffix_pattern}, which CarrierX checks itself), so the client only
   * makes sure the slug is one path segment of the short URL.
   */
  private static final Pattern SLUG = Pattern.compile("[^/?#\\s\\p{Cntrl}]+");

  static final String SLUG_RULE =
      "must be one URL path segment: no '/', '?', '#', whitespace or control characters";

  private LinkRules() {}

  /** The slug's violation, e.g. {@code slug: must be one URL path segment: ... (was "a/b")}. */
  static Optional<String> slugViolation(String slug) {
    try {
      Checks.matches(CarrierxClient.PROVIDER_ID, "slug", slug, SLUG, SLUG_RULE);
      return Optional.empty();
    } catch (RequestValidationException e) {
      return Optional.of(e.violations().get(0));
    }
  }

  /** CarrierX's {@code mode} is either {@code proxy_pass} or a redirect, never both. */
  static Optional<String> modeViolation(boolean redirectType, boolean proxyPass) {
    return redirectType && proxyPass
        ? Optional.of("redirectType: cannot be combined with CarrierxOptions.proxyPass(true)"
            + " (CarrierX's mode is either proxy_pass or a redirect)")
        : Optional.empty();
  }
}
