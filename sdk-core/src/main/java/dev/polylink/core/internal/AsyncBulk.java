package dev.polylink.core.internal;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.PolylinkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bulk path of {@link dev.polylink.core.AsyncLinkClient}: every item is checked first, as in the
 * blocking {@link Bulk#run}; then the valid items are sent as the client's asynchronous single
 * operations, at most {@code concurrency} in flight, started in input order, without any thread
 * waiting for them. The client's pacing keeps the rate; the bound keeps the number of calls
 * (and connections) in flight. An item fails alone; cancelling the result's future cancels the
 * items in flight and starts no more.
 *
 * @param <I> the input item type
 * @param <T> the result type
 */
public final class AsyncBulk<I, T> {
  /**
   * Items in flight at once by default: {@link dev.polylink.core.LinkClientBuilder#DEFAULT_BULK_CONCURRENCY},
   * as for the blocking bulk path; the SDK's clients use their {@code bulkConcurrency} setting.
   */
  public static final int DEFAULT_CONCURRENCY = dev.polylink.core.LinkClientBuilder.DEFAULT_BULK_CONCURRENCY;

  private final String providerId;
  private final dev.polylink.core.Operation operation;
  private final List<I> items;
  private final Function<I, CompletableFuture<T>> send;
  private final int concurrency;
  private final List<BulkItem<T>> results;
  private final List<Integer> toSend = new ArrayList<>();
  private final List<CompletableFuture<T>> inFlightFutures = new ArrayList<>();
  private final CompletableFuture<BulkResult<T>> result = new CompletableFuture<>();
  private final AtomicInteger wip = new AtomicInteger();
  private int cursor;
  private int inFlight;
  private boolean finished;

  private AsyncBulk(String providerId, dev.polylink.core.Operation operation, List<I> items,
      Function<I, CompletableFuture<T>> send, int concurrency) {
    this.providerId = providerId;
    this.operation = operation;
    this.items = items;
    this.send = send;
    this.concurrency = concurrency;
    this.results = new ArrayList<>(java.util.Collections.nCopies(items.size(), null));
  }

  /**
   * Checks every item, then sends the valid ones with {@code send}, at most {@code concurrency} at
   * once.
   *
   * @param <I> the input item type
   * @param <T> the result type
   * @param providerId the provider, for the failure of a {@code null} item
   * @param operation the operation, for the failure of an item whose own future is cancelled
   * @param items the input, in order
   * @param check throws a {@link PolylinkException} for an invalid item; runs for all items first
   * @param send starts one item's asynchronous operation
   * @param concurrency the most items in flight, at least 1
   * @return one result per item, in input order
   */
  public static <I, T> CompletableFuture<BulkResult<T>> run(String providerId, dev.polylink.core.Operation operation,
      List<I> items, Consumer<I> check, Function<I, CompletableFuture<T>> send, int concurrency) {
    try {
      Objects.requireNonNull(items, "items");
      AsyncBulk<I, T> bulk = new AsyncBulk<>(providerId, Objects.requireNonNull(operation, "operation"), items, send,
          Math.max(1, concurrency));
      for (int i = 0; i < items.size(); i++) {
        try {
          if (items.get(i) == null) {
            throw new dev.polylink.core.RequestValidationException(providerId, "items[" + i + "]: must not be null");
          }
          check.accept(items.get(i));
          bulk.toSend.add(i);
        } catch (PolylinkException e) {
          bulk.results.set(i, BulkItem.failure(i, e));
        }
      }
      bulk.result.whenComplete((r, e) -> {
        if (bulk.result.isCancelled()) {
          bulk.cancelInFlight();
        }
      });
      bulk.pump();
      return bulk.result;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * {@code createAll} of an asynchronous client: capabilities first, then its {@code create}.
   *
   * @param client the client
   * @param requests the requests
   * @param concurrency the most in flight
   * @return the result
   */
  public static CompletableFuture<BulkResult<dev.polylink.core.Link>> createAll(
      dev.polylink.core.AsyncLinkClient client, List<dev.polylink.core.CreateLinkRequest> requests, int concurrency) {
    return run(client.providerId(), dev.polylink.core.Operation.CREATE, requests, r -> Bulk.checkCreate(client.providerId(), client.capabilities(), r),
        client::create, concurrency);
  }

  /**
   * {@code updateAll(Map)} of an asynchronous client: every patch first, then its {@code update}.
   *
   * @param client the client
   * @param patches the patches
   * @param concurrency the most in flight
   * @return the result
   */
  public static CompletableFuture<BulkResult<dev.polylink.core.Link>> updateAll(dev.polylink.core.AsyncLinkClient client,
      java.util.Map<dev.polylink.core.LinkId, dev.polylink.core.LinkPatch> patches, int concurrency) {
    if (patches == null) {
      return CompletableFuture.failedFuture(new NullPointerException("patches"));
    }
    List<java.util.Map.Entry<dev.polylink.core.LinkId, dev.polylink.core.LinkPatch>> entries =
        new ArrayList<>(patches.entrySet());
    return run(client.providerId(), dev.polylink.core.Operation.UPDATE, entries,
        e -> Bulk.checkUpdate(client.providerId(), client.capabilities(), e.getValue()),
        e -> client.update(e.getKey(), e.getValue()), concurrency);
  }

  /**
   * {@code updateAll(Collection, LinkPatch)} of an asynchronous client.
   *
   * @param client the client
   * @param ids the links
   * @param patch the patch of every one
   * @param concurrency the most in flight
   * @return the result
   */
  public static CompletableFuture<BulkResult<dev.polylink.core.Link>> updateAll(dev.polylink.core.AsyncLinkClient client,
      java.util.Collection<dev.polylink.core.LinkId> ids, dev.polylink.core.LinkPatch patch, int concurrency) {
    if (ids == null || patch == null) {
      return CompletableFuture.failedFuture(new NullPointerException(ids == null ? "ids" : "patch"));
    }
    return run(client.providerId(), dev.polylink.core.Operation.UPDATE, new ArrayList<>(ids),
        id -> Bulk.checkUpdate(client.providerId(), client.capabilities(), patch), id -> client.update(id, patch),
        concurrency);
  }

  /**
   * {@code deleteAll} of an asynchronous client.
   *
   * @param client the client
   * @param ids the links
   * @param concurrency the most in flight
   * @return the result
   */
  public static CompletableFuture<BulkResult<dev.polylink.core.LinkId>> deleteAll(dev.polylink.core.AsyncLinkClient client,
      java.util.Collection<dev.polylink.core.LinkId> ids, int concurrency) {
    if (ids == null) {
      return CompletableFuture.failedFuture(new NullPointerException("ids"));
    }
    return run(client.providerId(), dev.polylink.core.Operation.DELETE, new ArrayList<>(ids), id -> { },
        id -> client.delete(id).thenApply(ignored -> id), concurrency);
  }

  /** Starts items while fewer than the bound are in flight; finishes when all have ended. */
  private void pump() {
    if (wip.getAndIncrement() != 0) {
      return; // the pumping thread goes round again
    }
    int missed = 1;
    do {
      while (true) {
        int index;
        synchronized (this) {
          if (result.isDone() || inFlight >= concurrency || cursor >= toSend.size()) {
            break;
          }
          index = toSend.get(cursor++);
          inFlight++;
        }
        start(index);
      }
      BulkResult<T> done = null;
      synchronized (this) {
        if (!finished && !result.isDone() && inFlight == 0 && cursor >= toSend.size()) {
          finished = true;
          done = BulkResult.of(List.copyOf(results));
        }
      }
      if (done != null) {
        result.complete(done);
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void start(int index) {
    CompletableFuture<T> future;
    try {
      future = Objects.requireNonNull(send.apply(items.get(index)), "send returned null");
    } catch (PolylinkException e) {
      future = CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      // A bug, as it propagates from the blocking bulk path, a CancellationException too: thrown
      // by send, it is the callee's (a cancelled future it joined, say), not this bulk's own
      // cancellation, which ended would take it for.
      synchronized (this) {
        inFlight--;
      }
      if (result.completeExceptionally(e)) {
        cancelInFlight();
      }
      return;
    }
    synchronized (this) {
      inFlightFutures.add(future);
    }
    CompletableFuture<T> started = future;
    future.whenComplete((value, error) -> ended(index, started, value, error));
  }

  private void ended(int index, CompletableFuture<T> future, T value, Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    RuntimeException fatal = null;
    synchronized (this) {
      inFlight--;
      inFlightFutures.remove(future);
      if (cause == null) {
        results.set(index, BulkItem.success(index, value));
      } else if (cause instanceof PolylinkException) {
        results.set(index, BulkItem.failure(index, (PolylinkException) cause));
      } else if (cause instanceof java.util.concurrent.CancellationException) {
        if (!result.isDone()) {
          // Cancelled by its client (closing, say), not by this bulk, which cancels only once its
          // result is done: the item's failure. Recording nothing left a null that failed the
          // result's List.copyOf in a callback, and the result never completed.
          results.set(index, BulkItem.failure(index, new dev.polylink.core.TransportException(providerId, operation,
              "the request was cancelled; whether the vendor processed it is unknown", null, true)));
        }
      } else {
        // Not a failure of the item but a bug, as it propagates from the blocking bulk path.
        fatal = cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
      }
    }
    if (fatal != null && result.completeExceptionally(fatal)) {
      cancelInFlight();
      return;
    }
    pump();
  }

  private void cancelInFlight() {
    List<CompletableFuture<T>> toCancel;
    synchronized (this) {
      toCancel = new ArrayList<>(inFlightFutures);
    }
    toCancel.forEach(f -> f.cancel(true));
  }
}
