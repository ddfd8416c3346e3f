package dev.polylink.shortpen.internal;

import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.shortpen.ShortpenClient;
import java.util.Optional;

/**
 * The rule every ShortPen id (link, domain, workspace, folder, pixel) follows: a positive integer.
 * Public only so that the public package can share it.
 */
public final class PositiveIds {
  private PositiveIds() {}

  /** The violation for {@code field}, naming the rule and the value; empty when it is positive. */
  public static Optional<String> violation(String field, long value) {
    return value > 0
        ? Optional.empty()
        : Optional.of(field + ": must be a positive integer (was " + value + ")");
  }

  /**
   * The value when positive.
   *
   * @throws RequestValidationException naming {@code field} otherwise
   */
  public static long require(String field, long value) {
    violation(field, value).ifPresent(v -> {
      throw new RequestValidationException(ShortpenClient.PROVIDER_ID, v);
    });
    return value;
  }

  /**
   * Parses a decimal positive integer, as given in a string (a {@code CreateLinkRequest.domain()}).
   *
   * @throws RequestValidationException naming {@code field} and what it should be
   */
  public static long parse(String field, String value, String what) {
    String text = value.strip();
    long parsed;
    try {
      parsed = Long.parseLong(text);
    } catch (NumberFormatException e) {
      parsed = 0;
    }
    if (parsed <= 0 || !Long.toString(parsed).equals(text)) {
      throw Checks.invalid(ShortpenClient.PROVIDER_ID, field, "must be " + what + ", a positive integer", value);
    }
    return parsed;
  }
}
