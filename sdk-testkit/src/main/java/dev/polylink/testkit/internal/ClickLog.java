package dev.polylink.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The clicks an emulator has served, for the statistics endpoints: each visit of a short link that
 * redirected (or proxied) is one click, stamped with the emulator's clock. What the emulator knows
 * of a click comes from the visit's own headers: the referrer from {@code Referer}, the device type
 * ({@code mobile}, {@code tablet} or {@code desktop}) and browser ({@code Edge}, {@code Chrome},
 * {@code Firefox}, {@code Safari}, else {@code Other}) from {@code User-Agent}, and the country from
 * the emulator's own test header {@value #COUNTRY_HEADER} (no geolocation on loopback); a click
 * without one of them is not counted in that dimension.
 */
public final class ClickLog {
  /** The request header a test sets on a short-link visit to give the click a country. */
  public static final String COUNTRY_HEADER = "X-Emulator-Country";

  /** One click. */
  public static final class Click {
    final String linkKey;
    final Instant at;
    final String referrer;
    final String device;
    final String browser;
    final String country;

    Click(String linkKey, Instant at, String referrer, String device, String browser, String country) {
      this.linkKey = linkKey;
      this.at = at;
      this.referrer = referrer;
      this.device = device;
      this.browser = browser;
      this.country = country;
    }

    public Instant at() {
      return at;
    }

    public String referrer() {
      return referrer;
    }

    public String device() {
      return device;
    }

    public String browser() {
      return browser;
    }

    public String country() {
      return country;
    }

    public String linkKey() {
      return linkKey;
    }

    /** The UTC calendar day of the click. */
    public LocalDate day() {
      return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
  }

  private final List<Click> clicks = new ArrayList<>();

  /** Records a click of the link known by {@code linkKey} (its id as a string). */
  public void record(String linkKey, Instant at, EmulatorRequest visit) {
    String agent = visit == null ? null : visit.header("User-Agent");
    clicks.add(new Click(linkKey, at, blankToNull(visit == null ? null : visit.header("Referer")),
        agent == null ? null : device(agent), agent == null ? null : browser(agent),
        blankToNull(visit == null ? null : visit.header(COUNTRY_HEADER))));
  }

  /** Forgets a link's clicks (a vendor that deletes analytics with the link). */
  public void forget(String linkKey) {
    clicks.removeIf(c -> c.linkKey.equals(linkKey));
  }

  public void clear() {
    clicks.clear();
  }

  /** The clicks of a link in order, optionally only those of the UTC days from..to (inclusive, null for open). */
  public List<Click> of(String linkKey, LocalDate from, LocalDate to) {
    return clicks.stream().filter(c -> c.linkKey.equals(linkKey))
        .filter(c -> from == null || !c.day().isBefore(from))
        .filter(c -> to == null || !c.day().isAfter(to))
        .collect(Collectors.toList());
  }

  /** Every click in order, matching {@code filter}. */
  public List<Click> all(Predicate<Click> filter) {
    return clicks.stream().filter(filter).collect(Collectors.toList());
  }

  /** Clicks per UTC day, by date. */
  public static Map<LocalDate, Long> perDay(List<Click> clicks) {
    return clicks.stream().collect(Collectors.groupingBy(Click::day, TreeMap::new, Collectors.counting()));
  }

  /** Clicks per value of a dimension, most first, then by value; clicks without a value are left out. */
  public static List<Map.Entry<String, Long>> ranked(List<Click> clicks, Function<Click, String> dimension) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Click c : clicks) {
      String value = dimension.apply(c);
      if (value != null) {
        counts.merge(value, 1L, Long::sum);
      }
    }
    List<Map.Entry<String, Long>> out = new ArrayList<>(counts.entrySet());
    out.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return out;
  }

  static String device(String agent) {
    String a = agent.toLowerCase(Locale.ROOT);
    if (a.contains("ipad") || a.contains("tablet")) {
      return "tablet";
    }
    return a.contains("mobile") || a.contains("iphone") || a.contains("android") ? "mobile" : "desktop";
  }

  static String browser(String agent) {
    if (agent.contains("Edg/")) {
      return "Edge";
    }
    if (agent.contains("Firefox/")) {
      return "Firefox";
    }
    if (agent.contains("Chrome/")) {
      return "Chrome";
    }
    return agent.contains("Safari/") ? "Safari" : "Other";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
