package dev.polylink.examples;

/**
 * A bad argument found after parsing, such as an unknown provider id or a malformed URL. The
 * command prints its message on one line and exits with {@link PolylinkExamples#EXIT_USAGE}.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message for the user. */
  public UsageException(String message) {
    super(message);
  }
}
