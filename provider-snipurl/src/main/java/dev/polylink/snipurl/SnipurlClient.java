package dev.polylink.snipurl;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ProviderClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.snipurl.internal.SnipurlOperations;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SnipURL ({@code snipurl.click}, API {@code https://snipurl.click/api/v1}) behind {@link
 * LinkClient}. Not to be confused with the old snipurl.com or with snipurl.live, which are other
 * services.
 *
 * <pre>{@code
 * try (SnipurlClient snip = SnipurlClient.builder().apiKey(System.getenv("SNIPURL_API_KEY")).build()) {
 *   Link link = snip.create(CreateLinkRequest.builder()
 *       .destination("https://example.com/article").slug("my-article").build());
 *   snip.update(link.id(), LinkPatch.builder().clearPassword().enabled(false).build());
 * }
 * }</pre>
 *
 * <p>How SnipURL's rules are mapped:
 *
 * <ul>
 *   <li>Ids are UUIDs; any other id is a {@link RequestValidationException} before a request.
 *   <li>The destination ({@code original_url}) and the code ({@code short_code}) cannot change after
 *       creation: a patch touching {@link LinkField#DESTINATION} or {@link LinkField#SLUG} is an
 *       {@link dev.polylink.core.UnsupportedFieldException} naming every such field, before any
 *       request (SnipURL itself would answer 400 {@code BAD_REQUEST}).
 *   <li>A patch sends only the fields it touches. {@code clearPassword()} sends {@code "password":
 *       null} and {@code clearExpiresAt()} sends {@code "expires_at": null}, SnipURL's documented
 *       "remove". SnipURL types {@code title} as a plain string, so {@code clearTitle()} is an
 *       UnsupportedFieldException rather than a {@code "title": null} the server would refuse.
 *   <li>Instants are sent as ISO-8601 UTC strings truncated to milliseconds (SnipURL keeps
 *       JavaScript dates, which hold milliseconds), e.g. {@code "2025-12-31T23:59:59Z"}.
 *   <li>A slug ({@code custom_alias}) must be 3 to 50 letters, digits or hyphens, not starting or
 *       ending with a hyphen (stricter than the rule every provider shares, {@link
 *       dev.polylink.core.spi.Checks#slug}, which is checked too); SnipURL's reserved words (such as {@code api} or {@code admin}) are
 *       left to the server, which answers 400 {@code VALIDATION_ERROR}.
 *   <li>SnipURL has no custom domains: a {@link CreateLinkRequest#domain()} is a
 *       RequestValidationException.
 *   <li>{@link #list} pages with {@code page}/{@code per_page} (at most 100); the cursor is the next
 *       page number, given while {@code meta.page < meta.total_pages}. The filters are {@link
 *       ListFilter#SEARCH} ({@code search}: URL, code or title) and {@link ListFilter#ENABLED}
 *       ({@code is_active=true|false}).
 *   <li>Errors: {@code UNAUTHORIZED} and {@code KEY_EXPIRED} are {@link
 *       dev.polylink.core.AuthenticationException}s, {@code FORBIDDEN} (link limit reached) a {@link
 *       dev.polylink.core.PermissionDeniedException}, {@code VALIDATION_ERROR} and {@code
 *       BAD_REQUEST} {@link dev.polylink.core.BadRequestException}s whose {@code details()} keep
 *       SnipURL's details, {@code CONFLICT} a {@link dev.polylink.core.ConflictException}, {@code
 *       NOT_FOUND} a {@link dev.polylink.core.NotFoundException}, {@code RATE_LIMIT_EXCEEDED} a
 *       {@link dev.polylink.core.RateLimitException} with {@code Retry-After} and {@code details()}
 *       {@code {limit, window, retry_after}}. SnipURL sends no request id.
 *   <li>Rate limits (60 a minute and 1,000 an hour per key): {@link #lastRateLimit()} reads {@code
 *       X-RateLimit-Limit/Remaining/Reset}, or the same names without {@code X-}; its window is
 *       SnipURL's {@code "1m"} or {@code "1h"} when a 429 names it, and empty otherwise. Both
 *       windows are burst limits that the retry policy waits out when {@code Retry-After} is within
 *       {@code maxRetryAfter}; a longer wait (typically the hourly window) fails at once.
 * </ul>
 *
 * <p>Thread-safe; create one per API key and share it.
 */
public final class SnipurlClient implements LinkClient {
  /** The provider id, {@code "snipurl"}. */
  public static final String PROVIDER_ID = "snipurl";

  /** SnipURL's documented base URL; the paths {@code links...} are appended to it. */
  public static final String DEFAULT_BASE_URL = "https://snipurl.click/api/v1";

  /** The most ids SnipURL accepts in one bulk delete; {@link #delete(Collection)} splits larger sets. */
  public static final int MAX_BULK_DELETE = 50;

  /** The most links SnipURL accepts in one bulk create; {@link #createAll} splits larger lists. */
  public static final int MAX_BULK_CREATE = 50;

  /**
   * What SnipURL can do, the single source of truth for validation, the README table and tests:
   * every operation; create destination, slug, title, password and expiry; update title, enabled,
   * password and expiry; clear password and expiry; list by search and enabled, at most 100 a page;
   * QR images in PNG or SVG of 100 to 1000 pixels; statistics with total, days, countries, devices,
   * browsers and referrers over an optional date range; account usage (per-key limits); native
   * bulk create and bulk delete of up to 50 items a request.
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operations(Operation.values())
          .creatableFields(
              LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE, LinkField.PASSWORD, LinkField.EXPIRES_AT)
          .updatableFields(LinkField.TITLE, LinkField.ENABLED, LinkField.PASSWORD, LinkField.EXPIRES_AT)
          .clearableFields(LinkField.PASSWORD, LinkField.EXPIRES_AT)
          .listFilters(ListFilter.SEARCH, ListFilter.ENABLED)
          .maxPageSize(100)
          .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.PNG, QrFormat.SVG), 100, 1000, QrSizeUnit.PIXELS))
          .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS, StatsField.DAILY_CLICKS,
              StatsField.COUNTRIES, StatsField.DEVICES, StatsField.BROWSERS, StatsField.REFERRERS),
              DateRangeSupport.OPTIONAL))
          .bulk(Operation.CREATE, MAX_BULK_CREATE)
          .bulk(Operation.DELETE, MAX_BULK_DELETE)
          .build();

  private final SnipurlOperations operations;

  private final Async async;

  private SnipurlClient(SnipurlOperations operations) {
    this.operations = operations;
    this.async = new Async(operations);
  }

  /** The {@link SnipurlAsyncClient}: the SPI's asynchronous client and SnipURL's extras. */
  private static final class Async extends dev.polylink.core.spi.AsyncClients.Client<SnipurlOperations> implements SnipurlAsyncClient {
    Async(SnipurlOperations operations) {
      super(PROVIDER_ID, CAPABILITIES, operations.transport(), operations);
    }

    @Override
    public java.util.concurrent.CompletableFuture<SnipurlOptions> analyticsSettings(LinkId id) {
      return operation(Operation.GET, () -> operations().analyticsSettingsAsync(id));
    }

    @Override
    public java.util.concurrent.CompletableFuture<QrCode> qrCode(String shortCode, QrOptions options) {
      return operation(Operation.QR_CODE, () -> operations().qrCodeAsync(shortCode, options));
    }

    @Override
    public java.util.concurrent.CompletableFuture<SnipurlAnalyticsSummary> analyticsSummary() {
      return operation(Operation.STATS, () -> operations().analyticsSummaryAsync());
    }

    @Override
    public java.util.concurrent.CompletableFuture<OptionalInt> delete(Collection<LinkId> ids) {
      return operation(Operation.DELETE, () -> operations().deleteAsync(ids));
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

  /** Always {@code "snipurl"}. */
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
   * Creates a link: {@code POST links} with {@code url}, and {@code custom_alias}, {@code title},
   * {@code password} and {@code expires_at} when given. Without a title SnipURL fetches the page's
   * own. Options are accepted only when they set nothing (SnipURL's create has no analytics fields).
   *
   * @throws dev.polylink.core.ConflictException when the slug is taken
   * @throws dev.polylink.core.PermissionDeniedException when the account's link limit is reached
   */
  @Override
  public Link create(CreateLinkRequest request) {
    return operations.transport().observe(Operation.CREATE, () -> operations.create(request));
  }

  /**
   * Reads one link: {@code GET links/{id}}. The link's {@code analytics_public} and a list {@code
   * analytics_shared_fields} are in {@code providerFields()}; {@code analytics_shared_fields: null}
   * ("share every section") cannot be, since {@code providerFields()} leaves JSON nulls out: {@link
   * #analyticsSettings(LinkId)} reads both settings exactly.
   */
  @Override
  public Link get(LinkId id) {
    return operations.transport().observe(Operation.GET, () -> operations.get(id));
  }

  /**
   * A link's public-analytics settings, read with {@code GET links/{id}} (the only answer that
   * carries {@code analytics_shared_fields}), as the {@link SnipurlOptions} that would set them:
   * {@code analytics_public} is {@link SnipurlOptions#analyticsPublic()}; {@code
   * analytics_shared_fields: null}, which SnipURL reads as "share every section", is {@link
   * SnipurlOptions#sharesAllAnalyticsSections()}; a list is {@link
   * SnipurlOptions#analyticsSharedFields()} (an empty list shares none). A setting SnipURL's answer
   * leaves out stays unset. The server stores any string as a section name: names no {@link
   * AnalyticsSection} has are skipped here and stay visible in {@link #get}'s {@code
   * providerFields()}.
   *
   * @param id the link's UUID
   * @return the settings that would set the link's sharing as it is
   * @throws RequestValidationException when the id is not a UUID, before any request
   * @throws dev.polylink.core.NotFoundException when there is no such link
   */
  public SnipurlOptions analyticsSettings(LinkId id) {
    return operations.transport().observe(Operation.GET, () -> operations.analyticsSettings(id));
  }

  /** Reads one page, newest first: {@code GET links?page=&per_page=&search=&is_active=}. */
  @Override
  public Page<Link> list(ListLinksRequest request) {
    return operations.transport().observe(Operation.LIST, () -> operations.list(request));
  }

  /**
   * Changes a link: {@code PATCH links/{id}} with exactly the fields the patch touches, plus the
   * {@link SnipurlOptions} it carries. A patch whose only content is options that set nothing is a
   * {@link RequestValidationException}.
   */
  @Override
  public Link update(LinkId id, LinkPatch patch) {
    return operations.transport().observe(Operation.UPDATE, () -> operations.update(id, patch));
  }

  /** Deletes a link for good (its analytics too; the code becomes reusable): {@code DELETE links/{id}}. */
  @Override
  public void delete(LinkId id) {
    operations.transport().observe(Operation.DELETE, () -> operations.delete(id));
  }

  /**
   * Deletes many links through {@code DELETE links/bulk {"ids": [...]}}, {@value #MAX_BULK_DELETE}
   * ids per request: a larger collection is sent as several requests, in iteration order. Every id
   * is checked before the first request, with SnipURL's own bulk rule, stricter than the
   * single-link endpoints': a UUID of version 1 to 8 with the RFC 9562 variant (8, 9, a or b), or
   * the nil or max UUID (SnipURL's server refuses the whole request for any other id, such as one
   * whose version digit is 0). Repeated ids are sent once; an empty collection sends nothing and
   * returns 0.
   *
   * <p>SnipURL silently skips ids that do not exist or belong to another account, so the count may
   * be smaller than the number of ids. A request whose answer is lost is resent (a delete is
   * idempotent); its answer then counts only what the resent attempt deleted, not what the lost one
   * did, so the total is unknown and the result is empty: every link named is deleted, or was never
   * the caller's, either way.
   *
   * <p>If a request fails after an earlier one succeeded, a {@link
   * dev.polylink.core.BulkOperationException} says what was done: the ids of the requests that
   * succeeded and the count SnipURL reported for them, the ids of the failed request (deleted or
   * not, depending on the failure, its cause) and the ids never sent. If the first request fails,
   * nothing was deleted before it and its failure is thrown as it is.
   *
   * @param ids the links to delete
   * @return the number of links SnipURL reports deleted, summed over the requests; empty when that
   *     is not known exactly (a request was resent after an attempt that may have been processed)
   * @throws RequestValidationException naming every id that breaks the bulk rule, before any
   *     request
   * @throws dev.polylink.core.BulkOperationException when a request fails after an earlier one
   *     succeeded
   */
  public OptionalInt delete(Collection<LinkId> ids) {
    return operations.transport().observe(Operation.DELETE, () -> operations.delete(ids));
  }

  /**
   * The asynchronous view of this client: link CRUD, the QR image, statistics, account usage and
   * the bulk methods over them, returning {@link java.util.concurrent.CompletableFuture}s with the
   * same checks, mapping, retries, pacing and deadlines, on this client's transport and rate-limit
   * budget (see {@link dev.polylink.core.AsyncLinkClient}); and the typed extras of this class
   * (the analytics settings, the QR image of a short code, the analytics summary, the multi-id
   * delete) as {@link SnipurlAsyncClient}'s.
   */
  @Override
  public SnipurlAsyncClient async() {
    return async;
  }

  /**
   * Creates many links through {@code POST links/bulk {"links": [...]}}, {@value #MAX_BULK_CREATE}
   * a request: a longer list is split, in input order, with the builder's {@code bulkConcurrency}
   * requests in flight. Every request is checked first as {@link #create} checks it; an invalid one
   * fails alone, without a request.
   *
   * <p>SnipURL's bulk create is not transactional: the answer lists the created links in {@code
   * success} and the refused items in {@code failed} with their {@code index} in the batch, and an
   * item of {@code failed} fails alone, typed by its message as the single create would answer it
   * (a taken alias, also by an earlier item of the same batch, is a {@link
   * dev.polylink.core.ConflictException}; a reserved word a {@link
   * dev.polylink.core.BadRequestException}; {@code "Internal error creating link"}, which a title
   * the database refuses gives, a {@link dev.polylink.core.ServerException}), with the item's JSON
   * as its response body and no vendor code. A batch refused as a whole (400 {@code
   * VALIDATION_ERROR}, 403 {@code FORBIDDEN} when it would pass the account's link limit, a 500, a
   * 429 the retry policy gave up on) fails every item of that batch with that exception; the other
   * batches still run. A bulk create is a POST: an attempt whose answer was lost is not resent, and
   * its items fail with a {@link dev.polylink.core.TransportException} that says they may have been
   * created.
   *
   * <p>A created item carries only what SnipURL's bulk answer returns, which is shorter than a link
   * object: id, short code, short URL, destination, title and creation time. Its enabled state,
   * password flag, expiry (an account's {@code default_expiry_hours} may have set one), clicks and
   * update time are empty; {@link #get} reads them. The answer's {@code success} items carry no
   * index: they are placed on the positions {@code failed} does not name, in order, and checked
   * against the alias each position asked for; positions an answer that does not add up leaves
   * unplaced fail as may-have-been-processed, never as a success.
   *
   * @param requests what to create, in order
   * @return one item per request, in order: the created {@link Link} or the failure
   */
  @Override
  public dev.polylink.core.BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return operations.createAll(requests);
  }

  /**
   * Applies its own patch to each link: SnipURL has no bulk update, so one {@code PATCH links/{id}}
   * per link, with the builder's {@code bulkConcurrency} in flight; every patch and id is checked
   * first, and each link fails or succeeds alone.
   *
   * @param patches the patch of each link, in the map's iteration order
   * @return one item per entry, in order: the updated {@link Link} or the failure
   */
  @Override
  public dev.polylink.core.BulkResult<Link> updateAll(Map<LinkId, LinkPatch> patches) {
    return operations.updateAll(new java.util.ArrayList<>(patches.entrySet()));
  }

  /**
   * Applies one patch to many links, as {@link #updateAll(Map)} does.
   *
   * @param ids the links, in order
   * @param patch the changes for every one of them
   * @return one item per id, in order: the updated {@link Link} or the failure
   */
  @Override
  public dev.polylink.core.BulkResult<Link> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    return operations.updateAll(dev.polylink.core.spi.BulkBatches.entries(ids, patch));
  }

  /**
   * Deletes many links through {@code DELETE links/bulk {"ids": [...]}}, {@value #MAX_BULK_DELETE}
   * ids a request, with the builder's {@code bulkConcurrency} requests in flight. Every id is
   * checked first with SnipURL's bulk rule (see {@link #delete(Collection)}); an id that breaks it
   * fails alone, without a request, where the server would refuse its whole batch. A batch sends
   * each id once.
   *
   * <p>SnipURL answers a count only, and silently skips ids it does not hold for the key: an item's
   * success means that no such link is there any more (deleted by this call, or never the caller's),
   * not that this call deleted it, unlike {@link #delete(LinkId)}'s {@link
   * dev.polylink.core.NotFoundException}. A batch refused as a whole fails each of its ids.
   *
   * @param ids the links, in order
   * @return one item per id, in order: the id or the failure
   */
  @Override
  public dev.polylink.core.BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return operations.deleteAll(ids);
  }

  /** The rate-limit state from the most recent response (see the class documentation). */
  @Override
  public Optional<RateLimitStatus> lastRateLimit() {
    return operations.lastRateLimit();
  }

  @Override
  public java.util.List<RateLimitStatus> rateLimits() {
    return operations.rateLimits();
  }

  /**
   * The link's QR image ({@code GET /api/v1/qr/:short_code}): SnipURL serves QR images by short
   * code, so the link is read first for its code (one more request; {@link #qrCode(String,
   * QrOptions)} skips it). {@code format} png or svg, {@code size} 100 to 1000 pixels (SnipURL's
   * default 400), and {@link SnipurlQrOptions} for colour, background, error correction and margin.
   * Only the key owner's links are served (404 otherwise).
   *
   * @throws RequestValidationException for a size outside 100 to 1000, another provider's extras or
   *     an id that is not a UUID, before any request
   */
  @Override
  public QrCode qrCode(LinkId id, QrOptions options) {
    return operations.transport().observe(Operation.QR_CODE, () -> operations.qrCode(id, options));
  }

  /**
   * The QR image of one of the caller's short codes ({@code GET /api/v1/qr/:short_code}), without reading the link.
   * @param shortCode the short code
   * @param options the options
   * @return the QR image of one of the caller's short codes ({@code GET /api/v1/qr/:short_code}), without reading the link
   */
  public QrCode qrCode(String shortCode, QrOptions options) {
    return operations.transport().observe(Operation.QR_CODE, () -> operations.qrCode(shortCode, options));
  }

  /**
   * The link's analytics ({@code GET /api/v1/analytics/:link_id?start=&end=}): {@code total_clicks}
   * (of the range, when one is given), {@code time_series} per day, and the top-10 countries,
   * devices, browsers and referrers; no last-click time. A range's days are UTC days, sent as {@code
   * start=<from>T00:00:00.000Z} and {@code end=<to>T23:59:59.999Z}.
   */
  @Override
  public LinkStats stats(LinkId id, StatsRequest request) {
    return operations.transport().observe(Operation.STATS, () -> operations.stats(id, request));
  }

  /** {@return the account's analytics summary ({@code GET /api/v1/analytics/summary}), a typed extra} */
  public SnipurlAnalyticsSummary analyticsSummary() {
    return operations.transport().observe(Operation.STATS, () -> operations.analyticsSummary());
  }

  /**
   * The key's limits ({@code GET /api/v1/account/usage}): {@code rate_limit_per_minute} and {@code
   * rate_limit_per_hour} (60 and 1,000 unless configured per key), and the link limit where the
   * answer has it; see {@code SnipurlFeatures}. SnipURL has no plans or feature flags.
   */
  @Override
  public AccountUsage accountUsage() {
    return operations.transport().observe(Operation.ACCOUNT_USAGE, () -> operations.accountUsage());
  }

  /** Releases the connection pool this client created; a user-supplied OkHttpClient is left alone. */
  @Override
  public void close() {
    operations.close();
  }

  /** Names the provider only; never shows the API key. */
  @Override
  public String toString() {
    return "SnipurlClient{" + operations + "}";
  }

  /**
   * Builds a {@link SnipurlClient}. Besides the shared settings of {@link LinkClientBuilder}, the API
   * key is checked to have SnipURL's shape, {@code snip_live_} followed by its secret (SnipURL
   * rejects keys that do not start with {@code snip_live_} or are shorter than 30 characters).
   */
  public static final class Builder extends ProviderClientBuilder<Builder, SnipurlClient> {
    private static final String KEY_PREFIX = "snip_live_";
    private static final int KEY_MIN_LENGTH = 30;

    private Builder() {}

    /** {@value SnipurlClient#PROVIDER_ID}. */
    @Override
    protected String providerId() {
      return PROVIDER_ID;
    }

    /** {@value SnipurlClient#DEFAULT_BASE_URL}. */
    @Override
    protected String defaultBaseUrl() {
      return DEFAULT_BASE_URL;
    }

    /**
     * {@code Bearer <apiKey>}, once the key has SnipURL's shape.
     *
     * @throws RequestValidationException when the key is missing or malformed; the message never
     *     contains the key
     */
    @Override
    protected String authorization() {
      String key = apiKey().orElseThrow(
          () -> new RequestValidationException(PROVIDER_ID, "apiKey: is required"));
      if (!key.startsWith(KEY_PREFIX) || key.length() < KEY_MIN_LENGTH) {
        throw new RequestValidationException(
            PROVIDER_ID,
            "apiKey: must start with \"" + KEY_PREFIX + "\" and be at least " + KEY_MIN_LENGTH
                + " characters, like snip_live_ followed by 32 letters and digits (the key is not shown)");
      }
      return super.authorization();
    }

    /**
     * Builds the client.
     *
     * @throws RequestValidationException when the API key is missing or malformed
     */
    @Override
    public SnipurlClient build() {
      return new SnipurlClient(SnipurlOperations.open(CAPABILITIES, transport()));
    }
  }
}
