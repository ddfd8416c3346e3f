package dev.polylink.testkit.internal;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/** Random codes, keys and ids for the emulators. Thread-safe. */
public final class Codes {
  /** Letters and digits. */
  public static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** Lower-case hexadecimal digits. */
  public static final String HEX = "0123456789abcdef";
  /** Letters, digits, hyphen and underscore (base64url). */
  public static final String URL_SAFE = ALPHANUMERIC + "-_";

  private static final Random RANDOM = new SecureRandom();

  private Codes() {}

  /** {@code length} random characters of {@code alphabet}. */
  public static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * A random alphanumeric code of {@code length} that {@code taken} does not report as taken. Letters and digits
   * only, at least 5 long, so it can never be a path prefix of the APIs ({@code api}, {@code v1},
   * {@code core}).
   */
  public static String uniqueCode(int length, Predicate<String> taken) {
    if (length < 5) {
      throw new IllegalArgumentException("codes must be at least 5 characters long");
    }
    while (true) {
      String code = random(ALPHANUMERIC, length);
      if (!taken.test(code)) {
        return code;
      }
    }
  }

  /** A random (version 4) UUID. */
  public static UUID uuid() {
    return UUID.randomUUID();
  }

  /** A request id in xQR's shape, {@code req_} and 16 hex digits. */
  public static String requestId() {
    return "req_" + random(HEX, 16);
  }
}
