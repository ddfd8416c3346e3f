package dev.polylink.snipurl;

import java.util.Locale;

/**
 * A section of a SnipURL link's analytics page that can be shared publicly (the update field
 * {@code analytics_shared_fields}). The constants are declared in the order SnipURL documents them,
 * and {@link SnipurlOptions} always sends a set of sections in this order, as lower-case strings:
 * {@code ["overview", "locations", "devices", "referrers", "browsers"]}.
 */
public enum AnalyticsSection {
  /** Totals and the clicks-over-time chart: {@code "overview"}. */
  OVERVIEW,
  /** Countries and cities: {@code "locations"}. */
  LOCATIONS,
  /** Device types and operating systems: {@code "devices"}. */
  DEVICES,
  /** Referring sites: {@code "referrers"}. */
  REFERRERS,
  /** Browsers: {@code "browsers"}. */
  BROWSERS;

  /** {@return the name SnipURL uses on the wire, e.g. {@code "overview"}} */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
