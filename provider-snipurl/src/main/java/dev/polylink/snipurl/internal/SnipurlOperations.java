package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.BulkOperationException;
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
import dev.polylink.core.PolylinkException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.AsyncClients;
import dev.polylink.core.spi.BulkBatches;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdPath;
import dev.polylink.core.spi.IdLists;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.core.spi.VendorError;
import dev.polylink.snipurl.SnipurlAnalyticsSummary;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The SnipURL link operations behind {@link SnipurlClient}: every check first (the capabilities
 * through {@link RequestChecks}, then SnipURL's own rules and the id shape, a UUID), then one
 * exchange through the shared {@link HttpTransport}, then one mapping of the {@code {success, data,
 * meta?}} envelope. Thread-safe. Public only so that the client in the API package can use it; not
 * part of the API.
 */
public final class SnipurlOperations implements AutoCloseable, AsyncClients.Operations, AsyncClients.BulkOperations {
  private static final IdPath LINK = SnipurlApi.LINK;
  private static final String ID = SnipurlClient.PROVIDER_ID;
  /** zod 4's {@code uuid()} pattern, which SnipURL's bulk delete applies to every id. */
  private static final Pattern BULK_UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
          + "|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff");

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final SnipurlApi api;
  private final SnipurlFeatures features;

  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }

  private SnipurlOperations(Capabilities capabilities, HttpTransport transport) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(SnipurlApi.class);
    this.features = new SnipurlFeatures(capabilities, this, transport);
  }

  /** {@link SnipurlFeatures#qrCode(LinkId, QrOptions)}. */
  public QrCode qrCode(LinkId id, QrOptions options) {
    return features.qrCode(id, options);
  }

  /** {@link SnipurlFeatures#qrCode(String, QrOptions)}. */
  public QrCode qrCode(String shortCode, QrOptions options) {
    return features.qrCode(shortCode, options);
  }

  /** {@link SnipurlFeatures#qrCodeAsync(String, QrOptions)}. */
  public CompletableFuture<QrCode> qrCodeAsync(String shortCode, QrOptions options) {
    return features.qrCodeAsync(shortCode, options);
  }

  /** {@link SnipurlFeatures#summaryAsync}. */
  public CompletableFuture<SnipurlAnalyticsSummary> analyticsSummaryAsync() {
    return features.summaryAsync();
  }

  /** {@link SnipurlFeatures#stats}. */
  public LinkStats stats(LinkId id, StatsRequest request) {
    return features.stats(id, request);
  }

  /** {@link SnipurlFeatures#usage}. */
  public AccountUsage accountUsage() {
    return features.usage();
  }

  /** {@link SnipurlFeatures#summary}. */
  public SnipurlAnalyticsSummary analyticsSummary() {
    return features.summary();
  }

  /** Adds SnipURL's error decoder and rate-limit parser to a configured transport and opens it. */
  public static SnipurlOperations open(Capabilities capabilities, HttpTransport.Builder transport) {
    return new SnipurlOperations(
        capabilities,
        transport
            // SnipURL documents 60 a minute and 1,000 an hour per key: evenly spaced within the
            // minute, the hour's 1,000 usable back to back.
            .documentedRateLimit("1m", 60, java.time.Duration.ofMinutes(1), 1)
            .documentedRateLimit("1h", 1000, java.time.Duration.ofHours(1), 1000)
            .errorDecoder(SnipurlErrorDecoder.INSTANCE).rateLimitParser(SnipurlRateLimits.INSTANCE).build());
  }

  /** {@code POST links}. */
  public Link create(CreateLinkRequest request) {
    Optional<SnipurlOptions> options = RequestChecks.create(ID, capabilities, request, SnipurlOptions.class);
    CreateLinkBody body = RequestBodies.create(request, options);
    return link(Operation.CREATE, api.create(body));
  }

  /**
   * {@code POST links/bulk} in batches of {@link SnipurlClient#MAX_BULK_CREATE}, through {@link
   * BulkBatches}: every request checked first as {@link #create} checks it; each batch one
   * operation of the client's listeners. The {@code success} items carry no index: they are the
   * batch's positions that {@code failed} does not name, in order (the server appends to both lists
   * as it walks the batch), and each is checked against the alias its position asked for. An answer
   * that does not add up (more or fewer items than the batch, an index outside it, a code that is
   * not the alias asked for) leaves the positions it cannot place unreported, which fail as
   * may-have-been-processed.
   */
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return BulkBatches.<CreateLinkRequest, CreateLinkBody, Link>plan(ID, Operation.CREATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(request -> RequestBodies.create(
            request, RequestChecks.create(ID, capabilities, request, SnipurlOptions.class)))
        .batch((bodies, answer) -> transport.observe(Operation.CREATE, () -> createBatch(bodies, answer)))
        .run(requests);
  }

  private void createBatch(List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    mapCreated(transport.executeForBody(Operation.CREATE, api.createBulk(new BulkCreateBody(bodies))), bodies, answer);
  }

  /** Maps a bulk create's answer to the batch's positions, as {@link #createAll} describes. */
  private static void mapCreated(JsonNode root, List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    JsonNode data;
    try {
      data = Envelope.dataObject(ID, Operation.CREATE, root);
    } catch (PolylinkException e) {
      throw processedButUnreadable(e.getMessage());
    }
    JsonNode success = data.get("success");
    JsonNode failed = data.get("failed");
    if (success == null || !success.isArray() || failed == null || !failed.isArray()) {
      throw processedButUnreadable("data.success and data.failed are not both arrays");
    }
    boolean[] failedAt = new boolean[bodies.size()];
    boolean consistent = true;
    for (JsonNode item : failed) {
      JsonNode index = item.get("index");
      if (index == null || !index.isIntegralNumber() || index.longValue() < 0 || index.longValue() >= bodies.size()) {
        consistent = false; // a failure we cannot place: the successes cannot be placed either
        continue;
      }
      int position = index.intValue();
      failedAt[position] = true;
      String message = Json.text(item, "error").orElse(null);
      answer.failed(position, BulkBatches.itemFailure(ID, Operation.CREATE, itemStatus(message),
          VendorError.builder().message(message).build(), item.toString()));
    }
    List<Integer> open = new ArrayList<>();
    for (int position = 0; position < bodies.size(); position++) {
      if (!failedAt[position]) {
        open.add(position);
      }
    }
    if (!consistent || open.size() != success.size()) {
      return; // the unplaced positions fail as unaccounted for
    }
    List<Link> links = new ArrayList<>(open.size());
    for (int i = 0; i < open.size(); i++) {
      JsonNode item = success.get(i);
      Link link;
      try {
        link = LinkMapper.toLink(Operation.CREATE, item);
      } catch (PolylinkException e) {
        return;
      }
      String alias = bodies.get(open.get(i)).customAlias();
      if (alias != null && !alias.equals(link.shortCode())) {
        return; // not the item of this position: place none of them
      }
      links.add(link);
    }
    for (int i = 0; i < open.size(); i++) {
      answer.succeeded(open.get(i), links.get(i));
    }
  }

  /**
   * The status of a failed bulk item, from its message, as the single create answers the same
   * failure: {@code "Alias already taken"} 409 (a {@code ConflictException}), the alias rules'
   * messages ({@code "Alias ..."}, {@code "... reserved word ..."}) 400, {@code "Internal error
   * creating link"} (the insert failed, e.g. a title the database refuses) 500; any other message
   * keeps the bulk answer's own 201 (a plain {@code ApiException}). No vendor code: SnipURL's items
   * have none.
   */
  static int itemStatus(String message) {
    if (message == null) {
      return 201;
    }
    if (message.equals("Alias already taken")) {
      return 409;
    }
    if (message.startsWith("Alias ") || message.contains("reserved word") || message.equals("Invalid alias")) {
      return 400;
    }
    if (message.startsWith("Internal error")) {
      return 500;
    }
    return 201;
  }

  private static dev.polylink.core.TransportException processedButUnreadable(String what) {
    return new dev.polylink.core.TransportException(ID, Operation.CREATE,
        "unexpected response to a bulk create, whose links may have been created: " + what, null, true);
  }

  /**
   * Each link with its own patch: SnipURL has no bulk update, so one {@code PATCH links/{id}} per
   * link, with the client's {@code bulkConcurrency} in flight, every patch and id checked first (a
   * missing id or patch fails its item alone).
   */
  public BulkResult<Link> updateAll(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return BulkBatches.<Map.Entry<LinkId, LinkPatch>, Map.Entry<String, UpdateLinkBody>, Link>plan(
            ID, Operation.UPDATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(entry -> prepareUpdate(entry.getKey(), entry.getValue()))
        .single(p -> transport.observe(Operation.UPDATE,
            () -> link(Operation.UPDATE, api.update(LINK.with(p.getKey()), LINK, p.getValue()))))
        .run(patches);
  }

  private Map.Entry<String, UpdateLinkBody> prepareUpdate(LinkId id, LinkPatch patch) {
    if (id == null || patch == null) {
      throw Checks.invalid(ID, List.of((id == null ? "id" : "patch") + ": must not be null"));
    }
    UpdateLinkBody body = RequestBodies.update(patch, RequestChecks.update(ID, capabilities, patch, SnipurlOptions.class));
    return Map.entry(uuid(id), body);
  }

  /**
   * {@code DELETE links/bulk} in batches of {@link SnipurlClient#MAX_BULK_DELETE}, through {@link
   * BulkBatches}: every id checked first with the bulk endpoint's strict UUID rule ({@link
   * #bulkId}), an id that breaks it failing alone without a request; a batch sends each id once.
   * SnipURL answers only a count and silently skips ids it does not hold for the key, so an item's
   * success means the link is not there any more (deleted now, or never the caller's), not that this
   * call deleted it; a count larger than the distinct ids sent is unreadable and fails the batch as
   * may-have-been-processed.
   */
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, LinkId, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> bulkId(BulkBatches.requireId(ID, id)))
        .batch((batch, answer) -> transport.observe(Operation.DELETE, () -> deleteBatch(batch, answer)))
        .run(new ArrayList<>(ids));
  }

  private void deleteBatch(List<LinkId> batch, BulkBatches.Answer<LinkId> answer) {
    List<String> distinct = distinctIds(batch);
    mapDeleted(transport.executeForBody(Operation.DELETE, api.deleteBulk(CountingJsonBody.of(new BulkDeleteBody(distinct)))),
        batch, distinct, answer);
  }

  private static List<String> distinctIds(List<LinkId> batch) {
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    batch.forEach(id -> distinct.add(id.value()));
    return List.copyOf(distinct);
  }

  /** Maps a bulk delete's count to the batch, as {@link #deleteAll} describes. */
  private static void mapDeleted(JsonNode root, List<LinkId> batch, List<String> distinct, BulkBatches.Answer<LinkId> answer) {
    int count = deletedCount(root);
    if (count > distinct.size()) {
      throw new dev.polylink.core.TransportException(ID, Operation.DELETE, "unexpected response: data.deleted is "
          + count + " for " + distinct.size() + " distinct id(s) sent", null, true);
    }
    for (int position = 0; position < batch.size(); position++) {
      answer.succeeded(position, batch.get(position));
    }
  }

  // ---- async bulk: the same plans, bodies and answer mapping, without blocking ----

  /** {@link #createAll} without blocking. */
  @Override
  public CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
    return BulkBatches.<CreateLinkRequest, CreateLinkBody, Link>plan(ID, Operation.CREATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(request -> RequestBodies.create(
            request, RequestChecks.create(ID, capabilities, request, SnipurlOptions.class)))
        .batchAsync((bodies, answer) -> transport.observeAsync(Operation.CREATE, () -> transport
            .executeForBodyAsync(Operation.CREATE, api.createBulk(new BulkCreateBody(bodies)))
            .thenAccept(root -> mapCreated(root, bodies, answer))))
        .runAsync(requests);
  }

  /** {@link #updateAll} without blocking (one request per link, every patch checked first). */
  @Override
  public CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return BulkBatches.<Map.Entry<LinkId, LinkPatch>, Map.Entry<String, UpdateLinkBody>, Link>plan(
            ID, Operation.UPDATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(entry -> prepareUpdate(entry.getKey(), entry.getValue()))
        .singleAsync(p -> transport.observeAsync(Operation.UPDATE,
            () -> linkAsync(Operation.UPDATE, api.update(LINK.with(p.getKey()), LINK, p.getValue()))))
        .runAsync(patches);
  }

  /** {@link #deleteAll} without blocking. */
  @Override
  public CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, LinkId, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> bulkId(BulkBatches.requireId(ID, id)))
        .batchAsync((batch, answer) -> transport.observeAsync(Operation.DELETE, () -> {
          List<String> distinct = distinctIds(batch);
          return transport.executeForBodyAsync(Operation.DELETE,
                  api.deleteBulk(CountingJsonBody.of(new BulkDeleteBody(distinct))))
              .thenAccept(root -> mapDeleted(root, batch, distinct, answer));
        }))
        .runAsync(new ArrayList<>(ids));
  }

  /** {@code GET links/{id}}. */
  public Link get(LinkId id) {
    return link(Operation.GET, api.get(LINK.with(uuid(id)), LINK));
  }

  /** {@code GET links/{id}}, read as the link's analytics settings. */
  public SnipurlOptions analyticsSettings(LinkId id) {
    JsonNode root = transport.executeForBody(Operation.GET, api.get(LINK.with(uuid(id)), LINK));
    return AnalyticsSettings.read(Envelope.dataObject(ID, Operation.GET, root));
  }

  /** {@link #analyticsSettings} without blocking. */
  public CompletableFuture<SnipurlOptions> analyticsSettingsAsync(LinkId id) {
    return transport.executeForBodyAsync(Operation.GET, api.get(LINK.with(uuid(id)), LINK))
        .thenApply(root -> AnalyticsSettings.read(Envelope.dataObject(ID, Operation.GET, root)));
  }

  /**
   * {@code GET links?page=&per_page=&search=&is_active=}. The cursor is the next page number: {@code
   * page + 1} while {@code meta.page < meta.total_pages}, never after an empty page; without {@code
   * meta} there is no next page and no total.
   */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    Long page = request.cursor().map(cursor -> Cursors.pageNumber(ID, cursor, Long.MAX_VALUE)).orElse(null);
    Integer perPage = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return page(transport.executeForBody(Operation.LIST, listCall(request, page, perPage)), page);
  }

  private retrofit2.Call<JsonNode> listCall(ListLinksRequest request, Long page, Integer perPage) {
    return api.list(page, perPage, request.search().orElse(null), request.enabled().map(String::valueOf).orElse(null));
  }

  private static Page<Link> page(JsonNode root, Long page) {
    JsonNode data = Envelope.dataArray(ID, Operation.LIST, root);
    List<Link> links = new ArrayList<>(data.size());
    data.forEach(node -> links.add(LinkMapper.toLink(Operation.LIST, node)));
    JsonNode meta = root.get("meta");
    OptionalLong totalPages = Json.wholeNumber(meta, "total_pages");
    long current = Json.wholeNumber(meta, "page").orElse(page == null ? 1 : page);
    boolean more = totalPages.isPresent() && current < totalPages.getAsLong();
    return Page.of(links, Cursors.next(links.size(), more, current + 1), Json.wholeNumber(meta, "total"));
  }

  /** {@code PATCH links/{id}}. */
  public Link update(LinkId id, LinkPatch patch) {
    Optional<SnipurlOptions> options = RequestChecks.update(ID, capabilities, patch, SnipurlOptions.class);
    UpdateLinkBody body = RequestBodies.update(patch, options);
    return link(Operation.UPDATE, api.update(LINK.with(uuid(id)), LINK, body));
  }

  /** {@code DELETE links/{id}}. */
  public void delete(LinkId id) {
    transport.execute(Operation.DELETE, api.delete(LINK.with(uuid(id)), LINK));
  }

  /**
   * {@code DELETE links/bulk} in chunks of {@link SnipurlClient#MAX_BULK_DELETE}, every id checked
   * first (an empty collection sends nothing): the summed {@code data.deleted}, or empty when a
   * chunk was resent after an attempt that may have been processed (its answer then counts only what
   * the last attempt deleted). A chunk that fails after an earlier one succeeded is a {@link
   * BulkOperationException}; a failing first chunk is thrown as it is.
   */
  public OptionalInt delete(Collection<LinkId> ids) {
    List<LinkId> unique = IdLists.distinct(ID, ids, SnipurlOperations::bulkId);
    List<String> all = new ArrayList<>(unique.size());
    unique.forEach(id -> all.add(id.value()));
    List<LinkId> done = new ArrayList<>();
    int deleted = 0;
    boolean exact = true;
    for (int from = 0; from < all.size(); from += SnipurlClient.MAX_BULK_DELETE) {
      int to = Math.min(all.size(), from + SnipurlClient.MAX_BULK_DELETE);
      CountingJsonBody body = CountingJsonBody.of(new BulkDeleteBody(List.copyOf(all.subList(from, to))));
      int count;
      try {
        count = deletedCount(transport.executeForBody(Operation.DELETE, api.deleteBulk(body)));
      } catch (PolylinkException e) {
        if (done.isEmpty()) {
          throw e;
        }
        throw new BulkOperationException(ID, Operation.DELETE, done,
            exact ? OptionalLong.of(deleted) : OptionalLong.empty(),
            unique.subList(from, to), unique.subList(to, unique.size()), e);
      }
      exact &= body.timesSent() <= 1;
      deleted += count;
      done.addAll(unique.subList(from, to));
    }
    return exact ? OptionalInt.of(deleted) : OptionalInt.empty();
  }

  /**
   * {@link #delete(Collection)} without blocking: every id checked first (a failed future, nothing
   * sent), then the same chunks one after the other, each started when the one before succeeded,
   * with the same count and the same {@link BulkOperationException} for a chunk that fails after
   * an earlier one succeeded.
   */
  public CompletableFuture<OptionalInt> deleteAsync(Collection<LinkId> ids) {
    List<LinkId> unique = IdLists.distinct(ID, ids, SnipurlOperations::bulkId);
    return deleteChunksAsync(unique, 0, 0, true);
  }

  private CompletableFuture<OptionalInt> deleteChunksAsync(List<LinkId> unique, int from, int deleted, boolean exact) {
    if (from >= unique.size()) {
      return CompletableFuture.completedFuture(exact ? OptionalInt.of(deleted) : OptionalInt.empty());
    }
    int to = Math.min(unique.size(), from + SnipurlClient.MAX_BULK_DELETE);
    List<String> chunk = new ArrayList<>(to - from);
    unique.subList(from, to).forEach(id -> chunk.add(id.value()));
    CountingJsonBody body = CountingJsonBody.of(new BulkDeleteBody(chunk));
    return transport.executeForBodyAsync(Operation.DELETE, api.deleteBulk(body)).handle((root, error) -> {
      Throwable cause = HttpTransport.unwrap(error);
      if (cause == null) {
        return deleteChunksAsync(unique, to, deleted + deletedCount(root), exact && body.timesSent() <= 1);
      }
      if (from == 0 || !(cause instanceof PolylinkException)) {
        return CompletableFuture.<OptionalInt>failedFuture(cause);
      }
      return CompletableFuture.<OptionalInt>failedFuture(new BulkOperationException(ID, Operation.DELETE,
          List.copyOf(unique.subList(0, from)), exact ? OptionalLong.of(deleted) : OptionalLong.empty(),
          unique.subList(from, to), unique.subList(to, unique.size()), (PolylinkException) cause));
    }).thenCompose(next -> next);
  }

  /**
   * The id, once SnipURL's bulk delete would accept it. Its server checks {@code ids} with
   * zod 4's {@code z.string().uuid()} (SnipURL's package.json: zod ^4.4.3), stricter than the
   * single-link endpoints: a UUID of version 1 to 8 with the RFC 9562 variant (8, 9, a or b), or the
   * nil or max UUID. Any other id, such as one whose version digit is 0, makes the whole request
   * fail with 400 {@code VALIDATION_ERROR}, where a single GET, PATCH or DELETE answers 404.
   */
  private static LinkId bulkId(LinkId id) {
    Checks.uuidId(ID, Objects.requireNonNull(id, "id"));
    if (!BULK_UUID.matcher(id.value()).matches()) {
      throw Checks.invalid(ID, "id", "must be a UUID of version 1 to 8 with variant 8, 9, a or b (or the nil or"
          + " max UUID), as SnipURL's bulk delete requires", id.value());
    }
    return id;
  }

  /** The {@code deleted} count of a bulk delete's {@code data}. */
  private static int deletedCount(JsonNode root) {
    JsonNode count = Envelope.dataObject(ID, Operation.DELETE, root).get("deleted");
    if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
      throw Envelope.unreadable(ID, Operation.DELETE, "data.deleted is not a count of deleted links");
    }
    return count.intValue();
  }

  // ---- async (lane/async): the same checks and mapping, each exchange without blocking ----

  /** {@link #create} without blocking. */
  @Override
  public CompletableFuture<Link> createAsync(CreateLinkRequest request) {
    Optional<SnipurlOptions> options = RequestChecks.create(ID, capabilities, request, SnipurlOptions.class);
    CreateLinkBody body = RequestBodies.create(request, options);
    return linkAsync(Operation.CREATE, api.create(body));
  }

  /** {@link #get} without blocking. */
  @Override
  public CompletableFuture<Link> getAsync(LinkId id) {
    return linkAsync(Operation.GET, api.get(LINK.with(uuid(id)), LINK));
  }

  /** {@link #list} without blocking. */
  @Override
  public CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    Long page = request.cursor().map(cursor -> Cursors.pageNumber(ID, cursor, Long.MAX_VALUE)).orElse(null);
    Integer perPage = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    return transport.executeForBodyAsync(Operation.LIST, listCall(request, page, perPage)).thenApply(root -> page(root, page));
  }

  /** {@link #update} without blocking. */
  @Override
  public CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch) {
    Optional<SnipurlOptions> options = RequestChecks.update(ID, capabilities, patch, SnipurlOptions.class);
    UpdateLinkBody body = RequestBodies.update(patch, options);
    return linkAsync(Operation.UPDATE, api.update(LINK.with(uuid(id)), LINK, body));
  }

  /** {@link #delete(LinkId)} without blocking. */
  @Override
  public CompletableFuture<Void> deleteAsync(LinkId id) {
    return transport.executeAsync(Operation.DELETE, api.delete(LINK.with(uuid(id)), LINK)).thenApply(ignored -> null);
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

  private CompletableFuture<Link> linkAsync(Operation operation, retrofit2.Call<JsonNode> call) {
    return transport.executeForBodyAsync(operation, call)
        .thenApply(root -> LinkMapper.toLink(operation, Envelope.dataObject(ID, operation, root)));
  }

  // ---- end async ----

  /** The most recent rate-limit state. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** {@return every window the vendor reported} */
  public java.util.List<RateLimitStatus> rateLimits() {
    return transport.rateLimits();
  }

  /** Closes the transport. */
  @Override
  public void close() {
    transport.close();
  }

  /** What may be shown of the client: its provider id; never the API key. */
  @Override
  public String toString() {
    return "providerId=" + ID;
  }

  private Link link(Operation operation, retrofit2.Call<JsonNode> call) {
    JsonNode root = transport.executeForBody(operation, call);
    return LinkMapper.toLink(operation, Envelope.dataObject(ID, operation, root));
  }

  private static String uuid(LinkId id) {
    Checks.uuidId(ID, Objects.requireNonNull(id, "id"));
    return id.value();
  }
}
