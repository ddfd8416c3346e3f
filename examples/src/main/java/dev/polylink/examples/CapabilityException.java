package dev.polylink.examples;

/**
 * The provider cannot do what the command was asked, as its {@link
 * dev.polylink.core.LinkClient#capabilities()} say; raised before any change is made. The command
 * prints its message on one line and exits with {@link PolylinkExamples#EXIT_UNSUPPORTED}.
 */
public final class CapabilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message for the user. */
  public CapabilityException(String message) {
    super(message);
  }
}
