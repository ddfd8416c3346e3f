package dev.polylink.core.spi;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.Page;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.internal.AsyncBulk;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The {@link AsyncLinkClient} of a provider, written once: each method is one {@link
 * HttpTransport#observeAsync} operation around the provider's {@link Operations}, so that a check
 * that throws before any request fails the future instead, listeners see the operation whole, and
 * cancelling the future cancels whatever the operation has in flight. The bulk methods are the
 * provider's {@link BulkOperations} when its operations implement them (the vendor's bulk endpoints
 * through {@link BulkBatches.Plan#runAsync}, every item checked first, as the blocking client's);
 * otherwise {@link AsyncLinkClient}'s, over these single operations, with the transport's {@link
 * HttpTransport#bulkConcurrency()} in flight.
 */
public final class AsyncClients {
  private AsyncClients() {}

  /**
   * A provider's asynchronous operations: the same checks and mappers as its blocking ones, each
   * exchange through {@link HttpTransport#exchangeAsync} (or {@code executeAsync}); a multi-step
   * operation composes its steps. A method may throw its checks' exceptions: the client turns them
   * into a failed future.
   */
  public interface Operations {
    /**
     * {@link AsyncLinkClient#create}.
     *
     * @param request what to create
     * @return the created link
     */
    CompletableFuture<Link> createAsync(CreateLinkRequest request);

    /**
     * {@link AsyncLinkClient#get}.
     *
     * @param id the link's id
     * @return the link
     */
    CompletableFuture<Link> getAsync(LinkId id);

    /**
     * {@link AsyncLinkClient#list}.
     *
     * @param request the request
     * @return the page
     */
    CompletableFuture<Page<Link>> listAsync(ListLinksRequest request);

    /**
     * {@link AsyncLinkClient#update}.
     *
     * @param id the link's id
     * @param patch the changes
     * @return the link afterwards
     */
    CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch);

    /**
     * {@link AsyncLinkClient#delete}.
     *
     * @param id the link's id
     * @return completes once deleted
     */
    CompletableFuture<Void> deleteAsync(LinkId id);

    /**
     * {@link AsyncLinkClient#qrCode(LinkId, QrOptions)}; by default not supported.
     *
     * @param providerId the provider, for the exception
     * @param id the link's id
     * @param options the options
     * @return the image
     */
    default CompletableFuture<QrCode> qrCodeAsync(String providerId, LinkId id, QrOptions options) {
      throw new OperationNotSupportedException(providerId, Operation.QR_CODE, "no QR image endpoint");
    }

    /**
     * {@link AsyncLinkClient#stats(LinkId, StatsRequest)}; by default not supported.
     *
     * @param providerId the provider, for the exception
     * @param id the link's id
     * @param request the request
     * @return the statistics
     */
    default CompletableFuture<LinkStats> statsAsync(String providerId, LinkId id, StatsRequest request) {
      throw new OperationNotSupportedException(providerId, Operation.STATS, "no statistics");
    }

    /**
     * {@link AsyncLinkClient#accountUsage()}; by default not supported.
     *
     * @param providerId the provider, for the exception
     * @return the usage
     */
    default CompletableFuture<AccountUsage> accountUsageAsync(String providerId) {
      throw new OperationNotSupportedException(providerId, Operation.ACCOUNT_USAGE, "no usage endpoint");
    }
  }

  /**
   * A provider's asynchronous bulk operations, implemented by its {@link Operations} where the
   * blocking client's bulk runs on {@link BulkBatches}: the same plan (the same checks of every
   * item first, the same batches and answer mapping), run with {@link BulkBatches.Plan#runAsync}.
   * A method may throw for a {@code null} argument: the client turns it into a failed future.
   */
  public interface BulkOperations {
    /**
     * {@link AsyncLinkClient#createAll}.
     *
     * @param requests what to create, in order
     * @return one item per request, in order
     */
    CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests);

    /**
     * {@link AsyncLinkClient#updateAll(Map)} and {@link AsyncLinkClient#updateAll(Collection,
     * LinkPatch)}, one entry per link.
     *
     * @param patches each link with its patch, in order
     * @return one item per entry, in order
     */
    CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches);

    /**
     * {@link AsyncLinkClient#deleteAll}.
     *
     * @param ids the links, in order
     * @return one item per id, in order
     */
    CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids);
  }

  /**
   * The asynchronous client of a provider without typed extras.
   *
   * @param providerId the provider id
   * @param capabilities the provider's capabilities
   * @param transport the transport the blocking client uses (shared: one pool, one budget)
   * @param operations the provider's asynchronous operations
   * @return the client
   */
  public static AsyncLinkClient of(
      String providerId, Capabilities capabilities, HttpTransport transport, Operations operations) {
    return new Client<>(providerId, capabilities, transport, operations);
  }

  /**
   * The asynchronous client of a provider, written once: the {@link AsyncLinkClient} operations
   * over the provider's {@link Operations}, and {@link #operation} for the typed extras of a
   * provider's own asynchronous type ({@code XqrAsyncClient}, {@code SnipurlAsyncClient}, ...),
   * which extends this class and implements its interface: every future a caller gets, link
   * operation or extra, single or bulk, is observed, cancellable and completed in the same way.
   *
   * @param <O> the provider's operations type, whose extras a subclass reaches by {@link
   *     #operations()}
   */
  public static class Client<O extends Operations> implements AsyncLinkClient {
    private final String providerId;
    private final Capabilities capabilities;
    private final HttpTransport transport;
    private final O operations;

    /**
     * A client over the provider's operations.
     *
     * @param providerId the provider id
     * @param capabilities the provider's capabilities
     * @param transport the transport the blocking client uses (shared: one pool, one budget)
     * @param operations the provider's asynchronous operations
     */
    protected Client(String providerId, Capabilities capabilities, HttpTransport transport, O operations) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      this.transport = Objects.requireNonNull(transport, "transport");
      this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * Runs one operation of this client, an extra of a provider included: {@link
     * HttpTransport#observeAsync} (listeners, a failed future for a check that throws, cancelling
     * the future cancels what {@code body} has in flight), then the caller's future is completed on
     * the client's {@link HttpTransport#futureCompletionExecutor()}.
     *
     * @param <T> the result type
     * @param operation the operation, for listeners and exceptions
     * @param body starts the operation's work (the provider's {@code ...Async} method)
     * @return the caller's future
     */
    protected final <T> CompletableFuture<T> operation(Operation operation, Supplier<CompletableFuture<T>> body) {
      return transport.completeForCaller(transport.observeAsync(operation, body));
    }

    /** {@return the provider's operations, for a subclass's extras} */
    protected final O operations() {
      return operations;
    }

    private <T> CompletableFuture<T> run(Operation operation, Supplier<CompletableFuture<T>> body) {
      return operation(operation, body);
    }

    @Override
    public String providerId() {
      return providerId;
    }

    @Override
    public Capabilities capabilities() {
      return capabilities;
    }

    @Override
    public CompletableFuture<Link> create(CreateLinkRequest request) {
      return run(Operation.CREATE, () -> operations.createAsync(request));
    }

    @Override
    public CompletableFuture<Link> get(LinkId id) {
      return run(Operation.GET, () -> operations.getAsync(id));
    }

    @Override
    public CompletableFuture<Page<Link>> list(ListLinksRequest request) {
      return run(Operation.LIST, () -> operations.listAsync(request));
    }

    @Override
    public CompletableFuture<Link> update(LinkId id, LinkPatch patch) {
      return run(Operation.UPDATE, () -> operations.updateAsync(id, patch));
    }

    @Override
    public CompletableFuture<Void> delete(LinkId id) {
      return run(Operation.DELETE, () -> operations.deleteAsync(id));
    }

    @Override
    public CompletableFuture<QrCode> qrCode(LinkId id, QrOptions options) {
      return run(Operation.QR_CODE, () -> operations.qrCodeAsync(providerId, id, options));
    }

    @Override
    public CompletableFuture<LinkStats> stats(LinkId id, StatsRequest request) {
      return run(Operation.STATS, () -> operations.statsAsync(providerId, id, request));
    }

    @Override
    public CompletableFuture<AccountUsage> accountUsage() {
      return run(Operation.ACCOUNT_USAGE, () -> operations.accountUsageAsync(providerId));
    }

    private BulkOperations bulk() {
      return operations instanceof BulkOperations ? (BulkOperations) operations : null;
    }

    private <T> CompletableFuture<T> bulkRun(Supplier<CompletableFuture<T>> body) {
      CompletableFuture<T> work;
      try {
        work = body.get();
      } catch (RuntimeException e) {
        work = CompletableFuture.failedFuture(e);
      }
      return transport.completeForCaller(work);
    }

    /**
     * The provider's {@link BulkOperations} where it has them, else the single operations with the
     * client's {@code bulkConcurrency}.
     */
    @Override
    public CompletableFuture<BulkResult<Link>> createAll(List<CreateLinkRequest> requests) {
      BulkOperations bulk = bulk();
      return bulk != null
          ? bulkRun(() -> bulk.createAllAsync(requests))
          : bulkRun(() -> AsyncBulk.createAll(this, requests, transport.bulkConcurrency()));
    }

    @Override
    public CompletableFuture<BulkResult<Link>> updateAll(Map<LinkId, LinkPatch> patches) {
      BulkOperations bulk = bulk();
      return bulk != null
          ? bulkRun(() -> bulk.updateAllAsync(new java.util.ArrayList<>(
              Objects.requireNonNull(patches, "patches").entrySet())))
          : bulkRun(() -> AsyncBulk.updateAll(this, patches, transport.bulkConcurrency()));
    }

    @Override
    public CompletableFuture<BulkResult<Link>> updateAll(Collection<LinkId> ids, LinkPatch patch) {
      BulkOperations bulk = bulk();
      return bulk != null
          ? bulkRun(() -> bulk.updateAllAsync(BulkBatches.entries(Objects.requireNonNull(ids, "ids"), patch)))
          : bulkRun(() -> AsyncBulk.updateAll(this, ids, patch, transport.bulkConcurrency()));
    }

    @Override
    public CompletableFuture<BulkResult<LinkId>> deleteAll(Collection<LinkId> ids) {
      BulkOperations bulk = bulk();
      return bulk != null
          ? bulkRun(() -> bulk.deleteAllAsync(Objects.requireNonNull(ids, "ids")))
          : bulkRun(() -> AsyncBulk.deleteAll(this, ids, transport.bulkConcurrency()));
    }

    @Override
    public String toString() {
      return "AsyncLinkClient{" + providerId + "}";
    }
  }
}
