package dev.polylink.carrierx.internal;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import java.util.Optional;

/** The client-side rules CarrierX's create and update share. */
final class LinkRules {
  private LinkRules() {}

  /**
   * The slug's violation, e.g. {@code slug: must not contain ... (found '/' at index 1; was "a/b")}.
   * CarrierX documents no character rules for {@code short_name} (only the domain's {@code
   * minimum_length} and {@code suffix_pattern}, which CarrierX checks itself), so only the rule
   * every provider shares applies: {@link Checks#slug}.
   */
  static Optional<String> slugViolation(String slug) {
    try {
      Checks.slug(CarrierxClient.PROVIDER_ID, slug);
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
