package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.ClickCount;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.LinkStats;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.Quota;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.ClickCounts;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.shortpen.ShortpenClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeMap;

/**
 * ShortPen's click statistics and account usage. Thread-safe.
 *
 * <p><b>Statistics</b> are aggregated here: {@code POST /v1/analytics} with {@code {start, end,
 * url_id}} (and {@code workspace_id} when the client has one) answers raw click events {@code {id,
 * ..., device_type, platform, browser, country, referrer, created_at}}. The SDK counts them: the total
 * (of the range: ShortPen needs one), clicks per day (the date part of {@code created_at} as ShortPen
 * writes it, in the account's time zone or UTC, as ShortPen documents), and clicks per {@code
 * country}, {@code device_type}, {@code browser} and {@code referrer} (a missing or empty value is not
 * counted). A last-click time is not reported: {@code created_at} carries no zone when the account
 * has one, so no instant can be derived without guessing. Pagination of this endpoint is not
 * documented: when an answer says it is a page ({@code page} and {@code total} beside {@code data},
 * as {@code GET /v1/links} does) and holds fewer events than {@code total}, the next page is asked
 * for with {@code page} in the body (the list endpoint's parameter name); paging stops at the total,
 * at an empty page, or when a page repeats event ids already counted. The events are counted, not
 * kept: {@link LinkStats#providerFields()} is empty (copying every event would cost for data the
 * aggregate already says).
 *
 * <p><b>Usage</b> is {@code POST /v1/me}: each {@code data.enabledFeatures[slug]} becomes the quota
 * {@code slug} ({@code limit}, {@code used}, {@code remaining}) and the feature flag {@code slug}
 * ({@code enabled}). A {@code data.plan} text (or {@code plan.name}), not documented, is read where
 * present.
 */
public final class ShortpenFeatures {
  private static final int MAX_PAGES = 10_000;

  private final HttpTransport transport;
  private final ShortpenFeatureApi api;
  private final Long workspaceId;

  ShortpenFeatures(HttpTransport transport, Long workspaceId) {
    this.transport = transport;
    this.api = transport.create(ShortpenFeatureApi.class);
    this.workspaceId = workspaceId;
  }

  /** The link's statistics over {@code request}'s range (checked by the caller: it is required). */
  public LinkStats stats(long id, LinkId linkId, StatsRequest request) {
    Map<String, Object> body = statsBody(id, request);
    List<JsonNode> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int page = 1;
    while (true) {
      JsonNode root = transport.executeForBody(Operation.STATS, api.analytics(body));
      if (lastPage(root, events, seen, page)) {
        break;
      }
      page++;
      body.put("page", page);
    }
    return aggregate(linkId, request, events);
  }

  private Map<String, Object> statsBody(long id, StatsRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("start", request.from().orElseThrow().toString());
    body.put("end", request.to().orElseThrow().toString());
    if (workspaceId != null) {
      body.put("workspace_id", workspaceId);
    }
    body.put("url_id", id);
    return body;
  }

  /** Adds a page's new events; whether it is the last page to read. */
  private static boolean lastPage(JsonNode root, List<JsonNode> events, Set<String> seen, int page) {
    JsonNode data = Envelope.dataArray(ShortpenClient.PROVIDER_ID, Operation.STATS, root);
    boolean added = false;
    for (JsonNode event : data) {
      String key = Json.text(event, "id").orElse(null);
      if (key == null || seen.add(key)) {
        events.add(event);
        added = true;
      }
    }
    OptionalLong total = Json.wholeNumber(root, "total");
    boolean paged = root.has("page") && total.isPresent();
    return !paged || !added || events.size() >= total.getAsLong() || page >= MAX_PAGES;
  }

  // ---- async (lane/async) ----

  /** {@link #stats} without blocking: each page of events is asked after the previous one answered. */
  public CompletableFuture<LinkStats> statsAsync(long id, LinkId linkId, StatsRequest request) {
    Map<String, Object> body = statsBody(id, request);
    List<JsonNode> events = new ArrayList<>();
    return statsPage(body, events, new HashSet<>(), 1).thenApply(ignored -> aggregate(linkId, request, events));
  }

