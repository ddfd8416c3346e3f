package dev.polylink.shortpen;

import dev.polylink.core.spi.BulkBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ProviderClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkStats;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.StatsCapabilities;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.Checks;
import java.util.EnumSet;
import dev.polylink.shortpen.internal.PositiveIds;
import dev.polylink.shortpen.internal.ShortpenOperations;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ShortPen ({@code https://api.shortpen.com}) behind {@link LinkClient}. Link ids are ShortPen's
 * positive integer {@code url_id}s; any other {@link LinkId} is rejected before a request.
 *
 * <pre>{@code
 * try (ShortpenClient client = ShortpenClient.builder()
 *     .apiKey(System.getenv("SHORTPEN_API_KEY"))
 *     .defaultDomainId(1)
 *     .build()) {
 *   Link link = client.create(CreateLinkRequest.builder()
 *       .destination("https://example.com/launch")
 *       .slug("launch")
 *       .build());
 * }
 * }</pre>
 *
 * <p>ShortPen has no get-one endpoint and its create endpoint returns no id, so {@link #get} and
 * {@link #create} read {@code GET /v1/links} (100 links a page) until they find the link: a {@code
 * get} costs up to one request per 100 links of the workspace, a {@code create} one POST plus
 * usually one list request and at most {@link Builder#createLookupPages(int)} (see {@link
 * #create}). ShortPen allows 60 requests a minute per token.
 *
 * <p>ShortPen documents no rate-limit headers: {@link #lastRateLimit()} stays empty unless {@code
 * X-RateLimit-*} headers appear. A 429 is a monthly feature quota ({@code quotaExhausted()}, never
 * retried) unless it carries {@code Retry-After}.
 */
public final class ShortpenClient implements LinkClient {
  /** This provider's id: {@code "shortpen"}. */
  public static final String PROVIDER_ID = "shortpen";

  /** ShortPen's documented base URL; the {@code /v1/...} paths are appended to it. */
  public static final String DEFAULT_BASE_URL = "https://api.shortpen.com";

  /**
   * What ShortPen supports, the single source of truth for validation, the README table and the
   * tests: link CRUD, statistics and usage (no QR on demand); DESTINATION, SLUG, TITLE, PASSWORD and REDIRECT_TYPE on create and
   * update; only PASSWORD can be cleared ({@code with_password: false}). ENABLED, LABELS and
   * EXPIRES_AT do not exist at ShortPen. No list filters are documented; pages hold up to 100
   * links. Statistics (aggregated by the SDK from raw click events) need a date range; account usage
   * from {@code POST /v1/me}. No QR image on demand: see {@link #qrCode(LinkId, QrOptions)}.
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE,
              Operation.STATS, Operation.ACCOUNT_USAGE)
          .creatableFields(
              LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE, LinkField.PASSWORD, LinkField.REDIRECT_TYPE)
          .updatableFields(
              LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE, LinkField.PASSWORD, LinkField.REDIRECT_TYPE)
          .clearableFields(LinkField.PASSWORD)
          .maxPageSize(ShortpenOperations.MAX_PAGE_SIZE)
          .bulk(Operation.DELETE, ShortpenOperations.MAX_DELETE_BATCH)
          .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS, StatsField.DAILY_CLICKS,
              StatsField.COUNTRIES, StatsField.DEVICES, StatsField.BROWSERS, StatsField.REFERRERS),
              DateRangeSupport.REQUIRED))
          .build();

  /**
   * The most list pages (100 links each) a {@link #create} reads to find the new link's id, unless
   * {@link Builder#createLookupPages(int)} says otherwise: {@value}, so a create costs at most one
   * POST and {@value} GETs of ShortPen's 60 requests a minute, and finds a link however many others
   * were created meanwhile, up to about 400.
   */
  public static final int DEFAULT_CREATE_LOOKUP_PAGES = 5;

  private final ShortpenOperations operations;

  private final Async async;

  private ShortpenClient(ShortpenOperations operations) {
    this.operations = operations;
    this.async = new Async(operations);
  }

  /** The {@link ShortpenAsyncClient}: the SPI's asynchronous client and ShortPen's extra. */
  private static final class Async extends dev.polylink.core.spi.AsyncClients.Client<ShortpenOperations> implements ShortpenAsyncClient {
    Async(ShortpenOperations operations) {
      super(PROVIDER_ID, CAPABILITIES, operations.transport(), operations);
    }

    @Override
    public java.util.concurrent.CompletableFuture<OptionalInt> delete(Collection<LinkId> ids) {
      return operation(Operation.DELETE, () -> operations().deleteAsync(ids));
    }
  }

  /**
   * A builder; {@link Builder#apiKey} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@value #PROVIDER_ID}. */
  @Override
  public String providerId() {
    return PROVIDER_ID;
  }

  /** {@link #CAPABILITIES}. */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Creates a link with {@code POST /v1/generate}, then finds it in {@code GET /v1/links} by the
   * short URL ShortPen returned ({@code data.link}, or the deprecated {@code data.short_url}), since
   * ShortPen returns no id. The look-up reads at most {@link Builder#createLookupPages(int)} pages
   * of 100 links ({@value #DEFAULT_CREATE_LOOKUP_PAGES} by default), newest first: ShortPen does
   * not document the list order, and its emulator lists newest first, so page 1 is read first (the
   * new link is there: one extra request), then, when ShortPen's {@code total} names a last page
   * beyond it, that last page once (where an oldest-first list would have it), then pages 2, 3, ...
   * until the bound or the end of the list. The returned Link is the list item, with everything
   * ShortPen reports.
   *
   * <p>The domain ({@code domain_id}, required by ShortPen) is {@code request.domain()} parsed as a
   * ShortPen domain id, else {@link ShortpenOptions#domainId()}, else the client's {@link
   * Builder#defaultDomainId}; with none, or a non-integer one, this is a {@link
   * RequestValidationException} before any request. The workspace is {@link
   * ShortpenOptions#workspaceId()}, else the client's {@link Builder#workspaceId}, else ShortPen's
   * default; the new link is looked for in that workspace.
   *
   * @throws LinkNotResolvedException when the link was created but its id could not be found (not
   *     on the pages read, or listing failed); it carries the {@link
   *     LinkNotResolvedException#shortUrl()} and {@link LinkNotResolvedException#pagesRead()}, and its
   *     message names the pages read. The POST is never sent twice.
   */
  @Override
  public Link create(CreateLinkRequest request) {
    return operations.transport().observe(Operation.CREATE, () -> operations.create(request));
  }

  /**
   * Reads one link by scanning {@code GET /v1/links} (in the client's workspace) page by page,
   * stopping at the page that holds it: up to one request per 100 links.
   *
   * @throws NotFoundException (status 404, synthesized) when no page holds the id
   */
  @Override
  public Link get(LinkId id) {
    return operations.transport().observe(Operation.GET, () -> operations.get(id));
  }

  /**
   * One page of {@code GET /v1/links?page=&limit=} in the client's workspace. The cursor is the
   * next page number; {@code pageSize} is sent as {@code limit} (default and maximum 100). {@link
   * Page#total()} is ShortPen's {@code total}. No filters are supported.
   */
  @Override
  public Page<Link> list(ListLinksRequest request) {
    return operations.transport().observe(Operation.LIST, () -> operations.list(request));
  }

  /**
   * Updates a link with {@code PUT /v1/links}: {@code url_id} plus only the fields the patch
   * touches ({@code url}, {@code custom_slug}, {@code title}, {@code with_password: true} + {@code
   * url_password}, or {@code with_password: false} for {@code clearPassword()}, {@code
   * redirect_type} 301/302) and the options set. {@link ShortpenOptions#domainId()} moves the link;
   * the client's default domain and workspace are never sent on update.
   *
   * <p>ShortPen answers with the short URL and QR code only, so the returned Link holds the id, the
   * short URL and code, {@code providerFields()} = that answer ({@code link}, {@code short_url},
   * {@code created}, {@code qr}), and the values the patch set: destination (unless the options
   * carry {@code param}, which ShortPen appends to it), title, password protection, redirect type.
   * Every other field is empty, not invented; call {@link #get} for the full link.
   *
   * @throws RequestValidationException also when the patch carries only options that set nothing
   *     (ShortPen answers 400 to a body holding {@code url_id} alone)
   */
  @Override
  public Link update(LinkId id, LinkPatch patch) {
    return operations.transport().observe(Operation.UPDATE, () -> operations.update(id, patch));
  }

  /**
   * Soft-deletes a link with {@code DELETE /v1/links} and body {@code {"url_id": id}}: it stops
   * resolving, its analytics are kept and it can be restored in the dashboard.
   *
   * @throws NotFoundException when ShortPen matched no link (404, or a count of 0)
   */
  @Override
  public void delete(LinkId id) {
    operations.transport().observe(Operation.DELETE, () -> operations.delete(id));
  }

  /**
   * Soft-deletes several links in one request, {@code DELETE /v1/links} with {@code {"url_id":
   * [ids]}}. ShortPen skips ids that match no link; duplicates are sent once.
   *
   * <p>ShortPen answers with a count only ({@code data.deleted}), never with the ids it skipped:
   * when the count is smaller than the number of distinct ids, that many were skipped (they match
   * no live link of the workspace), and which ones cannot be told from ShortPen's answer. The whole
   * set is one request, so it never fails part-way: it fails or succeeds as a whole.
   *
   * <p>A request whose answer is lost is resent (a delete is idempotent). ShortPen's answer to the
   * resent request counts only what that attempt deleted (404 when the lost attempt had deleted
   * them all), so the result is then empty: every id named is deleted, or matched no link, either
   * way.
   *
   * @param ids the links to delete
   * @return the number of links ShortPen deleted ({@code data.deleted}); empty when the request was
   *     resent after an attempt that may have been processed, so that the count is not known
   * @throws RequestValidationException when {@code ids} is empty or any id is not a positive
   *     integer (every bad id is named), before any request
   * @throws NotFoundException when none of the ids matched (ShortPen answers 404 to a request sent
   *     once)
   */
  public OptionalInt delete(Collection<LinkId> ids) {
    return operations.transport().observe(Operation.DELETE, () -> operations.delete(ids));
  }

  /**
   * Creates many links, one {@code POST /v1/generate} (and its list lookup) each, since ShortPen has
   * no bulk create, {@link LinkClientBuilder#bulkConcurrency} at a time under the client's pacing;
   * every request is checked (capabilities, ShortPen's rules) before the first one is sent, and an
   * invalid one fails alone.
   */
  @Override
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return operations.createAll(requests);
  }

  /** Applies each link's patch, one request each, as {@link #createAll} does; every patch and id is checked first. */
  @Override
  public BulkResult<Link> updateAll(Map<LinkId, LinkPatch> patches) {
    return operations.updateAll(new ArrayList<>(patches.entrySet()));
  }

  /** Applies one patch to many links, as {@link #updateAll(Map)} does. */
  @Override
  public BulkResult<Link> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    return operations.updateAll(BulkBatches.entries(ids, patch));
  }

  /**
   * Deletes many links with ShortPen's multi-id delete ({@code DELETE /v1/links}, {@code {"url_id":
   * [ids]}}), {@value ShortpenOperations#MAX_DELETE_BATCH} distinct ids a request (ShortPen documents
   * no limit; its page size is the careful guess), every id checked to be a positive integer before
   * the first request (a bad one fails alone and is not sent). Requests run {@link
   * LinkClientBuilder#bulkConcurrency} at a time under the client's pacing.
   *
   * <p>ShortPen answers each request with a count ({@code data.deleted}) and skips ids that match no
   * live link without saying which, so an item's outcome is read from its request's answer:
   *
   * <ul>
   *   <li>the count equals the number of distinct ids: every item succeeded;
   *   <li>404, or a count of 0, for a request sent once: none matched, and every item of that
   *       request fails with a {@link NotFoundException};
   *   <li>a count between 1 and the number of ids: some ids matched no live link, and which ones
   *       cannot be told. Every item of that request succeeds, because what a delete promises holds
   *       for each of them: none of these ids is a live link afterwards (it was deleted, or there was
   *       none to delete, the same rule as a resent {@link #delete(LinkId)} answered 404). Where the
   *       difference matters, delete such ids one by one with {@link #delete(LinkId)}, which fails
   *       with {@link NotFoundException} for an id that matched nothing;
   *   <li>a request resent after an attempt whose answer was lost (a delete is idempotent): its
   *       count covers that attempt only, so every item succeeds by the same rule;
   *   <li>an answer without a readable count, or a count above the number of ids: every item of that
   *       request fails as unaccounted ({@link dev.polylink.core.TransportException} with {@code
   *       requestMayHaveBeenProcessed()}), never a success the answer does not show.
   * </ul>
   *
   * <p>A request that fails as a whole (a 429, a 500) fails every item in it; the others are
   * unaffected. {@link #delete(Collection)} instead sends every id in one request and answers its
   * count alone.
   */
  @Override
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return operations.deleteAll(ids);
  }

  /**
   * Not available: ShortPen has no QR endpoint. It returns a QR code only in the answer of {@code
   * POST /v1/generate} (and its link list's {@code qr}), as a base64 PNG, when the link is created or
   * edited with {@link ShortpenOptions.Builder#generateQr(boolean)}; read it with {@link
   * #qrCode(Link)}. Neither format nor size can be chosen.
   *
   * @throws OperationNotSupportedException always, before any request
   */
  @Override
  public QrCode qrCode(LinkId id, QrOptions options) {
    return operations.transport().observe(Operation.QR_CODE, () -> operations.qrCode(id, options));
  }

  /**
   * The QR code ShortPen gave for a link, when it gave one: the {@code qr} of the link's provider
   * fields (from {@code POST /v1/generate} with {@code generate_qr}, or the list item), decoded as
   * the base64 PNG ShortPen documents. Empty when the link has none, or when its {@code qr} is not
   * base64 of a PNG (such as a URL or the docs' placeholder {@code "<string>"}): never guessed.
   * @param link the link
   * @return the decoded PNG, or empty
   */
  public Optional<QrCode> qrCode(Link link) {
    return operations.qrCode(link);
  }

  /**
   * The link's statistics over a required date range, aggregated from ShortPen's raw click events
   * ({@code POST /v1/analytics} with {@code start}, {@code end}, {@code url_id}): the total of the
   * range, clicks per day and per country, device type, browser and referrer; no last-click time.
   * See {@code ShortpenFeatures} for paging and the time zone of days.
   *
   * @throws RequestValidationException without a range or with an id that is not a positive
   *     integer, before any request
   */
  @Override
  public LinkStats stats(LinkId id, StatsRequest request) {
    return operations.transport().observe(Operation.STATS, () -> operations.stats(id, request));
  }

  /**
   * The account's feature quotas ({@code POST /v1/me}): each {@code enabledFeatures[slug]} as the
   * quota and the feature flag {@code slug}, with ShortPen's {@code limit}, {@code used} and {@code
   * remaining}. A feature quota that runs out makes ShortPen answer 429 with a message; read these
   * to pace before it does.
   */
  @Override
  public AccountUsage accountUsage() {
    return operations.transport().observe(Operation.ACCOUNT_USAGE, () -> operations.accountUsage());
  }

  /**
   * The asynchronous view of this client: link CRUD, statistics, account usage and the bulk
   * methods over them, returning {@link java.util.concurrent.CompletableFuture}s with the same
   * checks, mapping, retries, pacing and deadlines, on this client's transport and rate-limit budget
   * (see {@link dev.polylink.core.AsyncLinkClient}). A create's look-up of the new link's id, a
   * get's scan of the list and the statistics' event pages run as later steps of the same future,
   * page after page; cancelling it stops the scan. The QR image fails as {@link #qrCode(LinkId,
   * QrOptions)} does. The multi-id {@link #delete(Collection)} is {@link
   * ShortpenAsyncClient#delete(Collection)}.
   */
  @Override
  public ShortpenAsyncClient async() {
    return async;
  }

  /** Empty unless ShortPen sent {@code X-RateLimit-*} headers (none are documented). */
  @Override
  public Optional<RateLimitStatus> lastRateLimit() {
    return operations.lastRateLimit();
  }

  @Override
  public java.util.List<RateLimitStatus> rateLimits() {
    return operations.rateLimits();
  }

  /** Releases the connection pool and threads the client created; a user's OkHttpClient is left open. */
  @Override
  public void close() {
    operations.close();
  }

  /** The client's defaults; never the API key. */
  @Override
  public String toString() {
    return "ShortpenClient{" + operations + "}";
  }

  /**
   * Builds a {@link ShortpenClient}: the shared settings of {@link LinkClientBuilder} ({@code apiKey}
   * required, sent as {@code Authorization: Bearer <key>}; {@code baseUrl} defaults to {@value
   * #DEFAULT_BASE_URL}) plus ShortPen's default domain and workspace.
   */
  public static final class Builder extends ProviderClientBuilder<Builder, ShortpenClient> {
    private Long defaultDomainId;
    private Long workspaceId;
    private int createLookupPages = DEFAULT_CREATE_LOOKUP_PAGES;

    private Builder() {}

    /**
     * The most pages of {@code GET /v1/links} (100 links each) a {@link ShortpenClient#create} reads
     * to find the id of the link it created, before it gives up with a {@link
     * LinkNotResolvedException}; {@value ShortpenClient#DEFAULT_CREATE_LOOKUP_PAGES} by default. A
     * larger bound finds the link even when many others are created at the same time, at up to one
     * request per page against ShortPen's 60 requests a minute.
     *
     * @param pages the most pages to read, 1 to 1000
     * @return this builder
     * @throws RequestValidationException unless between 1 and 1000
     */
    public Builder createLookupPages(int pages) {
      this.createLookupPages = Checks.inRange(PROVIDER_ID, "createLookupPages", pages, 1, 1000);
      return this;
    }

    /**
     * The domain ({@code domain_id}) of new links whose request names none. Without it every {@code
     * create} must name its domain. Never sent on update.
     *
     * @param domainId the value
     * @return this builder
     * @throws RequestValidationException unless positive
     */
    public Builder defaultDomainId(long domainId) {
      this.defaultDomainId = PositiveIds.require("defaultDomainId", domainId);
      return this;
    }

    /**
     * The workspace ({@code workspace_id}) links are created in and listed from; without it ShortPen
     * uses the organization's first workspace. Never sent on update.
     *
     * @param workspaceId the workspace ({@code workspace_id}) links are created in and listed from;
     *     without it ShortPen uses the organization's first workspace
     * @return this builder
     * @throws RequestValidationException unless positive
     */
    public Builder workspaceId(long workspaceId) {
      this.workspaceId = PositiveIds.require("workspaceId", workspaceId);
      return this;
    }

    /** {@value ShortpenClient#PROVIDER_ID}. */
    @Override
    protected String providerId() {
      return PROVIDER_ID;
    }

    /** {@value ShortpenClient#DEFAULT_BASE_URL}. */
    @Override
    protected String defaultBaseUrl() {
      return DEFAULT_BASE_URL;
    }

    /**
     * Builds the client.
     *
     * @throws RequestValidationException when no API key was given
     */
    @Override
    public ShortpenClient build() {
      return new ShortpenClient(ShortpenOperations.open(
          CAPABILITIES, transport(), defaultDomainId, workspaceId, createLookupPages));
    }
  }
}
