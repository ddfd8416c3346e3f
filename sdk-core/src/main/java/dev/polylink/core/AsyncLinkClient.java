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
 *   <li>Every future completes on the client's {@linkplain
 *       LinkClientBuilder#futureCompletionExecutor completion executor} (default {@link
 *       java.util.concurrent.ForkJoinPool#commonPool()}), so that dependent stages attached without
 *       an executor never run on OkHttp's dispatcher threads or the client's scheduler.
 *   <li>A provider's own view ({@code XqrClient.async()} returns an {@code XqrAsyncClient}, and so
 *       on) adds the provider's typed extras without blocking, with the same checks, mapping,
 *       cancellation and completion as the operations here.
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
   * {@link LinkClient#listAll} without blocking: every link from {@code request}'s cursor on, as a
   * lazy, demand-driven publisher, as the AWS SDK v2's asynchronous paginators. Each subscription
   * reads its own pages with {@link #list}, one at a time: the first only when the subscriber first
   * asks for an item, the next only when it has received every item of the pages read and asks
   * for more; never a page ahead. It follows {@link Page#nextCursor()} until a page has none (an
   * empty page never has one), then signals {@code onComplete}, as the blocking {@code listAll}
   * stops. A page read that fails ends the subscription with the typed exception of {@link #list}
   * itself ({@link ApiException}, {@link TransportException}, {@link RequestValidationException})
   * through {@code onError}; a vendor that answers a cursor with the same cursor again ends it with
   * a {@link TransportException}. {@link java.util.concurrent.Flow.Subscription#cancel()} cancels the
   * page read in flight, its HTTP call included, and signals nothing more. A {@code null} request
   * fails each subscription at once with a {@link NullPointerException}.
   *
   * <p>Signals arrive one at a time, on the thread that completed the page read (the client's
   * {@linkplain LinkClientBuilder#futureCompletionExecutor completion executor}) or the one that
   * asked for more; the publisher meets the Reactive Streams specification for {@link
   * java.util.concurrent.Flow} (verified with its TCK). Use it with any Reactive Streams library, or
   * directly:
   *
   * <pre>{@code
   * client.async().listAll(ListLinksRequest.builder().pageSize(100).build())
   *     .subscribe(new Flow.Subscriber<Link>() {
   *       private Flow.Subscription subscription;
   *       public void onSubscribe(Flow.Subscription s) { subscription = s; s.request(1); }
   *       public void onNext(Link link) { System.out.println(link.shortUrl()); subscription.request(1); }
   *       public void onError(Throwable failure) { failure.printStackTrace(); }
   *       public void onComplete() { System.out.println("done"); }
   *     });
   * }</pre>
   *
   * @param request the filters, the page size and the cursor to start from
   * @return the publisher; each subscription pages anew
   */
  default java.util.concurrent.Flow.Publisher<Link> listAll(ListLinksRequest request) {
    return new dev.polylink.core.internal.PagePublisher<>(providerId(), request, this::list);
  }

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
