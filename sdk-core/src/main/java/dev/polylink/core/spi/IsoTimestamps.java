package dev.polylink.core.spi;

import java.time.DateTimeException;
import java.time.Instant;
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
    Optional<Instant> zoned = withZone(iso);
    // No zone: the same text read as UTC. (A text that had a zone cannot take a second one.)
    return zoned.isPresent() ? zoned : withZone(iso + "Z");
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
