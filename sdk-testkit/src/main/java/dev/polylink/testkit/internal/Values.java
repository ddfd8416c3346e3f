package dev.polylink.testkit.internal;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks and conversions of request values shared by the emulators. */
public final class Values {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Values() {}

  /** Whether {@code text} is an absolute http or https URL with a host. */
  public static boolean isHttpUrl(String text) {
    if (text == null || text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      String authority = uri.getRawAuthority();
      return scheme != null
          && List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))
          && authority != null
          && !authority.isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A UUID in its canonical 8-4-4-4-12 text form, in either case; empty for anything else. */
  public static Optional<UUID> uuid(String text) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }

  /** An ISO 8601 date-time with {@code Z} or an offset, e.g. {@code 2026-09-30T23:59:59Z}. */
  public static Optional<Instant> isoInstant(Object value) {
    if (!(value instanceof String)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse((String) value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A JSON whole number that fits a long; empty for anything else (fractions, strings, null). */
  public static OptionalLong wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return OptionalLong.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger && ((BigInteger) value).bitLength() < 64) {
      return OptionalLong.of(((BigInteger) value).longValue());
    }
    return OptionalLong.empty();
  }

  /** A query value that is a whole number, e.g. {@code "20"}; empty for anything else. */
  public static OptionalLong wholeNumber(String text) {
    if (text == null || !text.matches("-?\\d{1,18}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(text));
  }

  /** Whether {@code value} is a list whose every element is a string. */
  public static boolean isStringList(Object value) {
    return value instanceof List && ((List<?>) value).stream().allMatch(String.class::isInstance);
  }

  /** The JSON type name of a plain value, for messages: string, number, boolean, array, object, null. */
  public static String jsonType(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List) {
      return "array";
    }
    return "object";
  }
}
