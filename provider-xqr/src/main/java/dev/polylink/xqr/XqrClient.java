package dev.polylink.xqr;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkStats;
import dev.polylink.core.QrCapabilities;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.QrSizeUnit;
import dev.polylink.core.StatsCapabilities;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.GoneException;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.AsyncClients;
import dev.polylink.core.spi.ProviderClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.xqr.internal.XqrOperations;
import dev.polylink.core.BulkResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The xQR link API ({@code https://xqr.co/api/v1/links}) behind {@link LinkClient}.
 *
 * <pre>{@code
 * try (XqrClient xqr = XqrClient.builder().apiKey(System.getenv("XQR_API_KEY")).build()) {
 *   Link link = xqr.create(CreateLinkRequest.builder()
 *       .destination("https://example.com/summer-sale?utm_source=qr")
 *       .slug("summer24")
 *       .addLabels("campaign", "summer")
 *       .build());
 *   xqr.update(link.id(), LinkPatch.builder().enabled(false).build());
 * }
 * }</pre>
 *
 * <p>What maps where:
 *
 * <ul>
 *   <li>Create sends {@code url}, {@code custom_slug} (3 to 64 letters, digits or hyphens), {@code
 *       labels} (at most 10), {@code expires_at} and, through {@link XqrOptions}, {@code
 *       routing_rules}. Title, password and redirect type do not exist at xQR and raise {@link
 *       UnsupportedFieldException}; so does any field outside {@link #CAPABILITIES}. A {@code
 *       domain} is rejected with {@link RequestValidationException}: xQR documents no domain
 *       choice.
 *   <li>Update is a {@code PATCH} with only the fields that change: {@code url}, {@code labels}
 *       (replaces the whole set; clearing sends {@code []}), {@code enabled}, and {@code
 *       routing_rules} through {@link XqrOptions} (replaces the whole array; an empty list sends
 *       {@code []}). xQR documents no way to change the slug or the expiry after creation, so both
 *       are rejected as unsupported.
 *   <li>Instants ({@code expires_at}, a routing rule's {@code expires_at}) are sent in whole
 *       seconds, the precision of every documented request and response ({@code
 *       "2026-09-30T23:59:59Z"}), rounded up so that nothing expires before the instant asked for:
 *       {@link Link#expiresAt()} may then be up to a second later than the instant given.
 *   <li>Ids are UUIDs; any other {@link LinkId} is rejected before a request is made.
 *   <li>{@code scan_count} becomes {@link Link#clicks()}, {@code last_scan_at} {@link
 *       Link#lastClickedAt()}; the whole link object, {@code routing_rules} included, is in {@link
 *       Link#providerFields()}.
 *   <li>Listing pages by offset: {@link Page#nextCursor()} is the next offset while {@code offset +
 *       count < total}; the page size is 1 to 200 (xQR's default 50 when not given); filters by
 *       label and enabled state.
 *   <li>Errors: {@code INVALID_API_KEY}, {@code REVOKED_API_KEY}, {@code EXPIRED_API_KEY} (401),
 *       {@code INSUFFICIENT_SCOPE}, {@code FEATURE_NOT_AVAILABLE}, {@code PLAN_LIMIT_EXCEEDED}
 *       (403), {@code SLUG_TAKEN} (409) map by status; a disabled or expired link is a {@link
 *       GoneException} (410); {@code BURST_LIMIT_EXCEEDED} is a retryable {@link
 *       RateLimitException} that honours {@code Retry-After}; {@code RATE_LIMIT_EXCEEDED} (monthly
 *       quota) has {@link RateLimitException#quotaExhausted()} and is never retried.
 * </ul>
 *
 * <p>Thread-safe; create one per API key and share it. {@link #toString()} shows the key's public
 * prefix ({@code xqr_pk_a1b2c3d4}) at most, never its secret.
 */
public final class XqrClient implements LinkClient {
  /** The provider id, {@code "xqr"}. */
  public static final String PROVIDER_ID = "xqr";

  /** xQR's documented base URL; the documented paths ({@code v1/links...}) are appended to it. */
  public static final String DEFAULT_BASE_URL = "https://xqr.co/api";

  /**
   * What xQR can do, the single source of truth for validation, the README table and the tests:
   * every operation; create destination, slug, labels and expiry; update destination, enabled state
   * and labels; clear labels only; list filters label and enabled; pages of up to 200 links; QR
   * images in SVG or PNG at 1 to 50 pixels per module; statistics with total, last click, days,
   * countries, devices and browsers (no referrers, no date range); workspace usage; bulk create
   * ({@code POST /v1/links/bulk}, 100 links a request) and bulk update for patches that only change
   * the enabled state ({@code PATCH /v1/links/bulk/status}, 200 ids a request).
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operations(Operation.values())
          .creatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.LABELS, LinkField.EXPIRES_AT)
          .updatableFields(LinkField.DESTINATION, LinkField.ENABLED, LinkField.LABELS)
          .clearableFields(LinkField.LABELS)
          .listFilters(ListFilter.LABEL, ListFilter.ENABLED)
          .maxPageSize(200)
          .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.SVG, QrFormat.PNG), 1, 50, QrSizeUnit.PIXELS_PER_MODULE))
          .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS, StatsField.LAST_CLICKED_AT,
              StatsField.DAILY_CLICKS, StatsField.COUNTRIES, StatsField.DEVICES, StatsField.BROWSERS),
              DateRangeSupport.NONE))
          .bulk(Operation.CREATE, 100)
          .bulk(Operation.UPDATE, 200)
          .build();

  private final XqrOperations operations;

  private final Async async;

  private XqrClient(XqrOperations operations) {
    this.operations = operations;
    this.async = new Async(operations);
  }

  /** The {@link XqrAsyncClient}: the SPI's asynchronous client and xQR's extra. */
  private static final class Async extends AsyncClients.Client<XqrOperations> implements XqrAsyncClient {
    Async(XqrOperations operations) {
      super(PROVIDER_ID, CAPABILITIES, operations.transport(), operations);
    }

    @Override
    public java.util.concurrent.CompletableFuture<XqrAnalyticsSummary> analyticsSummary(XqrSummaryPeriod period) {
      return operation(Operation.STATS, () -> operations().analyticsSummaryAsync(period));
    }
  }

  /**
   * A builder; {@link Builder#apiKey(String)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@code "xqr"}. */
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
   * Creates a link ({@code POST /v1/links}).
   *
   * @throws UnsupportedFieldException for a title, password or redirect type, all named at once
   * @throws RequestValidationException for a malformed slug, more than 10 labels, a domain, or
   *     another provider's options, before any request
   */
  @Override
  public Link create(CreateLinkRequest request) {
    return operations.transport().observe(Operation.CREATE, () -> operations.create(request));
  }

  /**
   * Reads one link ({@code GET /v1/links/{link_id}}).
   *
   * @throws RequestValidationException when the id is not a UUID, before any request
   */
  @Override
  public Link get(LinkId id) {
    return operations.transport().observe(Operation.GET, () -> operations.get(id));
  }

  /**
   * Reads one page ({@code GET /v1/links}); {@link Page#total()} is xQR's {@code meta.total}.
   *
   * @throws RequestValidationException for a search filter, a page size above 200, or a cursor that
   *     is not an offset from {@link Page#nextCursor()}, before any request
   */
  @Override
  public Page<Link> list(ListLinksRequest request) {
    return operations.transport().observe(Operation.LIST, () -> operations.list(request));
  }

  /**
   * Changes a link ({@code PATCH /v1/links/{link_id}}), sending only what the patch touches.
   *
   * @throws UnsupportedFieldException for slug, title, expiry, password or redirect type, all named
   *     at once
   * @throws RequestValidationException for an empty patch, more than 10 labels, a malformed id or
   *     another provider's options, before any request
   */
  @Override
  public Link update(LinkId id, LinkPatch patch) {
    return operations.transport().observe(Operation.UPDATE, () -> operations.update(id, patch));
  }

  /**
   * Deletes a link ({@code DELETE /v1/links/{link_id}}, 204). xQR deletes its analytics too and
   * frees the short code for reuse.
   *
   * @throws RequestValidationException when the id is not a UUID, before any request
   */
  @Override
  public void delete(LinkId id) {
    operations.transport().observe(Operation.DELETE, () -> operations.delete(id));
  }

  /**
   * Creates many links with xQR's bulk create ({@code POST /v1/links/bulk}, {@code {"links":
   * [...]}}), 100 a request: 250 requests are sent as 100, 100 and 50. Every request is checked
   * first (capabilities, slug, labels, routing rules and the plan's features); an invalid one fails
   * alone and is not sent. One bulk request counts as one call of the monthly quota and one token of
   * the burst limit, so 1,000 links take 10 calls. xQR creates what it can and reports the rest in
   * {@code errors} (a taken slug is a {@link dev.polylink.core.ConflictException} for that item);
   * a created item is the link object xQR returned, as for a single create. A bulk request that
   * fails as a whole (a 429, a 500, a lost answer) fails every item of it; the others are unaffected.
   * How the answer's items are matched to the requests, and what happens to one xQR does not
   * report on, is in {@code XqrBulk}'s documentation: never a success the answer does not show.
   * Requests run {@link LinkClientBuilder#bulkConcurrency} at a time under the client's pacing.
   */
  @Override
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return operations.createAll(requests);
  }

  /**
   * Applies each link's patch. The patches that change nothing but the enabled state go to xQR's
   * bulk status ({@code PATCH /v1/links/bulk/status}, {@code {"ids": [...], "enabled": ...}}), 200
   * ids a request, grouped by the value; the others are one {@code PATCH /v1/links/{link_id}} each,
   * {@link LinkClientBuilder#bulkConcurrency} at a time. Every patch and id is checked first.
   *
   * <p>Bulk status answers with a count and no links, so its items succeed without a value ({@link
   * dev.polylink.core.BulkItem#successWithoutValue}; call {@link #get} for the link). When the count
   * is smaller than the number of ids (some matched no link and xQR does not say which), each id of
   * that request is read back with a {@code GET}: a link with the new state succeeds with the link
   * read, a missing one fails with its {@link dev.polylink.core.NotFoundException}.
   */
  @Override
  public BulkResult<Link> updateAll(Map<LinkId, LinkPatch> patches) {
    return operations.updateAll(new ArrayList<>(patches.entrySet()));
  }

  /**
   * Applies one patch to many links, as {@link #updateAll(Map)} does (an enabled-only patch goes to
   * bulk status).
   */
  @Override
  public BulkResult<Link> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    return operations.updateAll(dev.polylink.core.spi.BulkBatches.entries(ids, patch));
  }

  /**
   * Deletes many links, one {@code DELETE /v1/links/{link_id}} each (xQR has no bulk delete), {@link
   * LinkClientBuilder#bulkConcurrency} at a time under the client's pacing; every id is checked to
   * be a UUID before the first request.
   */
  @Override
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return operations.deleteAll(ids);
  }

  /**
   * The link's QR image ({@code GET /v1/links/{link_id}/qr}, scope {@code qr:render}): {@code
   * format} svg (xQR's default) or png, {@code size} 1 to 50, a module-size multiplier (xQR's
   * default 10), and {@link XqrQrOptions#templateId()} as {@code template_id}. The body is the image
   * itself; its {@code Content-Type} gives the format.
   *
   * @throws RequestValidationException for a size outside 1 to 50, another provider's extras or an
   *     id that is not a UUID, before any request
   */
  @Override
  public QrCode qrCode(LinkId id, QrOptions options) {
    return operations.transport().observe(Operation.QR_CODE, () -> operations.qrCode(id, options));
  }

  /**
   * The link's statistics (scope {@code analytics:read}): {@code total_scans}, {@code last_scan_at},
   * {@code daily_scans}, {@code countries}, {@code devices}, {@code browsers}; no referrers. xQR's
   * docs give two paths for it, {@code /v1/analytics/links/{link_id}} (the heading) and {@code
   * .../{link_id}/stats} (the examples): the first is tried, then the second on a 404, and the one
   * that answered is kept (see {@code XqrFeatures}).
   *
   * @throws RequestValidationException for a date range (xQR documents none) or an id that is not a
   *     UUID, before any request
   */
  @Override
  public LinkStats stats(LinkId id, StatsRequest request) {
    return operations.transport().observe(Operation.STATS, () -> operations.stats(id, request));
  }

  /**
   * The workspace's plan, this month's usage, the plan's limits and its feature flags ({@code GET
   * /v1/workspace/usage}, scope {@code workspace:read}), the runtime source for what the key's plan
   * allows. The client remembers the answer: a create or update with routing rules is then refused
   * with {@link dev.polylink.core.FeatureNotAvailableException} before sending when the flag {@code
   * routing_rules} is {@code false} (xQR would answer 403 {@code FEATURE_NOT_AVAILABLE}). Nothing is
   * fetched implicitly: call this once (e.g. at start-up) to switch the check on.
   */
  @Override
  public AccountUsage accountUsage() {
    return operations.transport().observe(Operation.ACCOUNT_USAGE, () -> operations.accountUsage());
  }

  /**
   * The workspace's analytics summary ({@code GET /v1/analytics/summary?period=}), a typed extra:
   * xQR's docs do not list its members, so see {@link XqrAnalyticsSummary}.
   * @param period the period
   * @return the summary
   */
  public XqrAnalyticsSummary analyticsSummary(XqrSummaryPeriod period) {
    java.util.Objects.requireNonNull(period, "period");
    return operations.transport().observe(Operation.STATS, () -> operations.analyticsSummary(period));
  }

  /**
   * The asynchronous view of this client: every operation above (link CRUD, the QR image,
   * statistics, workspace usage, and the bulk methods over them) returning a {@link
   * java.util.concurrent.CompletableFuture}, with the same checks, mapping, retries, pacing and
   * deadlines, on this client's transport and rate-limit budget (see {@link
   * dev.polylink.core.AsyncLinkClient}). The statistics' second documented path is asked as a
   * second step of the same future; and xQR's typed extra, {@link
   * XqrAsyncClient#analyticsSummary}.
   */
  @Override
  public XqrAsyncClient async() {
    return async;
  }

  /**
   * The rate-limit state of the most recent response. It is the monthly quota ({@code
   * X-RateLimit-Limit}/{@code -Remaining}, window {@code "monthly"}) when the headers carry it, with
   * the reset time filled in from the body's {@code meta.rate_limit} when the body agrees with the
   * headers; the body alone when there are no monthly headers; the per-second burst headers (window
   * {@code "burst"}) as a last resort. An unreadable {@code meta.rate_limit} never fails a call.
   */
  @Override
  public Optional<RateLimitStatus> lastRateLimit() {
    return operations.lastRateLimit();
  }

  @Override
  public java.util.List<RateLimitStatus> rateLimits() {
    return operations.rateLimits();
  }

  /**
   * xQR's {@code meta.request_id} (for a QR image, its {@code X-Request-Id} header) of the most
   * recent successful response, for support tickets;
   * empty when that response carried none (a delete's 204 has no body). A failed call's request id
   * is on its {@link dev.polylink.core.ApiException#requestId()}.
   *
   * @return the request id, or empty
   */
  public Optional<String> lastRequestId() {
    return operations.lastRequestId();
  }

  /** Releases the connection pool this client created; a shared {@code OkHttpClient} is left open. */
  @Override
  public void close() {
    operations.close();
  }

  /** The provider and the key's public prefix only, e.g. {@code XqrClient{key=xqr_pk_a1b2c3d4.****}}. */
  @Override
  public String toString() {
    return "XqrClient{" + operations + "}";
  }

  /**
   * Builds an {@link XqrClient}: {@code XqrClient.builder().apiKey("xqr_pk_…").build()}. The key is
   * sent as {@code Authorization: Bearer <key>}; its shape is not checked here, so that emulators and
   * future key formats work, and a wrong key surfaces as xQR's {@code INVALID_API_KEY}.
   */
  public static final class Builder extends ProviderClientBuilder<Builder, XqrClient> {
    private int requestsPerSecond = 10;

    private Builder() {}

    /**
     * The plan's burst limit, requests a second, which seeds the client's pacing ({@link
     * #rateLimit}): xQR documents 10 (Free), 50 (Pro) and 200 (Business) a second per key. Default
     * 10, the lowest plan, so that no plan is exceeded; the {@code X-RateLimit-Burst-Limit} header
     * of the first answer then replaces it with the key's real limit.
     *
     * @param requestsPerSecond at least 1
     * @return this builder
     */
    public Builder requestsPerSecond(int requestsPerSecond) {
      if (requestsPerSecond < 1) {
        throw new RequestValidationException(
            PROVIDER_ID, "requestsPerSecond: must be at least 1 (was " + requestsPerSecond + ")");
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    @Override
    protected String providerId() {
      return PROVIDER_ID;
    }

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
    public XqrClient build() {
      return new XqrClient(XqrOperations.open(CAPABILITIES, transport(), apiKey(), requestsPerSecond));
    }
  }
}
