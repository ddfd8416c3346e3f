package dev.polylink.core;

import dev.polylink.core.internal.AsyncBulk;
import dev.polylink.core.internal.Bulk;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link LinkClient}, from {@link LinkClient#async()}: the same
 * operations returning {@link CompletableFuture}s, on the same account, transport, connection pool,
 * retry policy, rate-limit budget, deadlines and listeners as the client it came from. The
 * blocking {@link LinkClient} stays the primary API; this one is for callers that must not hold a
 * thread per call.
 *
 * <p>Choices, following the AWS SDK v2's asynchronous clients where the issue is silent:
 *
 * <ul>
 *   <li>Each attempt is an OkHttp asynchronous call, and every wait (backoff, {@code Retry-After},
 *       the rate-limit budget) is a task on the client's scheduler ({@link
 *       LinkClientBuilder#scheduledExecutorService}): no thread sleeps or blocks while an operation
 *       waits, not the caller's nor any other.
 *   <li>A view, not a second client (AWS builds a separate asynchronous client): the two share one
 *       rate-limit budget, so that the blocking and the asynchronous calls of one account together
 *       stay within the vendor's limit, and one connection pool. Closing the {@link LinkClient}
 *       closes this view too.
 *   <li>Nothing is thrown from these methods: a request rejected before sending ({@link
 *       RequestValidationException}, {@link UnsupportedFieldException}, {@link
 *       OperationNotSupportedException}) fails the returned future with the exception the blocking
 *       method throws, and so do vendor errors ({@link ApiException} subclasses) and transport
 *       failures ({@link TransportException}). The future completes with that exception itself:
 *       {@link CompletableFuture#get()} wraps it in an {@code ExecutionException} and {@link
 *       CompletableFuture#join()} in a {@code CompletionException}, as for any future.
 *   <li>{@link CompletableFuture#cancel(boolean) Cancelling} a future cancels its HTTP call in
 *       flight (OkHttp closes the connection) or its pending wait; no further attempt is made. A
 *       write the vendor may already have received may still have been processed.
 *   <li>Dependent stages attached without an executor run on the thread that completes the future
 *       (OkHttp's dispatcher, the client's scheduler, or the caller's for a failure before any
 *       request); run blocking or heavy work in an {@code ...Async} stage with an executor of your
 *       own.
 *   <li>Bulk operations of the SDK's providers run the blocking ones' plan without blocking:
 *       every item is checked first (capabilities and the provider's own rules: an invalid item
 *       fails alone and is never sent), then the vendor's bulk endpoint is used where the blocking
 *       client uses it, in the same batch sizes (xQR's bulk create and bulk status, SnipURL's bulk
 *       create and delete, ShortPen's multi-id delete), with at most the client's {@link
 *       LinkClientBuilder#bulkConcurrency} batches or single requests in flight (default {@value
 *       LinkClientBuilder#DEFAULT_BULK_CONCURRENCY}), started in input order; the results keep the
 *       input order. A batch that fails as a whole fails each of its items with that exception,
 *       and an item the vendor's answer does not report on fails as may-have-been-processed.
 *       Cancelling the bulk future cancels the requests in flight and starts no more. The default
 *       methods below (for a client written outside the SDK) run {@link #create} and the other
 *       single operations instead.
 * </ul>
 */
public interface AsyncLinkClient {
  /** {@return the provider id, as {@link LinkClient#providerId()}} */
  String providerId();

  /** {@return what this provider can do, as {@link LinkClient#capabilities()}} */
  Capabilities capabilities();

  /**
   * {@link LinkClient#create} without blocking.
   *
   * @param request what to create
   * @return the created link, as the vendor reports it
   */
  CompletableFuture<Link> create(CreateLinkRequest request);

  /**
   * {@link LinkClient#get} without blocking.
   *
   * @param id the link's id
   * @return the link
   */
  CompletableFuture<Link> get(LinkId id);

  /**
   * {@link LinkClient#list} without blocking.
   *
   * @param request the filters, the page size and the cursor
   * @return the page, with the cursor of the next one
   */
  CompletableFuture<Page<Link>> list(ListLinksRequest request);

  /**
   * {@link LinkClient#update} without blocking.
   *
   * @param id the link's id
   * @param patch the changes
   * @return the link as the vendor reports it afterwards
   */
  CompletableFuture<Link> update(LinkId id, LinkPatch patch);

  /**
   * {@link LinkClient#delete} without blocking; a resent DELETE answered 404 counts as deleted, as
   * there.
   *
   * @param id the link's id
   * @return completes with {@code null} once deleted
   */
  CompletableFuture<Void> delete(LinkId id);

  /**
   * {@link LinkClient#qrCode(LinkId, QrOptions)} without blocking.
   *
   * @param id the link's id
   * @param options the options
   * @return the image; fails with {@link OperationNotSupportedException} where the provider has none
   */
  default CompletableFuture<QrCode> qrCode(LinkId id, QrOptions options) {
    return CompletableFuture.failedFuture(
        new OperationNotSupportedException(providerId(), Operation.QR_CODE, "no QR image endpoint"));
  }

  /**
   * {@link LinkClient#qrCode(LinkId)} without blocking.
   *
   * @param id the link's id
   * @return the image in the vendor's default format and size
   */
  default CompletableFuture<QrCode> qrCode(LinkId id) {
    return qrCode(id, QrOptions.defaults());
  }

  /**
   * {@link LinkClient#stats(LinkId, StatsRequest)} without blocking.
   *
   * @param id the link's id
   * @param request the request
   * @return the statistics; fails with {@link OperationNotSupportedException} where the provider
   *     has none
   */
  default CompletableFuture<LinkStats> stats(LinkId id, StatsRequest request) {
    return CompletableFuture.failedFuture(
        new OperationNotSupportedException(providerId(), Operation.STATS, "no statistics"));
  }

  /**
   * {@link LinkClient#stats(LinkId)} without blocking.
   *
   * @param id the link's id
   * @return the statistics over the link's whole life
   */
  default CompletableFuture<LinkStats> stats(LinkId id) {
    return stats(id, StatsRequest.allTime());
  }

  /**
   * {@link LinkClient#accountUsage()} without blocking.
   *
   * @return the usage; fails with {@link OperationNotSupportedException} where the vendor has no
   *     usage endpoint
   */
  default CompletableFuture<AccountUsage> accountUsage() {
    return CompletableFuture.failedFuture(
        new OperationNotSupportedException(providerId(), Operation.ACCOUNT_USAGE, "no usage endpoint"));
  }

  /**
   * {@link LinkClient#createAll} without blocking: every request is checked first; the valid ones
   * are created with {@link #create}, at most the client's bulk concurrency at once. The SDK's
   * providers override it to use the vendor's bulk endpoint, as their blocking {@code createAll}.
   *
   * @param requests what to create, in order
   * @return one item per request, in order: the created {@link Link} or the failure
   */
  default CompletableFuture<BulkResult<Link>> createAll(List<CreateLinkRequest> requests) {
    return AsyncBulk.createAll(this, requests, AsyncBulk.DEFAULT_CONCURRENCY);
  }

  /**
   * {@link LinkClient#updateAll(Map)} without blocking, as {@link #createAll}.
   *
   * @param patches the patch of each link, in the map's iteration order
   * @return one item per entry, in the map's order: the updated {@link Link} or the failure
   */
  default CompletableFuture<BulkResult<Link>> updateAll(Map<LinkId, LinkPatch> patches) {
    return AsyncBulk.updateAll(this, patches, AsyncBulk.DEFAULT_CONCURRENCY);
  }

  /**
   * {@link LinkClient#updateAll(Collection, LinkPatch)} without blocking, as {@link #createAll}.
   *
   * @param ids the links, in order
   * @param patch the changes for every one of them
   * @return one item per id, in order: the updated {@link Link} or the failure
   */
  default CompletableFuture<BulkResult<Link>> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    return AsyncBulk.updateAll(this, ids, patch, AsyncBulk.DEFAULT_CONCURRENCY);
  }

  /**
   * {@link LinkClient#deleteAll} without blocking, with {@link #delete}, at most the client's bulk
   * concurrency at once.
   *
   * @param ids the links, in order
   * @return one item per id, in order: the deleted id or the failure
   */
  default CompletableFuture<BulkResult<LinkId>> deleteAll(Collection<LinkId> ids) {
    return AsyncBulk.deleteAll(this, ids, AsyncBulk.DEFAULT_CONCURRENCY);
  }

  /**
   * The view of a client that has no asynchronous implementation (one written outside the SDK):
   * every operation fails its future with {@link OperationNotSupportedException}.
   *
   * @param client the client
   * @return the view
   */
  static AsyncLinkClient unsupported(LinkClient client) {
    Objects.requireNonNull(client, "client");
    return new AsyncLinkClient() {
      private <T> CompletableFuture<T> none(Operation operation) {
        return CompletableFuture.failedFuture(new OperationNotSupportedException(
            client.providerId(), operation, "no asynchronous client (" + client.getClass().getName() + ")"));
      }

      @Override
      public String providerId() {
        return client.providerId();
      }

      @Override
      public Capabilities capabilities() {
        return client.capabilities();
      }

      @Override
      public CompletableFuture<Link> create(CreateLinkRequest request) {
        return none(Operation.CREATE);
      }

      @Override
      public CompletableFuture<Link> get(LinkId id) {
        return none(Operation.GET);
      }

      @Override
      public CompletableFuture<Page<Link>> list(ListLinksRequest request) {
        return none(Operation.LIST);
      }

      @Override
      public CompletableFuture<Link> update(LinkId id, LinkPatch patch) {
        return none(Operation.UPDATE);
      }

      @Override
      public CompletableFuture<Void> delete(LinkId id) {
        return none(Operation.DELETE);
      }
    };
  }
}
