package dev.polylink.testkit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The timestamp formats the vendors use, all in UTC. */
public final class Times {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** {@code 2026-03-21T14:30:00Z} (xQR); null stays null. */
  public static String seconds(Instant instant) {
    return instant == null ? null : SECONDS.format(instant);
  }

  /** {@code 2025-06-20T10:00:00.000Z} (SnipURL, CarrierX); null stays null. */
  public static String millis(Instant instant) {
    return instant == null ? null : MILLIS.format(instant);
  }

  /** {@code 2025-06-20T10:00:00.000000Z} (Laravel's default, ShortPen); null stays null. */
  public static String micros(Instant instant) {
    return instant == null ? null : MICROS.format(instant);
  }

  /** {@code instant} cut to whole milliseconds, as a database column of that precision keeps it. */
  public static Instant toMillis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
