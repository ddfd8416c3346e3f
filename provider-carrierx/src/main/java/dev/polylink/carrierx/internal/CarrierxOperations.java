package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.carrierx.CarrierxOptions;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.AsyncClients;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdPath;
import dev.polylink.core.spi.RateLimitParser;
import dev.polylink.core.spi.RequestChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Collection;
import java.util.Map;
import dev.polylink.core.spi.BulkBatches;
import dev.polylink.core.BulkResult;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import retrofit2.Call;

/**
 * The CarrierX link operations behind {@link CarrierxClient}: every check first (the capabilities
 * through {@link RequestChecks}, then CarrierX's own rules and the id shape, a UUID), then the
 * exchanges through the shared {@link HttpTransport}, then the mapping of the bare link objects
 * (CarrierX has no envelope). Thread-safe. Public only so that the client in the API package can
 * use it; not part of the API.
 */
public final class CarrierxOperations implements AutoCloseable, AsyncClients.Operations, AsyncClients.BulkOperations {
  private static final IdPath LINK = CarrierxApi.LINK;
  private static final String ID = CarrierxClient.PROVIDER_ID;

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final CarrierxApi api;
  private final String authScheme;
  private final String defaultDomainSid;

  private CarrierxOperations(
      Capabilities capabilities, HttpTransport transport, String authScheme, String defaultDomainSid) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(CarrierxApi.class);
    this.authScheme = authScheme;
    this.defaultDomainSid = defaultDomainSid;
  }

  /**
   * Adds CarrierX's error decoder to a configured transport and opens it. CarrierX documents no
   * rate-limit headers, so none are read.
   *
   * @param authScheme {@code "bearer"} or {@code "basic"}, for {@link #toString()}
   * @param defaultDomainSid the {@code domain_sid} for creates that name none, or null
   */
  public static CarrierxOperations open(
      Capabilities capabilities, HttpTransport.Builder transport, String authScheme, String defaultDomainSid) {
    return new CarrierxOperations(
        capabilities,
        transport
            // CarrierX documents no rate limit (providers-research.md section 4), so nothing seeds
            // the pacing: only 429s and their Retry-After pace this client.
            .errorDecoder(CarrierxErrorDecoder.INSTANCE).rateLimitParser(RateLimitParser.NONE).build(),
        authScheme,
        defaultDomainSid);
  }
  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }


  /** See {@link CarrierxClient#create}. */
  public Link create(CreateLinkRequest request) {
    Optional<CarrierxOptions> options = RequestChecks.create(ID, capabilities, request, CarrierxOptions.class);
    boolean proxyPass = options.map(CarrierxOptions::proxyPass).orElse(false);
    CreateLinkBody body = RequestBodies.create(request, proxyPass, defaultDomainSid, transport.clock().instant());
    Boolean reuse = options.map(CarrierxOptions::reuse).orElse(false) ? Boolean.TRUE : null;
    return LinkMapper.toLink(Operation.CREATE, send(Operation.CREATE, api.create(reuse, body), proxyPass));
  }

  /**
   * Every check of {@link #create} (capabilities, CarrierX's rules), without sending; the body is
   * built again at sending time, so that a lifetime counts from then.
   */
  private CreateLinkRequest checkCreate(CreateLinkRequest request) {
    Optional<CarrierxOptions> options = RequestChecks.create(ID, capabilities, request, CarrierxOptions.class);
    RequestBodies.create(request, options.map(CarrierxOptions::proxyPass).orElse(false), defaultDomainSid,
        transport.clock().instant());
    return request;
  }

  /** {@link #create} for many, every request checked first, {@code bulkConcurrency} at a time (CarrierX has no bulk endpoint). */
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return createPlan().run(requests);
  }

  /** Every request checked first, then one {@link #create} or {@link #createAsync} each (CarrierX has no bulk endpoint). */
  private BulkBatches.Plan<CreateLinkRequest, CreateLinkRequest, Link> createPlan() {
    return BulkBatches.oneByOne(transport, ID, Operation.CREATE, capabilities, this::checkCreate, this::create, this::createAsync);
  }

  /** {@link #update} for many, every patch and id checked first. */
  public BulkResult<Link> updateAll(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return updatePlan().run(patches);
  }

  /** Every patch and id checked first, then one {@link #update} or {@link #updateAsync} each. */
  private BulkBatches.Plan<Map.Entry<LinkId, LinkPatch>, Map.Entry<LinkId, LinkPatch>, Link> updatePlan() {
    return BulkBatches.oneByOne(transport, ID, Operation.UPDATE, capabilities, this::checkUpdate,
        e -> update(e.getKey(), e.getValue()), e -> updateAsync(e.getKey(), e.getValue()));
  }

  /** {@link #delete} for many, every id checked first. */
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return deletePlan().run(new ArrayList<>(ids));
  }

  /** Every id checked first, then one {@link #delete} or {@link #deleteAsync} each. */
  private BulkBatches.Plan<LinkId, LinkId, LinkId> deletePlan() {
    return BulkBatches.oneByOne(transport, ID, Operation.DELETE, capabilities, this::checkDelete, id -> {
      delete(id);
      return id;
    }, id -> deleteAsync(id).thenApply(v -> id));
  }

  /** Every check of {@link #update} (the id, capabilities, CarrierX's rules), without sending. */
  private Map.Entry<LinkId, LinkPatch> checkUpdate(Map.Entry<LinkId, LinkPatch> entry) {
    plan(BulkBatches.requireId(ID, entry.getKey()), entry.getValue());
    return entry;
  }

  /** Every check of {@link #delete} (the id, a UUID), without sending. */
  private LinkId checkDelete(LinkId id) {
    linkSid(BulkBatches.requireId(ID, id));
    return id;
  }

  /** See {@link CarrierxClient#get}. */
  public Link get(LinkId id) {
    return LinkMapper.toLink(Operation.GET, transport.executeForBody(Operation.GET, api.get(LINK.with(linkSid(id)), LINK)));
  }

  /**
   * See {@link CarrierxClient#list(String, ListLinksRequest)}; {@code filter} may be null. A list
   * answer is {@code {count, has_more, items, limit, offset, pagination, total}}; the cursor of the
   * next page is the offset after this page's items, present when {@code has_more} is true (or, if
   * CarrierX leaves {@code has_more} out, when a numeric {@code total} says more links follow), and
   * never after an empty page. {@code total: null} leaves {@link Page#total()} empty.
   */
  public Page<Link> list(String filter, ListLinksRequest request) {
    Objects.requireNonNull(request, "request");
    if (filter != null && filter.isBlank()) {
      throw new RequestValidationException(ID, "filter: must not be blank");
    }
    RequestChecks.list(ID, capabilities, request);
    Long offset = request.cursor().map(cursor -> Cursors.offset(ID, cursor, Long.MAX_VALUE)).orElse(null);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return page(transport.executeForBody(Operation.LIST, api.list(limit, offset, filter)), offset);
  }

  private static Page<Link> page(JsonNode answer, Long offset) {
    JsonNode root = Envelope.root(ID, Operation.LIST, answer);
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      throw Envelope.unreadable(ID, Operation.LIST, "the list response has no items array");
    }
    List<Link> links = new ArrayList<>(items.size());
    items.forEach(item -> links.add(LinkMapper.toLink(Operation.LIST, item)));
    long from = Cursors.count(ID, Operation.LIST, root, "offset").orElse(offset == null ? 0 : offset);
    if (from < 0 || from > Long.MAX_VALUE - links.size()) {
      throw Envelope.unreadable(ID, Operation.LIST, "offset " + from + " is not a position in a list");
    }
    long after = from + links.size();
    OptionalLong total = Cursors.count(ID, Operation.LIST, root, "total");
    JsonNode hasMore = root.get("has_more");
    boolean more = hasMore != null && hasMore.isBoolean()
        ? hasMore.booleanValue()
        : Cursors.moreThan(after, total, false);
    return Page.of(links, Cursors.next(links.size(), more, after), total);
  }

  /** See {@link CarrierxClient#update}. */
  public Link update(LinkId id, LinkPatch patch) {
    PatchPlan plan = plan(id, patch);
    Long maximumTtl = plan.clearExpiry ? Lifetime.NEVER : null;
    if (plan.expiresAt != null) {
      JsonNode current = transport.executeForBody(Operation.UPDATE, api.get(LINK.with(plan.linkSid), LINK));
      maximumTtl = ttlSinceCreation(current, plan.expiresAt);
    }
    UpdateLinkBody body = new UpdateLinkBody(plan.destinationUrl, plan.shortName, plan.mode, maximumTtl);
    return LinkMapper.toLink(Operation.UPDATE, send(Operation.UPDATE, api.update(LINK.with(plan.linkSid), LINK, body), plan.proxyPass));
  }

  /** See {@link CarrierxClient#replace}. */
  public Link replace(LinkId id, LinkPatch patch) {
    PatchPlan plan = plan(id, patch);
    JsonNode current = transport.executeForBody(Operation.UPDATE, api.get(LINK.with(plan.linkSid), LINK));
    return LinkMapper.toLink(Operation.UPDATE, send(Operation.UPDATE, api.replace(LINK.with(plan.linkSid), LINK, replaced(current, plan)), plan.proxyPass));
  }

  /** The link as read, with the patch applied: the body of the PUT. */
  private ObjectNode replaced(JsonNode current, PatchPlan plan) {
    if (!current.isObject()) {
      throw Envelope.unreadable(ID, Operation.UPDATE, "the link is not a JSON object");
    }
    ObjectNode whole = ((ObjectNode) current).deepCopy();
    if (plan.destinationUrl != null) {
      whole.put("destination_url", plan.destinationUrl);
    }
    if (plan.shortName != null) {
      whole.put("short_name", plan.shortName);
    }
    if (plan.mode != null) {
      whole.put("mode", plan.mode);
    }
    if (plan.clearExpiry) {
      whole.put("maximum_ttl", Lifetime.NEVER);
    } else if (plan.expiresAt != null) {
      whole.put("maximum_ttl", ttlSinceCreation(current, plan.expiresAt));
    }
    return whole;
  }

  /** See {@link CarrierxClient#delete}. */
  public void delete(LinkId id) {
    transport.execute(Operation.DELETE, api.delete(LINK.with(linkSid(id)), LINK));
  }

  /**
   * The capability checks (no date range), then the link itself ({@code GET
   * /shortener/links/{link_sid}}), whose {@code hits} and {@code date_accessed} are CarrierX's only
   * statistics.
   */
  public LinkStats stats(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    return CarrierxStats.of(id, request, get(id));
  }

  // ---- async (lane/async): the same checks, exchanges and mapping, each step a future ----

  /** {@link #create} without blocking. */
  @Override
  public CompletableFuture<Link> createAsync(CreateLinkRequest request) {
    Optional<CarrierxOptions> options = RequestChecks.create(ID, capabilities, request, CarrierxOptions.class);
    boolean proxyPass = options.map(CarrierxOptions::proxyPass).orElse(false);
    CreateLinkBody body = RequestBodies.create(request, proxyPass, defaultDomainSid, transport.clock().instant());
    Boolean reuse = options.map(CarrierxOptions::reuse).orElse(false) ? Boolean.TRUE : null;
    return sendAsync(Operation.CREATE, api.create(reuse, body), proxyPass)
        .thenApply(answer -> LinkMapper.toLink(Operation.CREATE, answer));
  }

  /** {@link #get} without blocking. */
  @Override
  public CompletableFuture<Link> getAsync(LinkId id) {
    return transport.executeForBodyAsync(Operation.GET, api.get(LINK.with(linkSid(id)), LINK))
        .thenApply(answer -> LinkMapper.toLink(Operation.GET, answer));
  }

  /** {@link #list(String, ListLinksRequest)} without a filter, without blocking. */
  @Override
  public CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
    return listAsync(null, request);
  }

  /** {@link #list(String, ListLinksRequest)} without blocking. */
  public CompletableFuture<Page<Link>> listAsync(String filter, ListLinksRequest request) {
    Objects.requireNonNull(request, "request");
    if (filter != null && filter.isBlank()) {
      throw new RequestValidationException(ID, "filter: must not be blank");
    }
    RequestChecks.list(ID, capabilities, request);
    Long offset = request.cursor().map(cursor -> Cursors.offset(ID, cursor, Long.MAX_VALUE)).orElse(null);
    Integer limit = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return transport.executeForBodyAsync(Operation.LIST, api.list(limit, offset, filter))
        .thenApply(answer -> page(answer, offset));
  }

  /**
   * {@link #replace} without blocking: the patch checked first, then the GET and the PUT as two
   * steps of one future.
   */
  public CompletableFuture<Link> replaceAsync(LinkId id, LinkPatch patch) {
    PatchPlan plan = plan(id, patch);
    return transport.executeForBodyAsync(Operation.UPDATE, api.get(LINK.with(plan.linkSid), LINK))
        .thenCompose(current -> sendAsync(Operation.UPDATE, api.replace(LINK.with(plan.linkSid), LINK, replaced(current, plan)), plan.proxyPass))
        .thenApply(answer -> LinkMapper.toLink(Operation.UPDATE, answer));
  }

  /**
   * {@link #update} without blocking: a new expiry reads the link first ({@code date_created}),
   * then patches it, as two steps of one future.
   */
  @Override
  public CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch) {
    PatchPlan plan = plan(id, patch);
    CompletableFuture<Long> ttl = plan.expiresAt == null
        ? CompletableFuture.completedFuture(plan.clearExpiry ? Lifetime.NEVER : null)
        : transport.executeForBodyAsync(Operation.UPDATE, api.get(LINK.with(plan.linkSid), LINK))
            .thenApply(current -> ttlSinceCreation(current, plan.expiresAt));
    return ttl.thenCompose(maximumTtl -> {
      UpdateLinkBody body = new UpdateLinkBody(plan.destinationUrl, plan.shortName, plan.mode, maximumTtl);
      return sendAsync(Operation.UPDATE, api.update(LINK.with(plan.linkSid), LINK, body), plan.proxyPass);
    }).thenApply(answer -> LinkMapper.toLink(Operation.UPDATE, answer));
  }

  /** {@link #delete} without blocking. */
  @Override
  public CompletableFuture<Void> deleteAsync(LinkId id) {
    return transport.executeAsync(Operation.DELETE, api.delete(LINK.with(linkSid(id)), LINK)).thenApply(ignored -> null);
  }

  /** {@link #stats} without blocking. */
  @Override
  public CompletableFuture<LinkStats> statsAsync(String providerId, LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    return getAsync(id).thenApply(link -> CarrierxStats.of(id, request, link));
  }

  /**
   * {@link #createAll} without blocking: every request checked first (the same checks), then
   * {@link #createAsync} each, {@code bulkConcurrency} in flight, results in input order.
   */
  @Override
  public CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
    return createPlan().runAsync(requests);
  }

  /** {@link #updateAll} without blocking: every patch and id checked first, then {@link #updateAsync} each. */
  @Override
  public CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return updatePlan().runAsync(patches);
  }

  /** {@link #deleteAll} without blocking: every id checked first, then {@link #deleteAsync} each. */
  @Override
  public CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
    return deletePlan().runAsync(new ArrayList<>(ids));
  }

  /** {@link #send} without blocking. */
  private CompletableFuture<JsonNode> sendAsync(Operation operation, Call<JsonNode> call, boolean proxyPass) {
    return transport.executeForBodyAsync(operation, call).exceptionally(error -> {
      Throwable e = HttpTransport.unwrap(error);
      if (proxyPass && e instanceof PermissionDeniedException) {
        throw ProxyPassScope.explain((PermissionDeniedException) e);
      }
      throw e instanceof RuntimeException ? (RuntimeException) e : new CompletionException(e);
    });
  }

  // ---- end async ----

  /** Always empty: CarrierX documents no rate-limit headers. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** {@return every window the vendor reported} */
  public java.util.List<RateLimitStatus> rateLimits() {
    return transport.rateLimits();
  }

  /** Releases the transport's own resources. */
  @Override
  public void close() {
    transport.close();
  }

  /** The authentication scheme and default domain, for {@code toString()}; never a credential. */
  @Override
  public String toString() {
    return "auth=" + authScheme + (defaultDomainSid == null ? "" : ", defaultDomainSid=" + defaultDomainSid);
  }

  private PatchPlan plan(LinkId id, LinkPatch patch) {
    Objects.requireNonNull(id, "id");
    Optional<CarrierxOptions> options = RequestChecks.update(ID, capabilities, patch, CarrierxOptions.class);
    return PatchPlan.of(linkSid(id), patch, options, transport.clock().instant());
  }

  private static String linkSid(LinkId id) {
    return Checks.uuidText(ID, Objects.requireNonNull(id, "id"));
  }

  /**
   * The {@code maximum_ttl} that makes the link expire at {@code expiresAt}, rounded up. {@link
   * PatchPlan} has already checked that {@code expiresAt} lies after the client's now; should
   * CarrierX's clock run ahead, so that the link's {@code date_created} is later still, the
   * lifetime is 0: the link expires as soon as it can, and never before the instant asked for.
   *
   * @throws RequestValidationException when the lifetime counted from the link's {@code
   *     date_created} exceeds {@link Lifetime#MAX_SECONDS}, the one expiry rule that needs the
   *     stored link (checked after the GET, before the PATCH or PUT)
   */
  private static long ttlSinceCreation(JsonNode current, Instant expiresAt) {
    Instant createdAt = LinkMapper.createdAt(current).orElseThrow(() -> Envelope.unreadable(ID, Operation.UPDATE,
        "the link has no readable date_created, so expiresAt cannot be turned into maximum_ttl"));
    if (!expiresAt.isAfter(createdAt)) {
      return 0;
    }
    Optional<String> violation =
        Lifetime.violation(createdAt, expiresAt, false, "the link's date_created (" + createdAt + ")");
    if (violation.isPresent()) {
      throw new RequestValidationException(ID, "expiresAt: " + violation.get() + " (was " + expiresAt + ")");
    }
    return Lifetime.secondsRoundedUp(createdAt, expiresAt);
  }

  /** Runs a call that answers with a link; a 403 to a proxy-pass request names the scope it needs. */
  private JsonNode send(Operation operation, Call<JsonNode> call, boolean proxyPass) {
    try {
      return transport.executeForBody(operation, call);
    } catch (PermissionDeniedException e) {
      throw proxyPass ? ProxyPassScope.explain(e) : e;
    }
  }
}
