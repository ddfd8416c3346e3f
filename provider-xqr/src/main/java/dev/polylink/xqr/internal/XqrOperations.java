package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.AsyncClients;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdPath;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.xqr.XqrAnalyticsSummary;
import dev.polylink.xqr.XqrClient;
import dev.polylink.xqr.XqrOptions;
import dev.polylink.xqr.XqrSummaryPeriod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The five xQR link operations behind {@link XqrClient}: capability checks first, then xQR's own
 * rules and the id shape (a UUID), then one HTTP exchange through the shared transport. Each success
 * body is parsed once; its {@code meta.request_id} and {@code meta.rate_limit} are recorded.
 * Thread-safe.
 */
public final class XqrOperations implements AutoCloseable, AsyncClients.Operations, AsyncClients.BulkOperations {
  private static final IdPath LINK = XqrApi.LINK;
  private static final String ID = XqrClient.PROVIDER_ID;
  /** xQR's documented default page size. */
  private static final long DEFAULT_LIMIT = 50;
  /** The largest offset a cursor may name: xQR documents none, a 32-bit integer is the careful guess. */
  private static final long MAX_OFFSET = Integer.MAX_VALUE;

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final XqrApi api;
  private final String keyHint;
  private final AtomicReference<String> lastRequestId = new AtomicReference<>();
  private final XqrFeatures features;
  private final XqrBulk bulk;

