package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.Quota;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.ClickCounts;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdPath;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.QrImages;
import dev.polylink.snipurl.SnipurlAnalyticsSummary;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlQrOptions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * SnipURL's QR images, link analytics, analytics summary and account usage. Thread-safe.
 *
 * <ul>
 *   <li>QR images are served by short code, not id: {@link #qrCode(LinkId, QrOptions)} reads the
 *       link first ({@code GET links/:id}, one extra request) for its code; {@link
 *       #qrCode(String, QrOptions)} takes the code directly.
 *   <li>Analytics: a {@link StatsRequest}'s days become {@code start=<from>T00:00:00.000Z} and {@code
 *       end=<to>T23:59:59.999Z} (SnipURL takes ISO instants, both or neither; UTC days are this
 *       SDK's choice). {@code total_clicks} is the total of that range; {@code time_series} the days;
 *       {@code countries}, {@code devices}, {@code browsers} and {@code referrers} the top-10 lists.
 *       Their element shapes are not documented: a value is read under the dimension's own name
 *       ({@code country}, {@code device}, {@code browser}, {@code referrer}) or {@code name}/{@code
 *       value}, a count under {@code clicks} or {@code count}, a day under {@code date}; anything
 *       else is skipped. {@code cities} and {@code os} stay in the provider fields.
 *   <li>Usage ({@code GET account/usage}): the per-key {@code rate_limit_per_minute} and {@code
 *       rate_limit_per_hour} become quotas of those names with a limit; where the answer also carries
 *       {@code GET /account}'s {@code link_limit} and {@code total_links}, they become the quota
 *       {@code links}. SnipURL has no plans or feature flags.
 * </ul>
 */
public final class SnipurlFeatures {
  private static final IdPath QR = SnipurlFeatureApi.QR;
  private static final IdPath STATS = SnipurlFeatureApi.STATS;
  private static final String ID = SnipurlClient.PROVIDER_ID;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  private static final List<String> COUNTS = List.of("clicks", "count");

  private final Capabilities capabilities;
  private final SnipurlOperations operations;
  private final HttpTransport transport;
  private final SnipurlFeatureApi api;

  SnipurlFeatures(Capabilities capabilities, SnipurlOperations operations, HttpTransport transport) {
    this.capabilities = capabilities;
    this.operations = operations;
    this.transport = transport;
    this.api = transport.create(SnipurlFeatureApi.class);
  }

  /** The link's QR image: its short code from {@code GET links/:id}, then {@code GET qr/:short_code}. */
  public QrCode qrCode(LinkId id, QrOptions options) {
    Optional<SnipurlQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, SnipurlQrOptions.class);
    Checks.uuidId(ID, id);
    return fetch(operations.get(id).shortCode(), options, extras);
  }

  /** {@code GET qr/:short_code} for a code of the caller's own links. */
  public QrCode qrCode(String shortCode, QrOptions options) {
    Optional<SnipurlQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, SnipurlQrOptions.class);
    Checks.matches(ID, "shortCode", shortCode, CODE, "must be a short code (letters, digits, hyphens)");
    return fetch(shortCode, options, extras);
  }

  private QrCode fetch(String code, QrOptions options, Optional<SnipurlQrOptions> extras) {
    return QrImages.read(ID, transport.execute(Operation.QR_CODE, qrCall(code, options, extras)));
  }

  private retrofit2.Call<okhttp3.ResponseBody> qrCall(String code, QrOptions options, Optional<SnipurlQrOptions> extras) {
    return api.qr(QR.with(code), QR,
        options.format().map(f -> f.label()).orElse(null),
        options.size().isPresent() ? options.size().getAsInt() : null,
        extras.flatMap(SnipurlQrOptions::color).orElse(null),
        extras.flatMap(SnipurlQrOptions::background).orElse(null),
        extras.flatMap(SnipurlQrOptions::errorCorrection).map(Enum::name).orElse(null),
        extras.isPresent() && extras.get().margin().isPresent() ? extras.get().margin().getAsInt() : null);
  }

  /** {@code GET analytics/:link_id?start=&end=}. */
  public LinkStats stats(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    String uuid = Checks.uuidText(ID, id);
    return stats(id, request, transport.executeForBody(Operation.STATS, statsCall(uuid, request)));
  }

  private retrofit2.Call<JsonNode> statsCall(String uuid, StatsRequest request) {
    String start = request.from().map(d -> ISO_MILLIS.format(d.atStartOfDay(ZoneOffset.UTC))).orElse(null);
    String end = request.to().map(d -> ISO_MILLIS.format(d.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusNanos(1_000_000)))
        .orElse(null);
    return api.stats(STATS.with(uuid), STATS, start, end);
  }

  // ---- async (lane/async) ----

  /**
   * {@link #qrCode(LinkId, QrOptions)} without blocking: the link's short code is read first, then
   * the image, as two steps of one future.
   */
  public CompletableFuture<QrCode> qrCodeAsync(LinkId id, QrOptions options) {
    Optional<SnipurlQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, SnipurlQrOptions.class);
    Checks.uuidId(ID, id);
    return operations.getAsync(id).thenCompose(link ->
        transport.executeAsync(Operation.QR_CODE, qrCall(link.shortCode(), options, extras)))
        .thenApply(body -> QrImages.read(ID, body));
  }

  /** {@link #stats} without blocking. */
  public CompletableFuture<LinkStats> statsAsync(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    String uuid = Checks.uuidText(ID, id);
    return transport.executeForBodyAsync(Operation.STATS, statsCall(uuid, request))
        .thenApply(root -> stats(id, request, root));
  }

  /** {@link #usage} without blocking. */
  public CompletableFuture<AccountUsage> usageAsync() {
    return transport.executeForBodyAsync(Operation.ACCOUNT_USAGE, api.usage()).thenApply(SnipurlFeatures::usage);
  }

  /** {@link #qrCode(String, QrOptions)} without blocking. */
  public CompletableFuture<QrCode> qrCodeAsync(String shortCode, QrOptions options) {
    Optional<SnipurlQrOptions> extras = FeatureChecks.qrCode(ID, capabilities, options, SnipurlQrOptions.class);
    Checks.matches(ID, "shortCode", shortCode, CODE, "must be a short code (letters, digits, hyphens)");
    return transport.executeAsync(Operation.QR_CODE, qrCall(shortCode, options, extras)).thenApply(body -> QrImages.read(ID, body));
  }

  /** {@link #summary} without blocking. */
  public CompletableFuture<SnipurlAnalyticsSummary> summaryAsync() {
    FeatureChecks.supported(ID, capabilities, Operation.STATS);
    return transport.executeForBodyAsync(Operation.STATS, api.summary())
        .thenApply(root -> AnalyticsSummaryMapper.toSummary(data(Operation.STATS, root)));
  }

  // ---- end async ----

  private static LinkStats stats(LinkId id, StatsRequest request, JsonNode root) {
    JsonNode data = data(Operation.STATS, root);
    LinkStats.Builder stats = LinkStats.builder().linkId(id).request(request).providerFields(FrozenJson.map(data));
    Json.wholeNumber(data, "total_clicks").ifPresent(stats::totalClicks);
    ClickCounts.daily(data.get("time_series"), List.of("date", "day"), COUNTS).ifPresent(stats::dailyClicks);
    ClickCounts.read(data.get("countries"), List.of("country", "name", "value"), COUNTS).ifPresent(stats::countries);
    ClickCounts.read(data.get("devices"), List.of("device", "name", "value"), COUNTS).ifPresent(stats::devices);
    ClickCounts.read(data.get("browsers"), List.of("browser", "name", "value"), COUNTS).ifPresent(stats::browsers);
    ClickCounts.read(data.get("referrers"), List.of("referrer", "name", "value"), COUNTS).ifPresent(stats::referrers);
    return stats.build();
  }

  /** {@code GET analytics/summary}, through {@link AnalyticsSummaryMapper}. */
  public SnipurlAnalyticsSummary summary() {
    return AnalyticsSummaryMapper.toSummary(data(Operation.STATS, transport.executeForBody(Operation.STATS, api.summary())));
  }

  /** {@code GET account/usage}. */
  public AccountUsage usage() {
    return usage(transport.executeForBody(Operation.ACCOUNT_USAGE, api.usage()));
  }

  private static AccountUsage usage(JsonNode root) {
    JsonNode data = data(Operation.ACCOUNT_USAGE, root);
    AccountUsage.Builder usage = AccountUsage.builder().providerFields(FrozenJson.map(data));
    for (String name : List.of("rate_limit_per_minute", "rate_limit_per_hour")) {
      Json.wholeNumber(data, name).ifPresent(n -> usage.addQuota(Quota.builder(name).limit(n).build()));
    }
    OptionalLong linkLimit = Json.wholeNumber(data, "link_limit");
    OptionalLong totalLinks = Json.wholeNumber(data, "total_links");
    if (linkLimit.isPresent() || totalLinks.isPresent()) {
      Quota.Builder links = Quota.builder("links");
      linkLimit.ifPresent(links::limit);
      totalLinks.ifPresent(links::used);
      usage.addQuota(links.build());
    }
    return usage.build();
  }

  private static JsonNode data(Operation operation, JsonNode root) {
    return Envelope.dataObject(ID, operation, root);
  }
}
