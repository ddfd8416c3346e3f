package dev.polylink.core;

import dev.polylink.core.internal.Bulk;
import dev.polylink.core.internal.LazyPages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One URL-shortener account behind the unified model. Implementations are thread-safe; create one
 * per account and share it. Every method throws {@link PolylinkException} subclasses only:
 * {@link RequestValidationException} or {@link UnsupportedFieldException} before any request,
 * {@link ApiException} subclasses for the vendor's error answers, {@link TransportException} for
 * I/O failures and unreadable responses.
 */
public interface LinkClient extends AutoCloseable {
  /**
   * {@return the provider id: {@code "xqr"}, {@code "shortpen"}, {@code "snipurl"} or {@code
   * "carrierx"}}
   */
  String providerId();

  /** {@return what this provider can do; requests outside it are rejected before sending} */
  Capabilities capabilities();

  /**
   * Creates a link.
   *
   * @param request what to create
   * @return the created link, as the vendor reports it
   */
  Link create(CreateLinkRequest request);

  /**
   * Reads one link; {@link NotFoundException} when there is none.
   *
   * @param id the link's id
   * @return the link
   */
  Link get(LinkId id);

  /**
   * Reads one page of links.
   *
   * @param request the filters, the page size and the cursor
   * @return the page, with the cursor of the next one
   */
  Page<Link> list(ListLinksRequest request);

  /**
   * {@return every link from {@code request}'s cursor on, as a lazy stream: a page is fetched only
   * when the stream's consumer reaches it, with no prefetch} Close the stream or stop consuming it
   * to stop.
   *
   * @param request the filters, the page size and the cursor to start from
   */
  default Stream<Link> listAll(ListLinksRequest request) {
    return LazyPages.stream(providerId(), request, this::list);
  }

  /**
   * Applies a patch and returns the link as the vendor reports it afterwards.
   *
   * @param id the link's id
   * @param patch the changes
   * @return the link as the vendor reports it afterwards
   */
  Link update(LinkId id, LinkPatch patch);

  /**
   * Deletes a link; {@link NotFoundException} when there is none. A DELETE whose answer was lost
   * (a reset, a deadline) is sent again; if that retry is answered 404 the link is reported deleted,
   * since the first attempt may have deleted it (as jclouds' delete methods treat a 404).
   *
   * @param id the link's id
   */
  void delete(LinkId id);