  private XqrOperations(Capabilities capabilities, HttpTransport transport, String keyHint) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(XqrApi.class);
    this.keyHint = keyHint;
    this.features = new XqrFeatures(capabilities, this, transport);
    this.bulk = new XqrBulk(capabilities, this, transport, api);
  }

  /** {@link XqrFeatures#qrCode}. */
  public QrCode qrCode(LinkId id, QrOptions options) {
    return features.qrCode(id, options);
  }

  /** {@link XqrFeatures#stats}. */
  public LinkStats stats(LinkId id, StatsRequest request) {
    return features.stats(id, request);
  }

  /** {@link XqrFeatures#usage}. */
  public AccountUsage accountUsage() {
    return features.usage();
  }

  /** {@link XqrFeatures#summary}. */
  public XqrAnalyticsSummary analyticsSummary(XqrSummaryPeriod period) {
    return features.summary(period);
  }

  /** {@link XqrFeatures#summaryAsync}. */
  public CompletableFuture<XqrAnalyticsSummary> analyticsSummaryAsync(XqrSummaryPeriod period) {
    return features.summaryAsync(period);
  }

  /**
   * Adds xQR's error decoder and rate-limit parser to a configured transport and opens it.
   *
   * @param requestsPerSecond the plan's burst limit, which seeds the pacing
   * @param apiKey the key the transport authenticates with, only to derive what {@link #toString()} shows of it
   */
  public static XqrOperations open(
      Capabilities capabilities, HttpTransport.Builder transport, Optional<String> apiKey, int requestsPerSecond) {
    return new XqrOperations(
        capabilities,
        transport.documentedRateLimit(XqrRateLimits.BURST, requestsPerSecond, java.time.Duration.ofSeconds(1), 1)
            .quotaWindow(XqrRateLimits.MONTHLY)
            .errorDecoder(XqrErrorDecoder.INSTANCE).rateLimitParser(XqrRateLimits.INSTANCE).build(),
        apiKey.map(ApiKeyHint::of).orElse("****"));
  }

  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }

  /** The part of the API key that may be shown, {@code key=xqr_pk_a1b2c3d4.****} (or {@code key=****}). */
  @Override
  public String toString() {
    return "key=" + keyHint;
  }

  /** {@code POST /v1/links}, 201. */
  public Link create(CreateLinkRequest request) {
    return send(createBody(request));
  }

  /** Every check of a create (capabilities, the plan's features, xQR's rules), then its body. */
  CreateLinkBody createBody(CreateLinkRequest request) {
    Objects.requireNonNull(request, "request");
    Optional<XqrOptions> options = RequestChecks.create(ID, capabilities, request, XqrOptions.class);
    requireRoutingRules(Operation.CREATE, options);
    return RequestBodies.createBody(request, options);
  }

  /** {@code POST /v1/links} with a checked body. */
  Link send(CreateLinkBody body) {
    return link(Operation.CREATE, api.create(body));
  }

  /** {@link XqrBulk#createAll}. */
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return bulk.createAll(requests);
  }

  /** {@link XqrBulk#updateAll}. */
  public BulkResult<Link> updateAll(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return bulk.updateAll(patches);
  }

  /** {@link XqrBulk#deleteAll}. */
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return bulk.deleteAll(ids);
  }

  /** {@code GET /v1/links/{link_id}}. */
  public Link get(LinkId id) {
    return link(Operation.GET, api.get(LINK.with(Checks.uuidText(ID, id)), LINK));
  }

  /**
   * {@code GET /v1/links?limit=&offset=&label=&enabled=}. The cursor is the next offset: there is a
   * next page while {@code offset + count < meta.total} (without a total, when the page was full),
   * and never after an empty page.
   */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    long offset = request.cursor().map(cursor -> Cursors.offset(ID, cursor, MAX_OFFSET)).orElse(0L);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return page(read(Operation.LIST, listCall(request, offset, limit)), offset, limit);
  }

  private Call<JsonNode> listCall(ListLinksRequest request, long offset, Integer limit) {
    return api.list(
        limit, request.cursor().isPresent() ? offset : null, request.label().orElse(null), request.enabled().orElse(null));
  }

  private static Page<Link> page(JsonNode root, long offset, Integer limit) {
    JsonNode data = Envelope.dataArray(ID, Operation.LIST, root);
    List<Link> links = new ArrayList<>(data.size());
    data.forEach(node -> links.add(LinkMapper.toLink(Operation.LIST, node)));
    JsonNode meta = root.get("meta");
    OptionalLong total = Json.wholeNumber(meta, "total");
    long pageLimit = limit != null ? limit : Json.wholeNumber(meta, "limit").orElse(DEFAULT_LIMIT);
    long seen = offset + links.size();
    boolean more = Cursors.moreThan(seen, total, links.size() >= pageLimit) && seen <= MAX_OFFSET;
    return Page.of(links, Cursors.next(links.size(), more, seen), total);
  }

  /** {@code PATCH /v1/links/{link_id}} with only the fields that change. */
  public Link update(LinkId id, LinkPatch patch) {
    Optional<XqrOptions> options = RequestChecks.update(ID, capabilities, patch, XqrOptions.class);
    requireRoutingRules(Operation.UPDATE, options);
    String uuid = Checks.uuidText(ID, id);
    UpdateLinkBody body = RequestBodies.updateBody(patch, options);
    return send(uuid, body);
  }

  /** Every check of a patch but the id's (capabilities, the plan's features, xQR's rules), then its body. */
  UpdateLinkBody updateBody(LinkPatch patch) {
    Optional<XqrOptions> options = RequestChecks.update(ID, capabilities, patch, XqrOptions.class);
    requireRoutingRules(Operation.UPDATE, options);
    return RequestBodies.updateBody(patch, options);
  }

  /** {@code PATCH /v1/links/{link_id}} with a checked body. */
  Link send(UUID id, UpdateLinkBody body) {
    return send(id.toString(), body);
  }

  /** {@link #send(UUID, UpdateLinkBody)} with the id as {@link Checks#uuidText} gives it. */
  private Link send(String id, UpdateLinkBody body) {
    return link(Operation.UPDATE, api.update(LINK.with(id), LINK, body));
  }

  /** {@code DELETE /v1/links/{link_id}}, 204 without a body. */
  public void delete(LinkId id) {
    transport.execute(Operation.DELETE, api.delete(LINK.with(Checks.uuidText(ID, id)), LINK));
    lastRequestId.set(null);
  }

  // ---- async: the same checks and mappers, each exchange without blocking (lane/async) ----

  /** {@link #create} without blocking. */
  @Override
  public CompletableFuture<Link> createAsync(CreateLinkRequest request) {
    Optional<XqrOptions> options = RequestChecks.create(ID, capabilities, request, XqrOptions.class);
    requireRoutingRules(Operation.CREATE, options);
    CreateLinkBody body = RequestBodies.createBody(request, options);
    return linkAsync(Operation.CREATE, api.create(body));
  }

  /** {@link #send(UUID, UpdateLinkBody)} without blocking. */
  CompletableFuture<Link> sendAsync(UUID id, UpdateLinkBody body) {
    return linkAsync(Operation.UPDATE, api.update(LINK.with(id.toString()), LINK, body));
  }

  /** {@link XqrBulk#createAllAsync}. */
  @Override
  public CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
    return bulk.createAllAsync(requests);
  }

  /** {@link XqrBulk#updateAllAsync}. */
  @Override
  public CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return bulk.updateAllAsync(patches);
  }

  /** {@link XqrBulk#deleteAllAsync}. */
  @Override
  public CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
    return bulk.deleteAllAsync(ids);
  }

  /** {@link #get} without blocking. */
  @Override
  public CompletableFuture<Link> getAsync(LinkId id) {
    return linkAsync(Operation.GET, api.get(LINK.with(Checks.uuidText(ID, id)), LINK));
  }

  /** {@link #list} without blocking. */
  @Override
  public CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    long offset = request.cursor().map(cursor -> Cursors.offset(ID, cursor, MAX_OFFSET)).orElse(0L);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return readAsync(Operation.LIST, listCall(request, offset, limit)).thenApply(root -> page(root, offset, limit));
  }

  /** {@link #update} without blocking. */
  @Override
  public CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch) {
    Optional<XqrOptions> options = RequestChecks.update(ID, capabilities, patch, XqrOptions.class);
    requireRoutingRules(Operation.UPDATE, options);
    String uuid = Checks.uuidText(ID, id);
    UpdateLinkBody body = RequestBodies.updateBody(patch, options);
    return linkAsync(Operation.UPDATE, api.update(LINK.with(uuid), LINK, body));
  }

  /** {@link #delete} without blocking. */
  @Override
  public CompletableFuture<Void> deleteAsync(LinkId id) {
    return transport.executeAsync(Operation.DELETE, api.delete(LINK.with(Checks.uuidText(ID, id)), LINK)).thenApply(ignored -> {
      lastRequestId.set(null);
      return null;
    });
  }

  @Override
  public CompletableFuture<QrCode> qrCodeAsync(String providerId, LinkId id, QrOptions options) {
    return features.qrCodeAsync(id, options);
  }

  @Override
  public CompletableFuture<LinkStats> statsAsync(String providerId, LinkId id, StatsRequest request) {
    return features.statsAsync(id, request);
  }

  @Override
  public CompletableFuture<AccountUsage> accountUsageAsync(String providerId) {
    return features.usageAsync();
  }

  private CompletableFuture<Link> linkAsync(Operation operation, Call<JsonNode> call) {
    return readAsync(operation, call)
        .thenApply(root -> LinkMapper.toLink(operation, Envelope.dataObject(ID, operation, root)));
  }

  /** {@link #read} without blocking. */
  CompletableFuture<JsonNode> readAsync(Operation operation, Call<JsonNode> call) {
    return transport.exchangeAsync(operation, call).thenApply(response -> envelope(operation, response));
  }

  // ---- end async ----

  /** See {@link XqrClient#lastRateLimit()}. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** {@return every window the vendor reported} */
  public java.util.List<RateLimitStatus> rateLimits() {
    return transport.rateLimits();
  }

  /** See {@link XqrClient#lastRequestId()}. */
  public Optional<String> lastRequestId() {
    return Optional.ofNullable(lastRequestId.get());
  }

  @Override
  public void close() {
    transport.close();
  }

  /**
   * Routing rules need the plan's {@code routing_rules} feature: refused before sending when the
   * latest workspace usage read says the plan lacks it (xQR would answer 403). An empty list, which
   * removes every rule, needs no feature.
   */
  private void requireRoutingRules(Operation operation, Optional<XqrOptions> options) {
    if (options.flatMap(XqrOptions::routingRules).filter(rules -> !rules.isEmpty()).isPresent()) {
      FeatureChecks.requireFeature(ID, operation, features.lastUsage(), "routing_rules");
    }
  }

  private Link link(Operation operation, Call<JsonNode> call) {
    return LinkMapper.toLink(operation, Envelope.dataObject(ID, operation, read(operation, call)));
  }

  /** Records the request id of a response without an envelope (the QR image's {@code X-Request-Id}). */
  void recordRequestId(String requestId) {
    lastRequestId.set(requestId == null || requestId.isBlank() ? null : requestId);
  }

  /** Runs a call whose success body is xQR's {@code {data, meta}} envelope; records {@code meta}. */
  JsonNode read(Operation operation, Call<JsonNode> call) {
    return envelope(operation, transport.exchange(operation, call));
  }

  /** The envelope of a success; records {@code meta}. */
  private JsonNode envelope(Operation operation, Response<JsonNode> response) {
    JsonNode root = Envelope.root(ID, operation, response.body());
    JsonNode meta = root.get("meta");
    lastRequestId.set(Json.text(meta, "request_id").filter(s -> !s.isBlank()).orElse(null));
    XqrRateLimits.INSTANCE.combine(transport.rateLimits(response), meta).ifPresent(transport::recordRateLimit);
    return root;
  }
}