  private CompletableFuture<Void> statsPage(Map<String, Object> body, List<JsonNode> events, Set<String> seen, int page) {
    if (page > 1) {
      body.put("page", page);
    }
    // A copy per request: the body map changes for the next page while this one may still be resent.
    return transport.executeForBodyAsync(Operation.STATS, api.analytics(new LinkedHashMap<>(body))).thenCompose(root -> {
      if (lastPage(root, events, seen, page)) {
        return CompletableFuture.completedFuture(null);
      }
      return statsPage(body, events, seen, page + 1);
    });
  }

  /** {@link #usage} without blocking. */
  public CompletableFuture<AccountUsage> usageAsync() {
    return transport.executeForBodyAsync(Operation.ACCOUNT_USAGE, api.me(Map.of())).thenApply(this::usage);
  }

  // ---- end async ----

  private static LinkStats aggregate(LinkId linkId, StatsRequest request, List<JsonNode> events) {
    Map<LocalDate, Long> days = new TreeMap<>();
    Map<String, Long> countries = new LinkedHashMap<>();
    Map<String, Long> devices = new LinkedHashMap<>();
    Map<String, Long> browsers = new LinkedHashMap<>();
    Map<String, Long> referrers = new LinkedHashMap<>();
    for (JsonNode event : events) {
      Json.text(event, "created_at").flatMap(ClickCounts::date).ifPresent(d -> days.merge(d, 1L, Long::sum));
      count(countries, event, "country");
      count(devices, event, "device_type");
      count(browsers, event, "browser");
      count(referrers, event, "referrer");
    }
    List<DailyClicks> daily = new ArrayList<>();
    days.forEach((d, n) -> daily.add(DailyClicks.of(d, n)));
    return LinkStats.builder().linkId(linkId).request(request)
        .totalClicks(events.size())
        .dailyClicks(daily)
        .countries(counts(countries)).devices(counts(devices)).browsers(counts(browsers)).referrers(counts(referrers))
        .build();
  }

  private static void count(Map<String, Long> counts, JsonNode event, String field) {
    Json.text(event, field).filter(s -> !s.isBlank()).ifPresent(v -> counts.merge(v, 1L, Long::sum));
  }

  private static List<ClickCount> counts(Map<String, Long> counts) {
    List<ClickCount> out = new ArrayList<>();
    counts.forEach((v, n) -> out.add(ClickCount.of(v, n)));
    return out;
  }

  /** {@code POST /v1/me}. */
  public AccountUsage usage() {
    return usage(transport.executeForBody(Operation.ACCOUNT_USAGE, api.me(Map.of())));
  }

  private AccountUsage usage(JsonNode root) {
    JsonNode data = Envelope.dataObject(ShortpenClient.PROVIDER_ID, Operation.ACCOUNT_USAGE, root);
    AccountUsage.Builder usage = AccountUsage.builder().providerFields(FrozenJson.map(data));
    JsonNode plan = data.get("plan");
    (plan != null && plan.isObject() ? Json.text(plan, "name") : Json.text(data, "plan"))
        .filter(s -> !s.isBlank()).ifPresent(usage::plan);
    JsonNode features = data.get("enabledFeatures");
    if (features != null && features.isObject()) {
      features.fields().forEachRemaining(e -> {
        JsonNode f = e.getValue();
        if (!f.isObject()) {
          return;
        }
        Quota.Builder quota = Quota.builder(e.getKey());
        Json.wholeNumber(f, "limit").ifPresent(quota::limit);
        Json.wholeNumber(f, "used").ifPresent(quota::used);
        Json.wholeNumber(f, "remaining").ifPresent(quota::remaining);
        usage.addQuota(quota.build());
        Json.bool(f, "enabled").ifPresent(b -> usage.putFeature(e.getKey(), b));
      });
    }
    return usage.build();
  }

}
