package dev.polylink.core.spi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lenient reading of the ISO-8601 timestamps vendors send, for response fields whose exact form a
 * vendor does not pin down. Read, with the date and time always in extended form ({@code
 * 2025-06-01T09:30:00}):
 *
 * <ul>
 *   <li>{@code T} or a single space between date and time ({@code t} too: letters ignore case);
 *   <li>seconds optional, with 0 to 9 fractional digits after a {@code .};
 *   <li>a zone of {@code Z}, {@code +02:00}, {@code +02}, {@code +02:00:30} or {@code +0200};
 *   <li>no zone at all, read as UTC;
 *   <li>surrounding whitespace, ignored.
 * </ul>
 *
 * <p>Dates and times are checked strictly: {@code 2025-02-30} or {@code 25:00} is not read (never
 * moved to a nearby valid value). As in {@link Instant#parse}, {@code 24:00:00} is midnight at the
 * end of the day and a leap second {@code 23:59:60} is read as {@code 23:59:59}. Anything else
 * (dates alone, Unix times, other separators, zone names) is empty: a vendor with another rule
 * reads that part itself.
 *
 * <p>Reading a zoneless time as UTC is an assumption about the vendor: use this class for a vendor
 * that reports its times in UTC, and read a vendor whose zone is unknown with a parser that needs a
 * zone.
 */
public final class IsoTimestamps {
  /** An offset without a colon ({@code +0200}), which the JDK's ISO formatters do not read. */
  private static final DateTimeFormatter BASIC_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .appendOffset("+HHMM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  /** The forms with a zone, most common first. */
  private static final List<Function<String, Instant>> WITH_ZONE =
      List.of(
          Instant::parse,
          text -> OffsetDateTime.parse(text).toInstant(),
          text -> OffsetDateTime.parse(text, BASIC_OFFSET).toInstant());

  private IsoTimestamps() {}

  /**
   * {@return the instant {@code text} names, or empty when it is null or not one of the forms
   * above}
   *
   * @param text the text to read
   */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // A space anywhere else never makes a readable timestamp, so replacing them all is safe.
    String iso = text.strip().replace(' ', 'T');
    if (iso.isEmpty()) {
      return Optional.empty();
    }
    Instant common = common(iso);
    if (common != null) {
      return Optional.of(common);
    }
    return withFormatters(iso);
  }

  /** {@link #parse} of a stripped text with spaces replaced, by the JDK's formatters only. */
  static Optional<Instant> withFormatters(String iso) {
    Optional<Instant> zoned = withZone(iso);
    // No zone: the same text read as UTC. (A text that had a zone cannot take a second one.)
    return zoned.isPresent() ? zoned : withZone(iso + "Z");
  }

  /**
   * An ISO-8601 date-time with a zone, as {@link OffsetDateTime#parse} or else {@link Instant#parse}
   * read it (surrounding whitespace ignored): for a vendor whose times always carry a zone, so that
   * a time without one is not guessed to be UTC.
   *
   * @param text the text to read
   * @return the instant, or empty when {@code text} is null, has no zone or is not such a date-time
   */
  public static Optional<Instant> parseZoned(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String iso = text.strip();
    Instant common = common(iso);
    if (common != null) {
      return Optional.of(common);
    }
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeException e) {
      try {
        return Optional.of(Instant.parse(iso));
      } catch (DateTimeException again) {
        return Optional.empty();
      }
    }
  }

  /**
   * The form nearly every vendor sends, {@code 2025-06-01T09:30:00Z}, with 1 to 9 fractional digits
   * or an offset {@code +02:00} (up to 17:59), read by hand: the JDK's formatters allocate about
   * 1.6 KB for each, and a link carries up to four timestamps. Null for any other text, which the
   * formatters then read, so that both paths read every text alike. Dates and times are strict, as
   * the formatters' are.
   */
  static Instant common(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nano = nano * 10 + (s.charAt(i) - '0');
        i++;
      }
      int length = i - start;
      if (length == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = length; k < 9; k++) {
        nano *= 10;
      }
    }
    int offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
        return null;
      }
      int size = hours * 3600 + minutes * 60;
      offset = s.charAt(i) == '-' ? -size : size;
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // e.g. 2025-02-30: the formatters refuse it too
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offset, nano);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Optional<Instant> withZone(String iso) {
    for (Function<String, Instant> reader : WITH_ZONE) {
      try {
        return Optional.of(reader.apply(iso));
      } catch (DateTimeException e) {
        // not this form: try the next
      }
    }
    return Optional.empty();
  }
}
