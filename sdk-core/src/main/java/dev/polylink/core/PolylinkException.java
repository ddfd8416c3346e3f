package dev.polylink.core;

import java.util.Objects;

/**
 * The root of every exception Polylink throws. All of them are unchecked. No message or {@code
 * toString()} of any of them contains an API key, a password or an {@code Authorization} header.
 */
public class PolylinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The provider id used when a request is rejected before any provider is involved. */
  public static final String NO_PROVIDER = "polylink";

  /**
   * The provider's id; {@link #providerId()}.
   */
  private final String providerId;

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param message the message, which never contains a secret
   */
  public PolylinkException(String providerId, String message) {
    super(message); // leaves the cause unset, so a provider may still initCause() it
    this.providerId = Objects.requireNonNull(providerId, "providerId");
  }

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param message the message, which never contains a secret
   * @param cause the underlying failure, or {@code null}
   */
  public PolylinkException(String providerId, String message, Throwable cause) {
    super(message, cause);
    this.providerId = Objects.requireNonNull(providerId, "providerId");
  }

  /**
   * {@return the provider that raised this exception, e.g. {@code "xqr"}, or {@value #NO_PROVIDER}
   * when a request builder rejected its input before any provider saw it}
   */
  public String providerId() {
    return providerId;
  }
}
