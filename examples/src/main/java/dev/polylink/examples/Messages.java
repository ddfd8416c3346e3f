package dev.polylink.examples;

import dev.polylink.core.PolylinkException;

/** Turns exceptions into the one-line reasons the commands print. */
final class Messages {
  private Messages() {}

  /**
   * The exception's message on one line. Polylink's own messages already name the provider, the
   * operation, the status and the vendor's message; anything else also names its type.
   */
  static String of(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof PolylinkException || e instanceof UsageException || e instanceof CapabilityException) {
      return oneLine(message);
    }
    return oneLine(e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
  }

  /** Line breaks and runs of blanks become one space. */
  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }
}
