package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.Quota;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.ClickCounts;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdPath;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.QrImages;
import dev.polylink.xqr.XqrClient;
import dev.polylink.xqr.XqrAnalyticsSummary;
import dev.polylink.xqr.XqrQrOptions;
import dev.polylink.xqr.XqrSummaryPeriod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * xQR's QR images, link statistics, workspace summary and workspace usage. Thread-safe.
 *
 * <p><b>The statistics path.</b> xQR's Link Stats page heads the endpoint {@code GET
 * /v1/analytics/links/{link_id}} but its examples call {@code /v1/analytics/links/{id}/stats}. Both
 * are supported: the heading's path is asked first; when it answers 404, the examples' path is
 * asked once (a GET, safe to repeat), and once that form has answered, this client uses it from then
 * on. A link that exists under neither path is the second 404's {@link NotFoundException}. The
 * examples' {@code lnk_xyz789} id is not a UUID; links' ids are, and are checked as such.
 *
 * <p><b>Statistics fields.</b> {@code total_scans} is the total, {@code last_scan_at} the last
 * click, {@code daily_scans[{date, scans}]} the days. The element shape of {@code countries[]},
 * {@code devices[]} and {@code browsers[]} is not documented: each element is read as an object with
 * its value under {@code country}/{@code device}/{@code browser} (or {@code code}, {@code name},
 * {@code value}) and its count under {@code scans} (or {@code count}, {@code clicks}); an element
 * that cannot be read is skipped. xQR reports no referrers and takes no date range.
 *
 * <p><b>Usage.</b> {@code GET /v1/workspace/usage}'s {@code data}: {@code plan} (a string, or an
 * object's {@code name}), {@code limits} and {@code usage} (objects of numbers, merged into one
 * {@link Quota} per name where both use the same name, never by guessing that two names mean the
 * same thing), {@code features} (or {@code feature_flags}, an object of booleans). The latest
 * answer is remembered for {@link #lastUsage()}.
 */
public final class XqrFeatures {
  private static final IdPath QR = XqrFeatureApi.QR;
  private static final IdPath STATS = XqrFeatureApi.STATS;
  private static final IdPath STATS_AS_IN_THE_EXAMPLES = XqrFeatureApi.STATS_AS_IN_THE_EXAMPLES;
  private static final String ID = XqrClient.PROVIDER_ID;

  private final Capabilities capabilities;
  private final XqrOperations operations;
  private final HttpTransport transport;
  private final XqrFeatureApi api;
  private final AtomicBoolean examplesPath = new AtomicBoolean();
  private final AtomicReference<AccountUsage> lastUsage = new AtomicReference<>();

  XqrFeatures(Capabilities capabilities, XqrOperations operations, HttpTransport transport) {
    this.capabilities = capabilities;
    this.operations = operations;
    this.transport = transport;
    this.api = transport.create(XqrFeatureApi.class);
  }

  /** {@code GET /v1/links/{link_id}/qr?format=&size=&template_id=}. */
  public QrCode qrCode(LinkId id, QrOptions options) {
    Optional<XqrQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, XqrQrOptions.class);
    UUID uuid = Checks.uuidId(ID, id);
    return qrImage(transport.exchange(Operation.QR_CODE, qrCall(uuid, options, extras)));
  }

  private retrofit2.Call<okhttp3.ResponseBody> qrCall(UUID uuid, QrOptions options, Optional<XqrQrOptions> extras) {
    return api.qr(QR.with(uuid.toString()), QR,
        options.format().map(f -> f.label()).orElse(null),
        options.size().isPresent() ? options.size().getAsInt() : null,
        extras.flatMap(XqrQrOptions::templateId).map(UUID::toString).orElse(null));
  }

  private QrCode qrImage(retrofit2.Response<okhttp3.ResponseBody> response) {
    operations.recordRequestId(response.headers().get("X-Request-Id")); // the image has no meta.request_id
    return QrImages.read(ID, response.body());
  }

  /** The link's statistics, from whichever documented path answers (see the class comment). */
  public LinkStats stats(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    String uuid = Checks.uuidText(ID, id);
    JsonNode root;
    if (examplesPath.get()) {
      root = operations.read(Operation.STATS, api.statsAsInTheExamples(STATS_AS_IN_THE_EXAMPLES.with(uuid), STATS_AS_IN_THE_EXAMPLES));
    } else {
      try {
        root = operations.read(Operation.STATS, api.stats(STATS.with(uuid), STATS));
      } catch (NotFoundException headingMissing) {
        root = operations.read(Operation.STATS, api.statsAsInTheExamples(STATS_AS_IN_THE_EXAMPLES.with(uuid), STATS_AS_IN_THE_EXAMPLES));
        examplesPath.set(true);
      }
    }
    return stats(id, request, root);
  }

  // ---- async (lane/async) ----

  /** {@link #qrCode} without blocking. */
  public CompletableFuture<QrCode> qrCodeAsync(LinkId id, QrOptions options) {
    Optional<XqrQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, XqrQrOptions.class);
    UUID uuid = Checks.uuidId(ID, id);
    return transport.exchangeAsync(Operation.QR_CODE, qrCall(uuid, options, extras)).thenApply(this::qrImage);
  }

  /**
   * {@link #stats} without blocking: the examples' path is asked after the heading's answered 404,
   * as a second step of the same operation.
   */
  public CompletableFuture<LinkStats> statsAsync(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    String uuid = Checks.uuidText(ID, id);
    CompletableFuture<JsonNode> root;
    if (examplesPath.get()) {
      root = operations.readAsync(Operation.STATS, api.statsAsInTheExamples(STATS_AS_IN_THE_EXAMPLES.with(uuid), STATS_AS_IN_THE_EXAMPLES));
    } else {
      root = operations.readAsync(Operation.STATS, api.stats(STATS.with(uuid), STATS)).exceptionallyCompose(e -> {
        if (HttpTransport.unwrap(e) instanceof NotFoundException) {
          return operations.readAsync(Operation.STATS, api.statsAsInTheExamples(STATS_AS_IN_THE_EXAMPLES.with(uuid), STATS_AS_IN_THE_EXAMPLES)).thenApply(answer -> {
            examplesPath.set(true);
            return answer;
          });
        }
        return CompletableFuture.failedFuture(HttpTransport.unwrap(e));
      });
    }
    return root.thenApply(answer -> stats(id, request, answer));
  }

  /** {@link #usage} without blocking. */
  public CompletableFuture<AccountUsage> usageAsync() {
    return operations.readAsync(Operation.ACCOUNT_USAGE, api.usage()).thenApply(this::usage);
  }

  // ---- end async ----

  private LinkStats stats(LinkId id, StatsRequest request, JsonNode root) {
    JsonNode data = Envelope.dataObject(ID, Operation.STATS, root);
    LinkStats.Builder stats = LinkStats.builder().linkId(id).request(request).providerFields(FrozenJson.map(data));
    Json.wholeNumber(data, "total_scans").ifPresent(stats::totalClicks);
    Json.instant(data, "last_scan_at").ifPresent(stats::lastClickedAt);
    ClickCounts.daily(data.get("daily_scans"), List.of("date", "day"), COUNTS).ifPresent(stats::dailyClicks);
    ClickCounts.read(data.get("countries"), List.of("country", "code", "name", "value"), COUNTS).ifPresent(stats::countries);
    ClickCounts.read(data.get("devices"), List.of("device", "type", "name", "value"), COUNTS).ifPresent(stats::devices);
    ClickCounts.read(data.get("browsers"), List.of("browser", "name", "value"), COUNTS).ifPresent(stats::browsers);
    return stats.build();
  }

  private static final List<String> COUNTS = List.of("scans", "count", "clicks");

  /** {@code GET /v1/analytics/summary?period=}, through {@link AnalyticsSummaryMapper}. */
  public XqrAnalyticsSummary summary(XqrSummaryPeriod period) {
    return AnalyticsSummaryMapper.toSummary(period,
        Envelope.dataObject(ID, Operation.STATS, operations.read(Operation.STATS, api.summary(period.wireName()))));
  }

  /** {@link #summary} without blocking. */
  public CompletableFuture<XqrAnalyticsSummary> summaryAsync(XqrSummaryPeriod period) {
    java.util.Objects.requireNonNull(period, "period");
    return operations.readAsync(Operation.STATS, api.summary(period.wireName()))
        .thenApply(root -> AnalyticsSummaryMapper.toSummary(period, Envelope.dataObject(ID, Operation.STATS, root)));
  }

  /** {@code GET /v1/workspace/usage}. */
  public AccountUsage usage() {
    return usage(operations.read(Operation.ACCOUNT_USAGE, api.usage()));
  }

  private AccountUsage usage(JsonNode root) {
    JsonNode data = Envelope.dataObject(ID, Operation.ACCOUNT_USAGE, root);
    AccountUsage.Builder usage = AccountUsage.builder().providerFields(FrozenJson.map(data));
    JsonNode plan = data.get("plan");
    (plan != null && plan.isObject() ? Json.text(plan, "name") : Json.text(data, "plan"))
        .filter(s -> !s.isBlank()).ifPresent(usage::plan);
    Map<String, Quota.Builder> quotas = new LinkedHashMap<>();
    numbers(data.get("limits")).forEach((name, n) -> quotas.computeIfAbsent(name, Quota::builder).limit(n));
    numbers(data.get("usage")).forEach((name, n) -> quotas.computeIfAbsent(name, Quota::builder).used(n));
    quotas.values().forEach(q -> usage.addQuota(q.build()));
    JsonNode features = data.has("features") ? data.get("features") : data.get("feature_flags");
    if (features != null && features.isObject()) {
      features.fields().forEachRemaining(e -> Json.bool(features, e.getKey()).ifPresent(b -> usage.putFeature(e.getKey(), b)));
    }
    AccountUsage answer = usage.build();
    lastUsage.set(answer);
    return answer;
  }

  /** The latest {@link #usage()} answer; empty until one was read. Never fetched implicitly. */
  public Optional<AccountUsage> lastUsage() {
    return Optional.ofNullable(lastUsage.get());
  }

  private static Map<String, Long> numbers(JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object.fieldNames().forEachRemaining(name -> {
        OptionalLong n = Json.wholeNumber(object, name);
        if (n.isPresent()) {
          out.put(name, n.getAsLong());
        }
      });
    }
    return out;
  }
}
