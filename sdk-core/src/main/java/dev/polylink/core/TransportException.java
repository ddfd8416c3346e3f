package dev.polylink.core;

import java.util.Optional;

/**
 * The exchange with the vendor failed below the level of an API answer: a connection or DNS
 * failure, a reset, a timeout, or a success status whose body could not be read (malformed JSON, an
 * HTML page, a truncated body).
 */
public class TransportException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  private final Operation operation;

  public TransportException(String providerId, Operation operation, String message, Throwable cause) {
    super(providerId, providerId + " " + operation.label() + " failed: " + message, cause);
    this.operation = operation;
  }

  /** The operation that failed. */
  public Operation operation() {
    return operation;
  }

  /** The underlying I/O or parse failure, if any. */
  public Optional<Throwable> rootCause() {
    return Optional.ofNullable(getCause());
  }
}
