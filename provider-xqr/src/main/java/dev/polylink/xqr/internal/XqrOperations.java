package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.xqr.XqrClient;
import dev.polylink.xqr.XqrOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The five xQR link operations behind {@link XqrClient}: capability checks first, then xQR's own
 * rules and the id shape (a UUID), then one HTTP exchange through the shared transport. Each success
 * body is parsed once; its {@code meta.request_id} and {@code meta.rate_limit} are recorded.
 * Thread-safe.
 */
public final class XqrOperations implements AutoCloseable {
  private static final String ID = XqrClient.PROVIDER_ID;

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final XqrApi api;
  private final String keyHint;
  private final AtomicReference<String> lastRequestId = new AtomicReference<>();
  private final XqrFeatures features;

  private XqrOperations(Capabilities capabilities, HttpTransport transport, String keyHint) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(XqrApi.class);
    this.keyHint = keyHint;
    this.features = new XqrFeatures(capabilities, this, transport);
  }

  /** QR images, statistics and usage: {@link XqrFeatures}. */
  public XqrFeatures features() {
    return features;
  }

  /**
   * Adds xQR's error decoder and rate-limit parser to a configured transport and opens it.
   *
   * @param apiKey the key the transport authenticates with, only to derive {@link #keyHint()}
   */
  public static XqrOperations open(
      Capabilities capabilities, HttpTransport.Builder transport, Optional<String> apiKey) {
    return new XqrOperations(
        capabilities,
        transport.errorDecoder(new XqrErrorDecoder()).rateLimitParser(XqrRateLimits::fromHeaders).build(),
        apiKey.map(ApiKeyHint::of).orElse("****"));
  }

  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }

  /** The part of the API key that may be shown: {@code xqr_pk_a1b2c3d4.****}, or {@code ****}. */
  public String keyHint() {
    return keyHint;
  }

  /** {@code POST /v1/links}, 201. */
  public Link create(CreateLinkRequest request) {
    Optional<XqrOptions> options = RequestChecks.create(ID, capabilities, request, XqrOptions.class);
    requireRoutingRules(Operation.CREATE, options);
    CreateLinkBody body = XqrRequests.createBody(request, options);
    return link(Operation.CREATE, api.create(body));
  }

  /** {@code GET /v1/links/{link_id}}. */
  public Link get(LinkId id) {
    UUID uuid = Checks.uuidId(ID, id);
    return link(Operation.GET, api.get(uuid.toString()));
  }

  /** {@code GET /v1/links?limit=&offset=&label=&enabled=}. */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    Optional<Integer> offset = request.cursor().map(OffsetCursor::parse);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    JsonNode root = read(Operation.LIST,
        api.list(limit, offset.orElse(null), request.label().orElse(null), request.enabled().orElse(null)));
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      throw new TransportException(ID, Operation.LIST, "the response has no link array in \"data\"", null);
    }
    List<Link> links = new ArrayList<>(data.size());
    for (JsonNode node : data) {
      links.add(LinkMapper.toLink(Operation.LIST, node));
    }
    JsonNode meta = root.get("meta");
    OptionalLong total = count(meta, "total");
    int pageLimit = limit != null ? limit : (int) Math.min(count(meta, "limit").orElse(OffsetCursor.DEFAULT_LIMIT), Integer.MAX_VALUE);
    return Page.of(links, OffsetCursor.next(offset.orElse(0), links.size(), pageLimit, total), total);
  }

  /** {@code PATCH /v1/links/{link_id}} with only the fields that change. */
  public Link update(LinkId id, LinkPatch patch) {
    Optional<XqrOptions> options = RequestChecks.update(ID, capabilities, patch, XqrOptions.class);
    requireRoutingRules(Operation.UPDATE, options);
    UUID uuid = Checks.uuidId(ID, id);
    UpdateLinkBody body = XqrRequests.updateBody(patch, options);
    return link(Operation.UPDATE, api.update(uuid.toString(), body));
  }

  /** {@code DELETE /v1/links/{link_id}}, 204 without a body. */
  public void delete(LinkId id) {
    UUID uuid = Checks.uuidId(ID, id);
    transport.execute(Operation.DELETE, api.delete(uuid.toString()));
    lastRequestId.set(null);
  }

  /** See {@link XqrClient#lastRateLimit()}. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
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
    return LinkMapper.toLink(operation, read(operation, call).get("data"));
  }

  /** Records the request id of a response without an envelope (the QR image's {@code X-Request-Id}). */
  void recordRequestId(String requestId) {
    lastRequestId.set(requestId == null || requestId.isBlank() ? null : requestId);
  }

  /** Runs a call whose success body is xQR's {@code {data, meta}} envelope. */
  JsonNode read(Operation operation, Call<JsonNode> call) {
    Response<JsonNode> response = transport.exchange(operation, call);
    JsonNode root = response.body();
    if (root == null || !root.isObject()) {
      throw new TransportException(ID, operation, "the response body is not a JSON object", null);
    }
    JsonNode meta = root.get("meta");
    lastRequestId.set(Json.text(meta, "request_id").filter(s -> !s.isBlank()).orElse(null));
    XqrRateLimits.combine(response.headers(), meta).ifPresent(transport::recordRateLimit);
    return root;
  }

  private static OptionalLong count(JsonNode meta, String field) {
    JsonNode value = meta == null ? null : meta.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0
        ? OptionalLong.of(value.longValue())
        : OptionalLong.empty();
  }
}
