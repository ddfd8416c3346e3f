package dev.polylink.core;

import java.util.Optional;

/**
 * The exchange with the vendor failed below the level of an API answer: a connection or DNS
 * failure, a reset, a timeout, or a success status whose body could not be read (malformed JSON, an
 * HTML page, a truncated body).
 */
public class TransportException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The operation that failed; {@link #operation()}.
   */
  private final Operation operation;

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param operation the operation that was attempted
   * @param message the message, which never contains a secret
   * @param cause the underlying failure, or {@code null}
   */
  public TransportException(String providerId, Operation operation, String message, Throwable cause) {
    super(providerId, providerId + " " + operation.label() + " failed: " + message, cause);
    this.operation = operation;
  }

  /** {@return the operation that failed} */
  public Operation operation() {
    return operation;
  }

  /** {@return the underlying I/O or parse failure, if any} */
  public Optional<Throwable> rootCause() {
    return Optional.ofNullable(getCause());
  }
}
