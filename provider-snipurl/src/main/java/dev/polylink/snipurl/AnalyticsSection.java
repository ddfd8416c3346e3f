package dev.polylink.snipurl;

import java.util.Locale;
import java.util.Optional;

/**
 * A section of a SnipURL link's analytics page that can be shared publicly (the update field
 * {@code analytics_shared_fields}), under the name SnipURL stores, {@link #wireName()}.
 *
 * <p>SnipURL's documentation and its server disagree on the names. The Update Link page documents
 * {@code overview}, {@code locations}, {@code devices}, {@code referrers} and {@code browsers}; the
 * server stores whatever strings it is sent (it does not check them), but its public analytics
 * page reads only {@code clicks}, {@code trend}, {@code countries}, {@code devices}, {@code
 * browsers}, {@code referrers} and {@code os} (SnipURL's own source; providers-research.md section
 * 7). So {@link #OVERVIEW} and {@link #LOCATIONS} are stored but show nothing on that page; to
 * share the click totals, the trend chart, the countries or the operating systems, use {@link
 * #CLICKS}, {@link #TREND}, {@link #COUNTRIES} and {@link #OS}. {@link #DEVICES}, {@link
 * #REFERRERS} and {@link #BROWSERS} are in both lists.
 *
 * <p>The documented constants come first, in the documented order, then the server's others in
 * the order its page lists them; {@link SnipurlOptions} always sends a set of sections in this
 * declaration order, as lower-case strings.
 */
public enum AnalyticsSection {
  /** Documented: totals and the clicks-over-time chart, {@code "overview"} (not read by the server's page). */
  OVERVIEW,
  /** Documented: countries and cities, {@code "locations"} (not read by the server's page). */
  LOCATIONS,
  /** Device types, {@code "devices"} (documented, and read by the server's page). */
  DEVICES,
  /** Referring sites, {@code "referrers"} (documented, and read by the server's page). */
  REFERRERS,
  /** Browsers, {@code "browsers"} (documented, and read by the server's page). */
  BROWSERS,
  /** The server's name for the click totals, {@code "clicks"} (not in the documentation). */
  CLICKS,
  /** The server's name for the clicks-over-time chart, {@code "trend"} (not in the documentation). */
  TREND,
  /** The server's name for the countries, {@code "countries"} (not in the documentation). */
  COUNTRIES,
  /** The server's name for the operating systems, {@code "os"} (not in the documentation). */
  OS;

  /**
   * The name SnipURL uses on the wire, e.g. {@code "overview"}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The section SnipURL names {@code wireName} (exactly, as SnipURL compares them), or empty for a
   * name neither the documentation nor the server knows.
   *
   * @param wireName a name as SnipURL stores it, e.g. {@code "clicks"}
   * @return the section with that name
   */
  public static Optional<AnalyticsSection> fromWireName(String wireName) {
    for (AnalyticsSection section : values()) {
      if (section.wireName().equals(wireName)) {
        return Optional.of(section);
      }
    }
    return Optional.empty();
  }
}
