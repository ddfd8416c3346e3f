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
 * cancelling the future cancels whatever the operation has in flight. The bulk methods are {@link
 * AsyncLinkClient}'s, over these single operations, with the transport's {@link
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
   * The asynchronous client of a provider.
   *
   * @param providerId the provider id
   * @param capabilities the provider's capabilities
   * @param transport the transport the blocking client uses (shared: one pool, one budget)
   * @param operations the provider's asynchronous operations
   * @return the client
   */
  public static AsyncLinkClient of(
      String providerId, Capabilities capabilities, HttpTransport transport, Operations operations) {
    return new View(providerId, capabilities, transport, operations);
  }

  private static final class View implements AsyncLinkClient {
    private final String providerId;
    private final Capabilities capabilities;
    private final HttpTransport transport;
    private final Operations operations;

    View(String providerId, Capabilities capabilities, HttpTransport transport, Operations operations) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
      this.transport = Objects.requireNonNull(transport, "transport");
      this.operations = Objects.requireNonNull(operations, "operations");
    }

    private <T> CompletableFuture<T> run(Operation operation, Supplier<CompletableFuture<T>> body) {
      return transport.observeAsync(operation, body);
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

    /** The bulk methods run the single operations with the client's {@code bulkConcurrency}. */
    @Override
    public CompletableFuture<BulkResult<Link>> createAll(List<CreateLinkRequest> requests) {
      return AsyncBulk.createAll(this, requests, transport.bulkConcurrency());
    }

    @Override
    public CompletableFuture<BulkResult<Link>> updateAll(Map<LinkId, LinkPatch> patches) {
      return AsyncBulk.updateAll(this, patches, transport.bulkConcurrency());
    }

    @Override
    public CompletableFuture<BulkResult<Link>> updateAll(Collection<LinkId> ids, LinkPatch patch) {
      return AsyncBulk.updateAll(this, ids, patch, transport.bulkConcurrency());
    }

    @Override
    public CompletableFuture<BulkResult<LinkId>> deleteAll(Collection<LinkId> ids) {
      return AsyncBulk.deleteAll(this, ids, transport.bulkConcurrency());
    }

    @Override
    public String toString() {
      return "AsyncLinkClient{" + providerId + "}";
    }
  }
}
