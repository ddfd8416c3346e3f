package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Capabilities;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.BulkResult;
import dev.polylink.core.spi.BulkBatches;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.AsyncClients;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.FeatureChecks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdLists;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.QrImages;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.shortpen.LinkNotResolvedException;
import dev.polylink.shortpen.ShortpenClient;
import dev.polylink.shortpen.ShortpenOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ShortPen link operations behind {@link ShortpenClient}: every check first (the capabilities
 * through {@link RequestChecks}, then ShortPen's own rules and the id shape, a positive integer),
 * then the HTTP exchanges through the shared {@link HttpTransport}, then the mapping of the {@code
 * {success, status_code, data, message}} envelope. Thread-safe; holds no mutable state of its own.
 * Public only so that the client in the API package can use it; not part of the API.
 */
public final class ShortpenOperations implements AutoCloseable, AsyncClients.Operations, AsyncClients.BulkOperations {
  /** ShortPen's documented (and largest) page size. */
  public static final int MAX_PAGE_SIZE = 100;

  private static final String ID = ShortpenClient.PROVIDER_ID;
  /** The largest page number a cursor may name (the Retrofit interface sends an int). */
  private static final long MAX_PAGE_NUMBER = 999_999_999;

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final ShortpenApi api;
  private final Long defaultDomainId;
  private final Long workspaceId;
  private final int createLookupPages;
  private final ShortpenFeatures features;

  private ShortpenOperations(Capabilities capabilities, HttpTransport transport, Long defaultDomainId,
      Long workspaceId, int createLookupPages) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(ShortpenApi.class);
    this.defaultDomainId = defaultDomainId;
    this.workspaceId = workspaceId;
    this.createLookupPages = createLookupPages;
    this.features = new ShortpenFeatures(transport, workspaceId);
  }
  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }



  /**
   * Adds ShortPen's error decoder and rate-limit parser to a configured transport and opens it.
   *
   * @param defaultDomainId the domain of new links when a request names none, or null
   * @param workspaceId the workspace to create in and list, or null for ShortPen's default (the
   *     organization's first workspace)
   * @param createLookupPages the most list pages a create reads to find the new link's id
   */
  public static ShortpenOperations open(Capabilities capabilities, HttpTransport.Builder transport,
      Long defaultDomainId, Long workspaceId, int createLookupPages) {
    return new ShortpenOperations(
        capabilities,
        transport
            // ShortPen documents 60 requests a minute: evenly spaced.
            .documentedRateLimit(null, 60, java.time.Duration.ofMinutes(1), 1)
            .errorDecoder(ShortpenErrorDecoder.INSTANCE).rateLimitParser(ShortpenRateLimits.INSTANCE).build(),
        defaultDomainId,
        workspaceId,
        createLookupPages);
  }

  /** {@code POST /v1/generate}, then the new link's id from {@code GET /v1/links}. */
  public Link create(CreateLinkRequest request) {
    Optional<ShortpenOptions> options = RequestChecks.create(ID, capabilities, request, ShortpenOptions.class);
    Long workspace = options.flatMap(o -> boxed(o.workspaceId())).orElse(workspaceId);
    LinkWriteBody body = RequestBodies.create(request, options, defaultDomainId, workspace);
    JsonNode data = Envelope.dataObject(ID, Operation.CREATE, transport.executeForBody(Operation.CREATE, api.generate(body)));
    URI shortUrl = createdShortUrl(data);
    List<Integer> read = new ArrayList<>();
    LinkScanner.Result result;
    try {
      result = new LinkScanner(page -> {
        ListPage answer = fetch(Operation.CREATE, page, MAX_PAGE_SIZE, workspace);
        read.add(page);
        return answer;
      }).byShortUrl(shortUrl, createLookupPages);
      if (result.item().isPresent()) {
        return withGeneratedQr(LinkMapper.toLink(Operation.CREATE, result.item().get()), data);
      }
    } catch (PolylinkException e) {
      throw listingFailed(shortUrl, read, e);
    }
    throw notListed(shortUrl, result, workspace, read);
  }

  private static LinkNotResolvedException listingFailed(URI shortUrl, List<Integer> read, PolylinkException e) {
    return new LinkNotResolvedException(shortUrl, read.size(), "listing failed after " + read.size()
        + " page(s) read " + pageList(read) + ": " + e.getMessage(), e);
  }

  private LinkNotResolvedException notListed(URI shortUrl, LinkScanner.Result result, Long workspace, List<Integer> read) {
    String of = result.lastPage().isPresent() ? " of " + result.lastPage().getAsInt() : "";
    return new LinkNotResolvedException(shortUrl, result.pagesRead(), "not listed in any of the "
        + result.pagesRead() + " page(s) read" + of + inWorkspace(workspace) + " " + pageList(read)
        + "; a create reads at most " + createLookupPages
        + " page(s) of 100 links (ShortpenClient.Builder.createLookupPages)", null);
  }

  private static URI createdShortUrl(JsonNode data) {
    return LinkMapper.shortUrl(data).orElseThrow(() -> Envelope.unreadable(ID,
        Operation.CREATE, "the link was created but \"data\" has no \"link\" or \"short_url\"; do not create it again"));
  }

  private NotFoundException notFound(long id, LinkScanner.Result result) {
    return new NotFoundException(
        ID,
        Operation.GET,
        404,
        null,
        "no link with id " + id + " in any of the " + result.pagesRead()
            + " page(s) of GET /v1/links" + inWorkspace(workspaceId)
            + " (ShortPen has no get-one endpoint)",
        null,
        null,
        "");
  }

  private static Page<Link> page(ListPage current) {
    List<Link> links = new ArrayList<>(current.items().size());
    current.items().forEach(item -> links.add(LinkMapper.toLink(Operation.LIST, item)));
    return Page.of(links, current.nextCursor(), current.total());
  }

  private static Link updated(long id, JsonNode answer, LinkPatch patch, Optional<ShortpenOptions> options) {
    JsonNode data = Envelope.dataObject(ID, Operation.UPDATE, answer);
    boolean destinationAsSent = options.map(o -> o.param().isEmpty()).orElse(true);
    return LinkMapper.fromUpdate(id, data, patch, destinationAsSent);
  }

  private static void deleted(long id, JsonNode answer, CountingJsonBody body) {
    OptionalLong deleted = Json.wholeNumber(Envelope.dataObject(ID, Operation.DELETE, answer), "deleted");
    if (deleted.isPresent() && deleted.getAsLong() == 0 && body.timesSent() <= 1) {
      throw new NotFoundException(
          ID,
          Operation.DELETE,
          404,
          null,
          "ShortPen deleted no link with id " + id + " (data.deleted: 0)",
          null,
          null,
          "");
    }
  }

  // ---- async (lane/async): the same checks, exchanges and mapping, each step a future ----

  /**
   * {@link #create} without blocking: the look-up of the new link's id in {@code GET /v1/links}
   * runs as later steps of the same future, page after page.
   */
  @Override
  public CompletableFuture<Link> createAsync(CreateLinkRequest request) {
    Optional<ShortpenOptions> options = RequestChecks.create(ID, capabilities, request, ShortpenOptions.class);
    Long workspace = options.flatMap(o -> boxed(o.workspaceId())).orElse(workspaceId);
    LinkWriteBody body = RequestBodies.create(request, options, defaultDomainId, workspace);
    return transport.executeForBodyAsync(Operation.CREATE, api.generate(body)).thenCompose(answer -> {
      JsonNode data = Envelope.dataObject(ID, Operation.CREATE, answer);
      URI shortUrl = createdShortUrl(data);
      List<Integer> read = java.util.Collections.synchronizedList(new ArrayList<>());
      return LinkScanner.byShortUrlAsync(page -> fetchAsync(Operation.CREATE, page, MAX_PAGE_SIZE, workspace)
              .thenApply(listed -> {
                read.add(page);
                return listed;
              }), shortUrl, createLookupPages)
          .handle((result, error) -> {
            try {
              if (error != null) {
                throw error;
              }
              if (result.item().isPresent()) {
                return withGeneratedQr(LinkMapper.toLink(Operation.CREATE, result.item().get()), data);
              }
            } catch (Throwable e) {
              Throwable cause = HttpTransport.unwrap(e);
              if (cause instanceof PolylinkException) {
                throw listingFailed(shortUrl, List.copyOf(read), (PolylinkException) cause);
              }
              throw cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
            }
            throw notListed(shortUrl, result, workspace, List.copyOf(read));
          });
    });
  }

  /** {@link #get} without blocking: the pages are read one after the other. */
  @Override
  public CompletableFuture<Link> getAsync(LinkId linkId) {
    long id = positiveId(linkId);
    return LinkScanner.byIdAsync(page -> fetchAsync(Operation.GET, page, MAX_PAGE_SIZE, workspaceId), id)
        .thenApply(result -> LinkMapper.toLink(Operation.GET, result.item().orElseThrow(() -> notFound(id, result))));
  }

  /** {@link #list} without blocking. */
  @Override
  public CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    int page = request.cursor().map(cursor -> (int) Cursors.pageNumber(ID, cursor, MAX_PAGE_NUMBER)).orElse(1);
    return fetchAsync(Operation.LIST, page, request.pageSize().orElse(MAX_PAGE_SIZE), workspaceId)
        .thenApply(ShortpenOperations::page);
  }

  /** {@link #update} without blocking. */
  @Override
  public CompletableFuture<Link> updateAsync(LinkId linkId, LinkPatch patch) {
    Optional<ShortpenOptions> options = RequestChecks.update(ID, capabilities, patch, ShortpenOptions.class);
    long id = positiveId(linkId);
    LinkWriteBody body = RequestBodies.update(id, patch, options);
    return transport.executeForBodyAsync(Operation.UPDATE, api.update(body))
        .thenApply(answer -> updated(id, answer, patch, options));
  }

  /** {@link #delete} without blocking, with the same rule for a count of 0. */
  @Override
  public CompletableFuture<Void> deleteAsync(LinkId linkId) {
    long id = positiveId(linkId);
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.one(id));
    return transport.executeForBodyAsync(Operation.DELETE, api.deleteMany(body)).thenApply(answer -> {
      deleted(id, answer, body);
      return null;
    });
  }

  /** Refused as {@link #qrCode(LinkId, QrOptions)} is: the future fails before any request. */
  @Override
  public CompletableFuture<QrCode> qrCodeAsync(String providerId, LinkId id, QrOptions options) {
    throw qrCodeRefused();
  }

  /** {@link #stats} without blocking: the event pages are read one after the other. */
  @Override
  public CompletableFuture<LinkStats> statsAsync(String providerId, LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    return features.statsAsync(positiveId(id), id, request);
  }

  /** {@link #accountUsage} without blocking. */
  @Override
  public CompletableFuture<AccountUsage> accountUsageAsync(String providerId) {
    return features.usageAsync();
  }

  private CompletableFuture<ListPage> fetchAsync(Operation operation, int page, int limit, Long workspace) {
    return transport.executeForBodyAsync(operation, api.list(page, limit, workspace))
        .thenApply(root -> ListPage.read(root, page, limit, operation));
  }

  // ---- end async ----

  private static String pageList(List<Integer> pages) {
    if (pages.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder("(page");
    sb.append(pages.size() == 1 ? " " : "s ");
    for (int i = 0; i < pages.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(pages.get(i));
    }
    return sb.append(')').toString();
  }

  /** Scans {@code GET /v1/links} for the id; a {@link NotFoundException} after the last page. */
  public Link get(LinkId linkId) {
    long id = positiveId(linkId);
    LinkScanner.Result result = scanner(Operation.GET, workspaceId).byId(id);
    JsonNode item = result.item().orElseThrow(() -> notFound(id, result));
    return LinkMapper.toLink(Operation.GET, item);
  }

  /**
   * One page of {@code GET /v1/links?page=&limit=} in the client's workspace. The cursor is the next
   * page number: there is one while the links so far are fewer than {@code total} (without a total,
   * when the page was full), never after an empty page.
   */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    int page = request.cursor().map(cursor -> (int) Cursors.pageNumber(ID, cursor, MAX_PAGE_NUMBER)).orElse(1);
    return page(fetch(Operation.LIST, page, request.pageSize().orElse(MAX_PAGE_SIZE), workspaceId));
  }

  /** {@code PUT /v1/links}; the Link holds the answer ({@code link}, {@code qr}) and what the patch set. */
  public Link update(LinkId linkId, LinkPatch patch) {
    Optional<ShortpenOptions> options = RequestChecks.update(ID, capabilities, patch, ShortpenOptions.class);
    long id = positiveId(linkId);
    LinkWriteBody body = RequestBodies.update(id, patch, options);
    return updated(id, transport.executeForBody(Operation.UPDATE, api.update(body)), patch, options);
  }

  /**
   * {@code DELETE /v1/links} with {@code {"url_id": id}}; a count of 0 is a {@link NotFoundException},
   * unless the request was resent after an attempt that may have been processed (its answer was
   * lost): the first attempt deleted it, so the link counts as deleted, as a 404 to a resent
   * DELETE does for the other providers ({@code HttpTransport.execute}).
   */
  public void delete(LinkId linkId) {
    long id = positiveId(linkId);
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.one(id));
    deleted(id, transport.executeForBody(Operation.DELETE, api.deleteMany(body)), body);
  }

  /**
   * {@code DELETE /v1/links} with {@code {"url_id": [ids]}}, every id checked first and sent once:
   * ShortPen's count of deleted links, or empty when the request was resent after an attempt that
   * may have been processed. A resent request's answer counts only what its own attempt deleted (a
   * 404 "none matched" then means that every id is deleted or never existed), so the total is not
   * known.
   */
  public OptionalInt delete(Collection<LinkId> ids) {
    List<Long> unique = IdLists.distinct(ID, ids, ShortpenOperations::positiveId);
    if (unique.isEmpty()) {
      throw new RequestValidationException(ID, "ids: must name at least one link");
    }
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.many(unique));
    JsonNode answer;
    try {
      answer = transport.executeForBody(Operation.DELETE, api.deleteMany(body));
    } catch (NotFoundException e) {
      if (body.timesSent() > 1) {
        return OptionalInt.empty();
      }
      throw e;
    }
    return deletedCount(answer, body);
  }

  /** The {@code data.deleted} of a multi-id delete's answer; empty when the body was sent again. */
  private static OptionalInt deletedCount(JsonNode answer, CountingJsonBody body) {
    JsonNode data = Envelope.dataObject(ID, Operation.DELETE, answer);
    OptionalLong deleted = Json.wholeNumber(data, "deleted");
    if (deleted.isEmpty() || deleted.getAsLong() > Integer.MAX_VALUE) {
      throw Envelope.unreadable(ID, Operation.DELETE, "\"data\" has no \"deleted\" count of at most " + Integer.MAX_VALUE);
    }
    return body.timesSent() > 1 ? OptionalInt.empty() : OptionalInt.of((int) deleted.getAsLong());
  }

  /**
   * Every check of {@link #create} (capabilities, ShortPen's rules), without sending; the body's
   * workspace is not checked, so the client's stands in for the one {@link #create} resolves.
   */
  private CreateLinkRequest checkCreate(CreateLinkRequest request) {
    Optional<ShortpenOptions> options = RequestChecks.create(ID, capabilities, request, ShortpenOptions.class);
    RequestBodies.create(request, options, defaultDomainId, workspaceId);
    return request;
  }

  /** {@link #create} for many, every request checked first, {@code bulkConcurrency} at a time (ShortPen has no bulk create). */
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return createPlan().run(requests);
  }

  /** Every request checked first, then one {@link #create} or {@link #createAsync} each. */
  private BulkBatches.Plan<CreateLinkRequest, CreateLinkRequest, Link> createPlan() {
    return BulkBatches.oneByOne(transport, ID, Operation.CREATE, capabilities, this::checkCreate, this::create, this::createAsync);
  }

  /** {@link #update} for many, every patch and id checked first. */
  public BulkResult<Link> updateAll(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return updatePlan().run(patches);
  }

  /** Every patch and id checked first (ShortPen has no bulk update), then one {@link #update} or {@link #updateAsync} each. */
  private BulkBatches.Plan<Map.Entry<LinkId, LinkPatch>, Map.Entry<LinkId, LinkPatch>, Link> updatePlan() {
    return BulkBatches.oneByOne(transport, ID, Operation.UPDATE, capabilities, this::checkUpdate,
        e -> update(e.getKey(), e.getValue()), e -> updateAsync(e.getKey(), e.getValue()));
  }

  /** Every check of {@link #update} for one entry, without sending. */
  private Map.Entry<LinkId, LinkPatch> checkUpdate(Map.Entry<LinkId, LinkPatch> e) {
    Optional<ShortpenOptions> options = RequestChecks.update(ID, capabilities, e.getValue(), ShortpenOptions.class);
    RequestBodies.update(positiveId(BulkBatches.requireId(ID, e.getKey())), e.getValue(), options);
    return e;
  }

  /** ShortPen's multi-id delete takes up to this many ids a request in {@link #deleteAll}. */
  public static final int MAX_DELETE_BATCH = 100;

  /**
   * The bulk delete on {@code DELETE /v1/links} with {@code {"url_id": [ids]}}, {@value
   * #MAX_DELETE_BATCH} ids a request (ShortPen documents no limit: its page size is the careful
   * guess), every id checked to be a positive integer first. See {@link ShortpenClient#deleteAll}
   * for how the count ShortPen answers is attributed to the ids.
   */
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, Map.Entry<LinkId, Long>, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> Map.entry(id, positiveId(BulkBatches.requireId(ID, id))))
        .batch((batch, answer) -> transport.observe(Operation.DELETE, (Runnable) () -> deleteBatch(batch, answer)))
        .run(new ArrayList<>(ids));
  }

  private void deleteBatch(List<Map.Entry<LinkId, Long>> batch, BulkBatches.Answer<LinkId> answer) {
    List<Long> unique = uniqueIds(batch);
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.many(unique));
    JsonNode root;
    try {
      root = transport.executeForBody(Operation.DELETE, api.deleteMany(body));
    } catch (NotFoundException e) {
      mapDeleted(batch, unique, body, null, e, answer);
      return;
    }
    mapDeleted(batch, unique, body, root, null, answer);
  }

  /**
   * {@link #delete(Collection)} without blocking: the same checks first, the same single request
   * and the same reading of its answer.
   */
  public CompletableFuture<OptionalInt> deleteAsync(Collection<LinkId> ids) {
    List<Long> unique = IdLists.distinct(ID, ids, ShortpenOperations::positiveId);
    if (unique.isEmpty()) {
      throw new RequestValidationException(ID, "ids: must name at least one link");
    }
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.many(unique));
    return transport.executeForBodyAsync(Operation.DELETE, api.deleteMany(body)).handle((answer, error) -> {
      Throwable cause = HttpTransport.unwrap(error);
      if (cause instanceof NotFoundException && body.timesSent() > 1) {
        return OptionalInt.empty();
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause != null) {
        throw new java.util.concurrent.CompletionException(cause);
      }
      return deletedCount(answer, body);
    });
  }

  /** {@link #deleteBatch} without blocking: the same body, the same attribution of the answer. */
  private CompletableFuture<Void> deleteBatchAsync(List<Map.Entry<LinkId, Long>> batch, BulkBatches.Answer<LinkId> answer) {
    List<Long> unique = uniqueIds(batch);
    CountingJsonBody body = CountingJsonBody.of(DeleteBody.many(unique));
    return transport.executeForBodyAsync(Operation.DELETE, api.deleteMany(body)).handle((root, error) -> {
      Throwable cause = HttpTransport.unwrap(error);
      if (cause instanceof NotFoundException) {
        mapDeleted(batch, unique, body, null, (NotFoundException) cause, answer);
        return null;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause != null) {
        throw new java.util.concurrent.CompletionException(cause);
      }
      mapDeleted(batch, unique, body, root, null, answer);
      return null;
    });
  }

  private static List<Long> uniqueIds(List<Map.Entry<LinkId, Long>> batch) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(batch.stream().map(Map.Entry::getValue).toList()));
  }

  /**
   * Attributes a multi-id delete's answer ({@code root}, or the 404 it was answered) to the batch:
   * see {@link ShortpenClient#deleteAll}.
   */
  private static void mapDeleted(List<Map.Entry<LinkId, Long>> batch, List<Long> unique, CountingJsonBody body,
      JsonNode root, NotFoundException notFound, BulkBatches.Answer<LinkId> answer) {
    if (notFound != null && body.timesSent() <= 1) {
      throw notFound; // none matched: every item of the batch fails with the 404
    }
    // After a resent attempt a 404 means the lost attempt deleted them (or none matched): nothing left either way.
    OptionalLong deleted = root == null
        ? OptionalLong.empty()
        : Json.wholeNumber(root.get("data"), "deleted");
    boolean resent = body.timesSent() > 1;
    if (!resent && (deleted.isEmpty() || deleted.getAsLong() > unique.size())) {
      return; // an answer that cannot be read as a count of these ids: every item unaccounted
    }
    if (!resent && deleted.getAsLong() == 0) {
      NotFoundException none = new NotFoundException(ID, Operation.DELETE, 404, null,
          "ShortPen deleted none of the " + unique.size() + " link(s) of this request (data.deleted: 0)",
          null, null, root.toString());
      for (int p = 0; p < batch.size(); p++) {
        answer.failed(p, none);
      }
      return;
    }
    for (int p = 0; p < batch.size(); p++) {
      answer.succeeded(p, batch.get(p).getKey());
    }
  }

  /** {@link #deleteAll} without blocking: the same plan, batches and attribution. */
  @Override
  public CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, Map.Entry<LinkId, Long>, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> Map.entry(id, positiveId(BulkBatches.requireId(ID, id))))
        .batchAsync((batch, answer) -> transport.observeAsync(Operation.DELETE, () -> deleteBatchAsync(batch, answer)))
        .runAsync(new ArrayList<>(ids));
  }

  /** {@link #createAll} without blocking: every request checked first, then {@link #createAsync} each. */
  @Override
  public CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
    return createPlan().runAsync(requests);
  }

  /** {@link #updateAll} without blocking: every patch and id checked first, then {@link #updateAsync} each. */
  @Override
  public CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return updatePlan().runAsync(patches);
  }

  /**
   * Always refused before any request: ShortPen has no QR endpoint, only the {@code qr} of a link
   * created or edited with {@code generateQr(true)} ({@link #qrCode(Link)}).
   */
  public QrCode qrCode(LinkId id, QrOptions options) {
    throw qrCodeRefused();
  }

  private static OperationNotSupportedException qrCodeRefused() {
    return new OperationNotSupportedException(ID, Operation.QR_CODE,
        "ShortPen cannot produce a QR code on demand; create or edit the link with ShortpenOptions generateQr(true)"
            + " and read ShortpenClient.qrCode(link)");
  }

  /** The link's {@code qr} provider field decoded as the base64 PNG ShortPen documents, or empty. */
  public Optional<QrCode> qrCode(Link link) {
    Object qr = Objects.requireNonNull(link, "link").providerFields().get("qr");
    return qr instanceof String ? QrImages.base64Png((String) qr) : Optional.empty();
  }

  /** The capability checks (a range is required), the id shape, then {@link ShortpenFeatures#stats}. */
  public LinkStats stats(LinkId id, StatsRequest request) {
    FeatureChecks.stats(ID, capabilities, request);
    return features.stats(positiveId(id), id, request);
  }

  /** {@code POST /v1/me}: {@link ShortpenFeatures#usage}. */
  public AccountUsage accountUsage() {
    return features.usage();
  }

  /** The rate-limit state of the last response, when ShortPen sent headers. */
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

  /**
   * Keeps generate's {@code data.qr} (the base64 PNG ShortPen returns when {@code generate_qr} is
   * set) in the link's provider fields where the list item has no {@code qr} of its own, so that
   * {@code ShortpenClient.qrCode(Link)} can read it.
   */
  private static Link withGeneratedQr(Link link, JsonNode generated) {
    Optional<String> qr = Json.text(generated, "qr").filter(s -> QrImages.base64Png(s).isPresent());
    Object listed = link.providerFields().get("qr");
    if (qr.isEmpty() || (listed instanceof String && !((String) listed).isBlank())) {
      return link;
    }
    Map<String, Object> fields = new LinkedHashMap<>(link.providerFields());
    fields.put("qr", qr.get());
    return link.toBuilder().providerFields(fields).build();
  }

  private LinkScanner scanner(Operation operation, Long workspace) {
    return new LinkScanner(page -> fetch(operation, page, MAX_PAGE_SIZE, workspace));
  }

  private ListPage fetch(Operation operation, int page, int limit, Long workspace) {
    JsonNode root = transport.executeForBody(operation, api.list(page, limit, workspace));
    return ListPage.read(root, page, limit, operation);
  }

  /** The client's defaults, for {@code toString()}; never the API key. */
  @Override
  public String toString() {
    return "defaultDomainId=" + defaultDomainId + ", workspaceId=" + workspaceId;
  }

  private static long positiveId(LinkId id) {
    return Checks.positiveIntegerId(ID, Objects.requireNonNull(id, "id"));
  }

  private static String inWorkspace(Long workspace) {
    return workspace == null ? " of the default workspace" : " of workspace " + workspace;
  }

  private static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
