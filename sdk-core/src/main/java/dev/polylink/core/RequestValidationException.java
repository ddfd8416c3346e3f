package dev.polylink.core;

import java.util.List;

/**
 * Bad input, rejected before any request was sent. Each violation names the field and the rule it
 * broke, e.g. {@code "slug: must be 3 to 64 letters, digits or hyphens (was \"a\")"}.
 */
public class RequestValidationException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Every rule the input broke; {@link #violations()}.
   */
  private final List<String> violations;

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param violations every rule the input broke; not empty
   */
  public RequestValidationException(String providerId, List<String> violations) {
    super(providerId, message(providerId, violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param violation the field and the rule it broke, e.g. {@code "slug: must be 3 to 64 letters"}
   */
  public RequestValidationException(String providerId, String violation) {
    this(providerId, List.of(violation));
  }

  /** {@return every rule the input broke, not just the first} Never empty. */
  public List<String> violations() {
    return violations;
  }

  private static String message(String providerId, List<String> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a RequestValidationException needs at least one violation");
    }
    return providerId + ": invalid request: " + String.join("; ", violations);
  }
}
