package dev.polylink.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SnipURL emulator's QR images, analytics and account usage, behind {@link SnipurlBackend}'s
 * routing:
 *
 * <ul>
 *   <li>{@code GET /api/v1/qr/:short_code?format=png|svg&size=100..1000&color=&bg=&ec=L|M|Q|H&margin=0..4}
 *       (defaults png, 400, {@code #1A1410}, {@code #FFFFFF}, M, 2; the docs give no default format,
 *       png is the emulator's choice): an image of the short URL ({@link QrImages}; the PNG is black
 *       on white whatever the colours), {@code Cache-Control: public, max-age=86400}; only the key's
 *       own links, 404 {@code NOT_FOUND} otherwise; a bad parameter is 400 {@code VALIDATION_ERROR}.
 *   <li>{@code GET /api/v1/analytics/:link_id?start=&end=} (ISO instants, both or neither, else 400
 *       {@code VALIDATION_ERROR}): {@code total_clicks} (of the range), {@code time_series[{date,
 *       clicks}]} (UTC days with clicks), and top-10 {@code referrers[{referrer, clicks}]}, {@code
 *       countries[{country, clicks}]}, {@code cities} (always empty: no geolocation), {@code
 *       browsers[{browser, clicks}]}, {@code os} (empty) and {@code devices[{device, clicks}]}, from
 *       the clicks served ({@link ClickLog}); the element shapes are the emulator's choice.
 *   <li>{@code GET /api/v1/analytics/summary}: {@code total_links}, {@code active_links}, {@code
 *       total_clicks}, {@code clicks_over_time[{date, clicks}]}, {@code top_links[{id, short_code,
 *       clicks}]} (top 5).
 *   <li>{@code GET /api/v1/account/usage}: {@code rate_limit_per_minute} (60), {@code
 *       rate_limit_per_hour} (1,000), or the numbers of {@code SnipurlEmulator.rateLimits}, {@code link_limit} (settable, default 1,000), {@code
 *       total_links}, {@code total_clicks}.
 *   <li>{@code GET /api/v1/account}: {@code id}, {@code email} ({@value #ACCOUNT_EMAIL}), {@code
 *       link_limit}, {@code default_expiry_hours} (null unless set), {@code total_links}, {@code
 *       total_clicks}, {@code created_at} (when the emulator started).
 * </ul>
 */
final class SnipurlFeatures {
  static final long DEFAULT_LINK_LIMIT = 1000;
  /** The server's default {@code rate_limit_per_minute} of a key. */
  static final int DEFAULT_PER_MINUTE = 60;
  /** The server's default {@code rate_limit_per_hour} of a key. */
  static final int DEFAULT_PER_HOUR = 1000;
  static final String ACCOUNT_EMAIL = "emulator@example.com";

  final ClickLog clicks = new ClickLog();

  void clear() {
    clicks.clear();
  }

  Optional<EmulatorResponse> route(SnipurlBackend backend, EmulatorRequest request, List<String> path) {
    boolean qr = path.size() == 2 && path.get(0).equals("qr");
    boolean summary = path.equals(List.of("analytics", "summary"));
    boolean stats = !summary && path.size() == 2 && path.get(0).equals("analytics");
    boolean usage = path.equals(List.of("account", "usage"));
    boolean account = path.equals(List.of("account"));
    if (!qr && !summary && !stats && !usage && !account) {
      return Optional.empty();
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Optional.of(SnipurlBackend.error(405, "METHOD_NOT_ALLOWED", "Method not allowed.", null).header("Allow", "GET"));
    }
    if (qr) {
      return Optional.of(qr(backend, request, path.get(1)));
    }
    if (stats) {
      return Optional.of(stats(backend, request, path.get(1)));
    }
    if (account) {
      return Optional.of(account(backend));
    }
    return Optional.of(summary ? summary(backend) : usage(backend));
  }

  private EmulatorResponse account(SnipurlBackend backend) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", backend.accountId().toString());
    data.put("email", ACCOUNT_EMAIL);
    data.put("link_limit", backend.linkLimit());
    data.put("default_expiry_hours", backend.defaultExpiryHours().orElse(null));
    data.put("total_links", backend.linkCount(false));
    data.put("total_clicks", clicks.all(c -> true).size());
    data.put("created_at", Times.millis(backend.accountCreatedAt()));
    return SnipurlBackend.ok(200, data, null);
  }

  private EmulatorResponse qr(SnipurlBackend backend, EmulatorRequest request, String code) {
    Optional<SnipurlLink> link = backend.byCode(code);
    if (link.isEmpty()) {
      return SnipurlBackend.error(404, "NOT_FOUND", "Link not found.", null);
    }
    List<String> problems = new ArrayList<>();
    String format = request.query("format").orElse("png");
    if (!format.equals("png") && !format.equals("svg")) {
      problems.add("format: must be png or svg");
    }
    long size = number(request, "size", 400, 100, 1000, problems);
    number(request, "margin", 2, 0, 4, problems);
    String ec = request.query("ec").orElse("M");
    if (!List.of("L", "M", "Q", "H").contains(ec)) {
      problems.add("ec: must be L, M, Q or H");
    }
    String color = request.query("color").orElse("#1A1410");
    String bg = request.query("bg").orElse("#FFFFFF");
    if (!color.matches("#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")) {
      problems.add("color: must be a hex colour");
    }
    if (!bg.equals("transparent") && !bg.matches("#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")) {
      problems.add("bg: must be a hex colour or transparent");
    }
    if (!problems.isEmpty()) {
      return SnipurlBackend.error(400, "VALIDATION_ERROR", String.join("; ", problems), null);
    }
    String content = backend.shortUrlOf(link.get());
    EmulatorResponse response = format.equals("svg")
        ? EmulatorResponse.bytes(200, "image/svg+xml", QrImages.svg(content, (int) size, color, bg))
        : EmulatorResponse.bytes(200, "image/png", QrImages.png(content, (int) size));
    return response.header("Cache-Control", "public, max-age=86400");
  }

  private EmulatorResponse stats(SnipurlBackend backend, EmulatorRequest request, String id) {
    Optional<SnipurlLink> link = Values.uuid(id).flatMap(backend::byId);
    if (link.isEmpty()) {
      return SnipurlBackend.error(404, "NOT_FOUND", "Link not found.", null);
    }
    Optional<String> start = request.query("start");
    Optional<String> end = request.query("end");
    if (start.isPresent() != end.isPresent()) {
      return SnipurlBackend.error(400, "VALIDATION_ERROR", "start and end must be given together.", null);
    }
    Optional<Instant> from = start.flatMap(Values::isoInstant);
    Optional<Instant> to = end.flatMap(Values::isoInstant);
    if (start.isPresent() && (from.isEmpty() || to.isEmpty())) {
      return SnipurlBackend.error(400, "VALIDATION_ERROR", "start and end must be ISO 8601 date-times.", null);
    }
    List<ClickLog.Click> all = clicks.all(c -> c.linkKey().equals(link.get().id.toString())
        && (from.isEmpty() || !c.at().isBefore(from.get())) && (to.isEmpty() || !c.at().isAfter(to.get())));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("total_clicks", all.size());
    data.put("time_series", daily(all));
    data.put("referrers", top(all, ClickLog.Click::referrer, "referrer", 10));
    data.put("countries", top(all, ClickLog.Click::country, "country", 10));
    data.put("cities", List.of());
    data.put("browsers", top(all, ClickLog.Click::browser, "browser", 10));
    data.put("os", List.of());
    data.put("devices", top(all, ClickLog.Click::device, "device", 10));
    return SnipurlBackend.ok(200, data, null);
  }

  private EmulatorResponse summary(SnipurlBackend backend) {
    List<ClickLog.Click> all = clicks.all(c -> true);
    List<Map<String, Object>> topLinks = new ArrayList<>();
    for (Map.Entry<String, Long> e : ClickLog.ranked(all, ClickLog.Click::linkKey)) {
      if (topLinks.size() == 5) {
        break;
      }
      backend.byId(UUID.fromString(e.getKey())).ifPresent(l -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", l.id.toString());
        item.put("short_code", l.code);
        item.put("clicks", e.getValue());
        topLinks.add(item);
      });
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("total_links", backend.linkCount(false));
    data.put("active_links", backend.linkCount(true));
    data.put("total_clicks", all.size());
    data.put("clicks_over_time", daily(all));
    data.put("top_links", topLinks);
    return SnipurlBackend.ok(200, data, null);
  }

  private EmulatorResponse usage(SnipurlBackend backend) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("rate_limit_per_minute", backend.ratePerMinute());
    data.put("rate_limit_per_hour", backend.ratePerHour());
    data.put("link_limit", backend.linkLimit());
    data.put("total_links", backend.linkCount(false));
    data.put("total_clicks", clicks.all(c -> true).size());
    return SnipurlBackend.ok(200, data, null);
  }

  private static List<Map<String, Object>> daily(List<ClickLog.Click> clicks) {
    List<Map<String, Object>> days = new ArrayList<>();
    for (Map.Entry<LocalDate, Long> e : ClickLog.perDay(clicks).entrySet()) {
      days.add(Map.of("date", e.getKey().toString(), "clicks", e.getValue()));
    }
    return days;
  }

  private static List<Map<String, Object>> top(
      List<ClickLog.Click> clicks, Function<ClickLog.Click, String> dimension, String name, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : ClickLog.ranked(clicks, dimension)) {
      if (out.size() == limit) {
        break;
      }
      out.add(Map.of(name, e.getKey(), "clicks", e.getValue()));
    }
    return out;
  }

  private static long number(EmulatorRequest request, String name, long fallback, long min, long max, List<String> problems) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    OptionalLong n = Values.wholeNumber(text.get());
    if (n.isEmpty() || n.getAsLong() < min || n.getAsLong() > max) {
      problems.add(name + ": must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return n.getAsLong();
  }

}
