package dev.polylink.testkit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The xQR emulator's QR images, analytics and workspace usage, behind {@link XqrBackend}'s routing:
 *
 * <ul>
 *   <li>{@code GET /v1/links/{id}/qr?format=svg|png&size=1..50&template_id=<uuid>}: an image of the
 *       short URL ({@link QrImages}), {@code size} x 21 pixels a side (default svg, size 10), with
 *       {@code Content-Type} {@code image/svg+xml} or {@code image/png}; a bad parameter is 400
 *       {@code VALIDATION_ERROR}; an unknown link is the QR page's own 404 body, {@code
 *       {"error":{"code":"not_found","message":"Link not found."},"meta":{...}}} with an {@code
 *       X-Request-Id} header. Templates are not stored: any UUID is accepted.
 *   <li>{@code GET /v1/analytics/links/{id}} and {@code .../{id}/stats} (the docs show both; both
 *       answer the same): {@code link_id}, {@code short_code}, {@code total_scans}, {@code
 *       last_scan_at}, {@code countries[{country, scans}]}, {@code devices[{device, scans}]}, {@code
 *       browsers[{browser, scans}]}, {@code daily_scans[{date, scans}]} (UTC days), computed from the
 *       clicks served ({@link ClickLog}); {@code meta.rate_limit} in the analytics pages' shape {@code
 *       {remaining, reset_at}}.
 *   <li>{@code GET /v1/analytics/summary?period=7d|30d|90d|all} (default 30d): {@code period},
 *       {@code total_links}, {@code total_scans} (clicks of the period's UTC days, today included),
 *       {@code top_links[{link_id, short_code, scans}]} (top 5); the members are the emulator's
 *       choice, xQR does not document them.
 *   <li>{@code GET /v1/workspace/usage}: {@code plan}, {@code usage{links, api_calls}}, {@code
 *       limits{links: null (unlimited), api_calls: the monthly quota}}, {@code features{routing_rules,
 *       csv_export, bulk_ops}} (all on until {@code planFeature} switches one off). A create or
 *       update with routing rules while {@code routing_rules} is off answers 403 {@code
 *       FEATURE_NOT_AVAILABLE}.
 * </ul>
 */
final class XqrFeatures {
  static final List<String> FEATURES = List.of("routing_rules", "csv_export", "bulk_ops");

  final ClickLog clicks = new ClickLog();
  private final Map<String, Boolean> features = new LinkedHashMap<>();
  private String plan = "enterprise";

  XqrFeatures() {
    clear();
  }

  void clear() {
    clicks.clear();
    features.clear();
    FEATURES.forEach(f -> features.put(f, true));
    plan = "enterprise";
  }

  void feature(String name, boolean enabled) {
    features.put(name, enabled);
  }

  void plan(String name) {
    plan = name;
  }

  boolean enabled(String feature) {
    return features.getOrDefault(feature, true);
  }

  /** Whether a create/update body needs a feature the plan lacks; the feature's name, if so. */
  Optional<String> missingFeature(Map<String, Object> body) {
    Object rules = body.get("routing_rules");
    return rules instanceof List && !((List<?>) rules).isEmpty() && !enabled("routing_rules")
        ? Optional.of("routing_rules") : Optional.empty();
  }

  /** The response for a feature path, or empty when the path is not one. */
  Optional<EmulatorResponse> route(XqrBackend backend, EmulatorRequest request, List<String> path) {
    boolean qr = path.size() == 3 && path.get(0).equals("links") && path.get(2).equals("qr");
    boolean stats = path.size() >= 3 && path.size() <= 4 && path.get(0).equals("analytics")
        && path.get(1).equals("links") && (path.size() == 3 || path.get(3).equals("stats"));
    boolean summary = path.equals(List.of("analytics", "summary"));
    boolean usage = path.equals(List.of("workspace", "usage"));
    if (!qr && !stats && !summary && !usage) {
      return Optional.empty();
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Optional.of(XqrBackend.error(405, "METHOD_NOT_ALLOWED", "Allowed methods: GET.").header("Allow", "GET"));
    }
    if (qr) {
      return Optional.of(qr(backend, request, path.get(1)));
    }
    if (stats) {
      return Optional.of(stats(backend, path.get(2)));
    }
    return Optional.of(summary ? summary(backend, request) : usage(backend));
  }

  private EmulatorResponse qr(XqrBackend backend, EmulatorRequest request, String id) {
    Optional<XqrLink> link = backend.link(id);
    if (link.isEmpty()) {
      String requestId = Codes.requestId();
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", "not_found");
      error.put("message", "Link not found.");
      return EmulatorResponse.json(404, Map.of("error", error, "meta", Map.of("request_id", requestId)))
          .header("X-Request-Id", requestId);
    }
    List<String> problems = new ArrayList<>();
    String format = request.query("format").orElse("svg");
    if (!format.equals("svg") && !format.equals("png")) {
      problems.add("format: must be svg or png");
    }
    long size = 10;
    Optional<String> sizeText = request.query("size");
    if (sizeText.isPresent()) {
      OptionalLong n = Values.wholeNumber(sizeText.get());
      if (n.isEmpty() || n.getAsLong() < 1 || n.getAsLong() > 50) {
        problems.add("size: must be a whole number from 1 to 50");
      } else {
        size = n.getAsLong();
      }
    }
    Optional<String> template = request.query("template_id");
    if (template.isPresent() && Values.uuid(template.get()).isEmpty()) {
      problems.add("template_id: must be a UUID");
    }
    if (!problems.isEmpty()) {
      return XqrBackend.error(400, "VALIDATION_ERROR", String.join("; ", problems));
    }
    String content = backend.shortUrlOf(link.get());
    int pixels = (int) size * QrImages.MODULES;
    return format.equals("png")
        ? EmulatorResponse.bytes(200, "image/png", QrImages.png(content, pixels))
        : EmulatorResponse.bytes(200, "image/svg+xml", QrImages.svg(content, pixels, "#000000", "#FFFFFF"));
  }

  private EmulatorResponse stats(XqrBackend backend, String id) {
    Optional<XqrLink> found = backend.link(id);
    if (found.isEmpty()) {
      return XqrBackend.error(404, "NOT_FOUND", "Link not found.");
    }
    XqrLink link = found.get();
    List<ClickLog.Click> all = clicks.of(link.id.toString(), null, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("link_id", link.id.toString());
    data.put("short_code", link.code);
    data.put("total_scans", all.size());
    data.put("last_scan_at", Times.seconds(all.isEmpty() ? null : all.get(all.size() - 1).at()));
    data.put("countries", ranked(all, ClickLog.Click::country, "country"));
    data.put("devices", ranked(all, ClickLog.Click::device, "device"));
    data.put("browsers", ranked(all, ClickLog.Click::browser, "browser"));
    List<Map<String, Object>> days = new ArrayList<>();
    ClickLog.perDay(all).forEach((day, n) -> days.add(Map.of("date", day.toString(), "scans", n)));
    data.put("daily_scans", days);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("request_id", Codes.requestId());
    meta.put("rate_limit", backend.analyticsRateLimit());
    return EmulatorResponse.json(200, Map.of("data", data, "meta", meta));
  }

  private EmulatorResponse summary(XqrBackend backend, EmulatorRequest request) {
    String period = request.query("period").orElse("30d");
    Map<String, Integer> days = Map.of("7d", 7, "30d", 30, "90d", 90);
    if (!period.equals("all") && !days.containsKey(period)) {
      return XqrBackend.error(400, "VALIDATION_ERROR", "period: must be 7d, 30d, 90d or all");
    }
    LocalDate today = backend.now().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate from = period.equals("all") ? null : today.minusDays(days.get(period) - 1);
    List<ClickLog.Click> inPeriod = clicks.all(c -> from == null || !c.day().isBefore(from));
    List<Map<String, Object>> top = new ArrayList<>();
    for (Map.Entry<String, Long> e : ClickLog.ranked(inPeriod, ClickLog.Click::linkKey)) {
      if (top.size() == 5) {
        break;
      }
      backend.link(e.getKey()).ifPresent(l -> top.add(Map.of("link_id", l.id.toString(), "short_code", l.code, "scans", e.getValue())));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("period", period);
    data.put("total_links", backend.linkCount());
    data.put("total_scans", inPeriod.size());
    data.put("top_links", top);
    return EmulatorResponse.json(200, Map.of("data", data, "meta", Map.of("request_id", Codes.requestId(),
        "rate_limit", backend.analyticsRateLimit())));
  }

  private EmulatorResponse usage(XqrBackend backend) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("links", backend.linkCount());
    usage.put("api_calls", backend.quotaUsed());
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("links", null);
    limits.put("api_calls", backend.quota());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("plan", plan);
    data.put("usage", usage);
    data.put("limits", limits);
    data.put("features", new LinkedHashMap<>(features));
    return EmulatorResponse.json(200, Map.of("data", data, "meta", Map.of("request_id", Codes.requestId())));
  }

  private static List<Map<String, Object>> ranked(
      List<ClickLog.Click> clicks, Function<ClickLog.Click, String> dimension, String name) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : ClickLog.ranked(clicks, dimension)) {
      out.add(Map.of(name, e.getKey(), "scans", e.getValue()));
    }
    return out;
  }

}