  /**
   * Creates many links. Every request is checked before the first one is sent; an invalid request
   * fails alone, and the valid ones are created. A failure of one item never hides the others.
   *
   * <p>This default checks {@link #capabilities()} and creates one request at a time in input
   * order. The SDK's providers override it: they run their own per-item checks up front too, use
   * the vendor's bulk endpoint where {@link Capabilities#bulk(Operation)} declares one (split into
   * batches of its size; a batch that fails as a whole fails every item in it), and otherwise send
   * single requests with the builder's {@code bulkConcurrency} in flight under the client's pacing.
   * The result keeps the input order either way.
   *
   * @param requests what to create, in order
   * @return one item per request, in order: the created {@link Link} or the failure
   */
  default BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return Bulk.run(providerId(), requests, r -> Bulk.checkCreate(providerId(), capabilities(), r), this::create);
  }

  /**
   * Applies its own patch to each link, as {@link #createAll} does for creates: every patch is
   * checked first, and each link fails or succeeds alone. The SDK's providers override it as they
   * do {@link #createAll} (xQR sends enabled-only patches to its bulk status endpoint).
   *
   * @param patches the patch of each link, in the map's iteration order
   * @return one item per entry, in the map's order: the updated {@link Link} or the failure
   */
  default BulkResult<Link> updateAll(Map<LinkId, LinkPatch> patches) {
    List<Map.Entry<LinkId, LinkPatch>> entries = new ArrayList<>(patches.entrySet());
    return Bulk.run(providerId(), entries, e -> Bulk.checkUpdate(providerId(), capabilities(), e.getValue()),
        e -> update(e.getKey(), e.getValue()));
  }

  /**
   * Applies one patch to many links, as {@link #updateAll(Map)} does.
   *
   * @param ids the links, in order
   * @param patch the changes for every one of them
   * @return one item per id, in order: the updated {@link Link} or the failure
   */
  default BulkResult<Link> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return Bulk.run(providerId(), new ArrayList<>(ids), id -> Bulk.checkUpdate(providerId(), capabilities(), patch),
        id -> update(id, patch));
  }

  /**
   * Deletes many links, one request each in order; each link fails or succeeds alone. The SDK's
   * providers override it as they do {@link #createAll} (ShortPen uses its multi-id delete, SnipURL
   * its bulk delete).
   *
   * @param ids the links, in order
   * @return one item per id, in order: the deleted id or the failure
   */
  default BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return Bulk.run(providerId(), new ArrayList<>(ids), id -> { }, id -> {
      delete(id);
      return id;
    });
  }

  /**
   * The link's QR image ({@link Operation#QR_CODE}). The options are checked against {@link
   * Capabilities#qrCodes()} before any request.
   *
   * @throws OperationNotSupportedException when the provider cannot produce one on demand
   * @throws RequestValidationException for a format it does not serve, a size outside its range or
   *     another provider's extras
   * @param id the link's id
   * @param options the options
   * @return the image
   */
  default QrCode qrCode(LinkId id, QrOptions options) {
    throw new OperationNotSupportedException(providerId(), Operation.QR_CODE, "no QR image endpoint");
  }

  /**
   * The link's QR image in the vendor's default format and size.
   * @param id the link's id
   * @return the link's QR image in the vendor's default format and size
   */
  default QrCode qrCode(LinkId id) {
    return qrCode(id, QrOptions.defaults());
  }

  /**
   * The link's click statistics ({@link Operation#STATS}); what they contain is {@link
   * Capabilities#stats()}. The range is checked against its {@link StatsCapabilities#dateRange()}
   * before any request.
   *
   * @throws OperationNotSupportedException when the provider has no statistics
   * @param id the link's id
   * @param request the request
   * @return the statistics
   */
  default LinkStats stats(LinkId id, StatsRequest request) {
    throw new OperationNotSupportedException(providerId(), Operation.STATS, "no statistics");
  }

  /**
   * The link's statistics without a date range ({@link StatsRequest#allTime()}): over its whole
   * life. A provider whose {@link StatsCapabilities#dateRange()} is {@link DateRangeSupport#REQUIRED}
   * (ShortPen) refuses it with a {@link RequestValidationException}; pass a range there.
   * @param id the link's id
   * @return the statistics
   */
  default LinkStats stats(LinkId id) {
    return stats(id, StatsRequest.allTime());
  }

  /**
   * The account's plan, limits, usage and feature flags ({@link Operation#ACCOUNT_USAGE}). A client
   * remembers the latest answer and uses its feature flags to refuse, before sending, a request the
   * plan does not allow (see each provider).
   *
   * @throws OperationNotSupportedException when the vendor has no usage endpoint
   * @return the usage as the vendor reports it
   */
  default AccountUsage accountUsage() {
    throw new OperationNotSupportedException(providerId(), Operation.ACCOUNT_USAGE, "no usage endpoint");
  }

  /**
   * {@return the asynchronous view of this client} Its operations return {@link
   * java.util.concurrent.CompletableFuture}s and share this client's transport, pool, rate-limit
   * budget, retries, deadlines and listeners (see {@link AsyncLinkClient}); it is closed with this
   * client. The SDK's provider clients implement it; the default, for clients written outside the
   * SDK, is {@link AsyncLinkClient#unsupported}, whose futures fail with {@link
   * OperationNotSupportedException}.
   */
  default AsyncLinkClient async() {
    return AsyncLinkClient.unsupported(this);
  }

  /** {@return the rate-limit state from the most recent response, where the vendor reports one} */
  Optional<RateLimitStatus> lastRateLimit();

  /**
   * {@return every rate-limit window the vendor reported, the latest state of each: xQR's {@code
   * burst} and {@code monthly}, SnipURL's window in force, ShortPen's, and {@code "retry-after"} for
   * the pause the latest 429's {@code Retry-After} implied; empty before the first report}
   */
  default List<RateLimitStatus> rateLimits() {
    return lastRateLimit().map(List::of).orElse(List.of());
  }

  /**
   * Releases what this client created itself (its connection pool and threads). An {@code
   * OkHttpClient} passed to the builder is never shut down.
   */
  @Override
  void close();
}
