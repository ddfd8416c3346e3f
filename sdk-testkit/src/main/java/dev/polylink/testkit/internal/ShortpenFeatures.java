package dev.polylink.testkit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ShortPen emulator's analytics and account, behind {@link ShortpenBackend}'s routing:
 *
 * <ul>
 *   <li>{@code POST /v1/analytics} with {@code {start, end}} (required, inclusive {@code
 *       YYYY-MM-DD}, UTC days; else 422 with Laravel-style messages), optional {@code url_id} and
 *       {@code workspace_id}: the raw click events of the clicks served ({@link ClickLog}), oldest
 *       first, as {@code {id, workspace_id, organization_id, url_id, url_slug, domain, device_type,
 *       platform (always null), browser, country, referrer, created_at}}, all in one answer (ShortPen
 *       documents no paging). Soft-deleted links keep their events, as ShortPen keeps analytics.
 *   <li>{@code POST /v1/me}: the account with {@code enabledFeatures} {@code links} (limit 1,000,
 *       used = live links; used up while {@code featureQuotaExhausted} is on) and {@code qr_codes}
 *       (limit 1,000, used = links with a QR code); the slugs are the emulator's choice.
 * </ul>
 */
final class ShortpenFeatures {
  static final long FEATURE_LIMIT = 1000;

  final ClickLog clicks = new ClickLog();

  void clear() {
    clicks.clear();
  }

  Optional<EmulatorResponse> route(ShortpenBackend backend, EmulatorRequest request, List<String> path) {
    boolean analytics = path.equals(List.of("analytics"));
    boolean me = path.equals(List.of("me"));
    if (!analytics && !me) {
      return Optional.empty();
    }
    if (!request.method().equals("POST")) {
      return Optional.of(ShortpenBackend.error(405, "The " + request.method() + " method is not supported for this route."));
    }
    return Optional.of(analytics ? analytics(backend, request) : me(backend));
  }

  private EmulatorResponse analytics(ShortpenBackend backend, EmulatorRequest request) {
    Map<String, Object> body = Json.parseObject(request.bodyText()).orElse(Map.of());
    List<String> problems = new ArrayList<>();
    LocalDate start = date(body.get("start"), "start", problems);
    LocalDate end = date(body.get("end"), "end", problems);
    if (start != null && end != null && end.isBefore(start)) {
      problems.add("The end field must be a date after or equal to start.");
    }
    Object urlId = body.get("url_id");
    if (urlId != null && !(urlId instanceof Number)) {
      problems.add("The url id field must be an integer.");
    }
    if (!problems.isEmpty()) {
      return ShortpenBackend.error(422, String.join(" ", problems));
    }
    List<Map<String, Object>> events = new ArrayList<>();
    int n = 0;
    for (ClickLog.Click click : clicks.all(c -> true)) {
      n++;
      if (click.day().isBefore(start) || click.day().isAfter(end)
          || (urlId != null && !click.linkKey().equals(Long.toString(((Number) urlId).longValue())))) {
        continue;
      }
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("id", n);
      event.put("workspace_id", ShortpenBackend.WORKSPACE_ID);
      event.put("organization_id", ShortpenBackend.ORGANIZATION_ID);
      event.put("url_id", Long.parseLong(click.linkKey()));
      event.put("url_slug", backend.slugOf(Long.parseLong(click.linkKey())).orElse(null));
      event.put("domain", backend.domainName());
      event.put("device_type", click.device());
      event.put("platform", null);
      event.put("browser", click.browser());
      event.put("country", click.country());
      event.put("referrer", click.referrer());
      event.put("created_at", Times.micros(click.at()));
      events.add(event);
    }
    return ShortpenBackend.ok(events);
  }

  private EmulatorResponse me(ShortpenBackend backend) {
    Map<String, Object> features = new LinkedHashMap<>();
    long links = backend.quotaExhausted() ? FEATURE_LIMIT : backend.liveLinks();
    features.put("links", feature("Links", links));
    features.put("qr_codes", feature("QR Codes", backend.linksWithQr()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", ShortpenBackend.ORGANIZATION_ID);
    data.put("enabledFeatures", features);
    return ShortpenBackend.ok(data);
  }

  private static Map<String, Object> feature(String name, long used) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("enabled", true);
    f.put("limit", FEATURE_LIMIT);
    f.put("used", used);
    f.put("remaining", Math.max(0, FEATURE_LIMIT - used));
    return f;
  }

  private static LocalDate date(Object value, String field, List<String> problems) {
    if (!(value instanceof String)) {
      problems.add("The " + field + " field is required.");
      return null;
    }
    try {
      return LocalDate.parse((String) value);
    } catch (DateTimeParseException e) {
      problems.add("The " + field + " field must be a valid date.");
      return null;
    }
  }
}
