package dev.polylink.core.spi;

import dev.polylink.core.ApiException;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.BulkSupport;
import dev.polylink.core.Capabilities;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.ApiExceptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bulk operations of every provider ({@code createAll}, {@code updateAll}, {@code deleteAll}),
 * written once: a provider describes how to check one item and how to send a batch (or one item),
 * and this class does the rest the same way for every vendor.
 *
 * <pre>{@code
 * return BulkBatches.<CreateLinkRequest, CreateLinkBody, Link>plan(ID, Operation.CREATE, capabilities)
 *     .concurrency(transport.bulkConcurrency())
 *     .prepare(request -> checkedBody(request))          // every check, throws PolylinkException
 *     .batch((bodies, answer) -> sendBatch(bodies, answer)) // the vendor's bulk endpoint
 *     .run(requests);
 * }</pre>
 *
 * <p>What a run does, in this order:
 *
 * <ol>
 *   <li><b>Validation first.</b> {@link Plan#prepare} runs for every item before the first request.
 *       It must run the capability checks ({@link RequestChecks}) and the provider's own per-item
 *       checks (id shape, slug rule, field limits) and return what the request will carry for the
 *       item (a body item, a parsed id). An item it rejects with a {@link PolylinkException} (a
 *       {@link dev.polylink.core.RequestValidationException}, an {@link
 *       dev.polylink.core.UnsupportedFieldException}) fails alone, with that exception, and is never
 *       sent; a {@code null} item fails with a {@code RequestValidationException}. The valid items
 *       go on.
 *   <li><b>Routing.</b> With a {@link Plan#batch} function and a native endpoint declared for the
 *       operation ({@link Capabilities#bulk(Operation)}), every valid item whose {@link
 *       Plan#groupBy} key is not {@code null} goes to the vendor's bulk endpoint; the others, and
 *       every item when there is no batch function or no declared endpoint, go one request each
 *       through {@link Plan#single}. Items with equal keys share batches (xQR's bulk status takes
 *       one {@code enabled} value per request); the default key puts every item in one group.
 *   <li><b>Batches.</b> Each group is split, in input order, into batches of at most {@link
 *       BulkSupport#maxBatchSize()} items (250 items at 100 a batch: 100, 100, 50).
 *   <li><b>Sending.</b> Batches and single requests run with at most {@link Plan#concurrency} of
 *       them in flight at once, the calling thread being one of the workers. Each request goes
 *       through the transport as any other, so the client's pacing, retries and deadlines apply to
 *       each of them, whatever the concurrency.
 *   <li><b>Answers.</b> The batch function reports, through its {@link Answer}, the outcome of each
 *       position of the batch it was given ({@link Answer#succeeded}, {@link Answer#failed}): the
 *       vendor's per-item answer mapped back to the item. A batch function that throws a {@link
 *       PolylinkException} (a 500, a 429, a lost answer) fails <em>every</em> item of that batch
 *       with that exception, and what it had reported before throwing is discarded: the vendor's
 *       answer was not read in full. Other batches still run.
 *   <li><b>Unaccounted items.</b> A position of a batch that the vendor's answer does not report
 *       on (neither created nor failed, or reported twice with different outcomes) is never taken as
 *       a success: it fails with a {@link TransportException} whose {@link
 *       TransportException#requestMayHaveBeenProcessed()} is {@code true}, since the vendor may or
 *       may not have processed it, so that the caller reconciles (e.g. lists the links) before
 *       sending it again.
 * </ol>
 *
 * <p>The result has one item per input item, in input order, whatever order the requests ran in. A
 * {@link RuntimeException} other than a {@link PolylinkException} (a bug) is rethrown once every
 * request in flight has ended. An interrupt of the calling thread interrupts the requests in flight
 * (which then fail with their {@link TransportException}), and the items not yet sent fail with a
 * {@link TransportException} saying so, without being sent; the thread's interrupt flag is set
 * again on return.
 *
 * <p><b>Without blocking.</b> The same plan, given {@link Plan#batchAsync} and {@link
 * Plan#singleAsync} (functions returning {@link CompletableFuture}s, typically the provider's batch
 * body and answer mapping around {@link HttpTransport#exchangeAsync}), runs with {@link
 * Plan#runAsync}: the same validation first, routing, batches and attribution, at most {@link
 * Plan#concurrency} requests in flight and no thread held while they are; cancelling its future
 * cancels the requests in flight and starts no more. This is what the asynchronous clients' bulk
 * methods run ({@link AsyncClients.BulkOperations}).
 */
public final class BulkBatches {
  /**
   * The default of {@code LinkClientBuilder.bulkConcurrency}: 4 requests in flight. Under the
   * client's pacing this reaches the vendor's limit where one thread cannot (issue 13's
   * measurements: 1.12x the physical minimum at 4 against 1.57x at 1) without a large pool of
   * threads; above the limit the pacing, not the concurrency, sets the pace.
   */
  public static final int DEFAULT_CONCURRENCY = dev.polylink.core.LinkClientBuilder.DEFAULT_BULK_CONCURRENCY;

  /** The largest concurrency a client accepts, the size of OkHttp's default per-host limit (64). */
  public static final int MAX_CONCURRENCY = dev.polylink.core.LinkClientBuilder.MAX_BULK_CONCURRENCY;

  private static final Object ONE_GROUP = new Object();

  private BulkBatches() {}

  /**
   * A new plan of one bulk operation.
   *
   * @param <I> the caller's item type (a {@code CreateLinkRequest}, an id and its patch, a {@code
   *     LinkId})
   * @param <P> what {@link Plan#prepare} makes of a valid item (a body item, a parsed id)
   * @param <T> what a successful item carries (a {@code Link}, a {@code LinkId})
   * @param providerId the provider, for the exceptions
   * @param operation the operation, for the exceptions and {@link Capabilities#bulk(Operation)}
   * @param capabilities the provider's capabilities, whose {@link Capabilities#bulk(Operation)}
   *     gives the batch size
   * @return a plan to configure and {@link Plan#run}
   */
  public static <I, P, T> Plan<I, P, T> plan(String providerId, Operation operation, Capabilities capabilities) {
    return new Plan<>(providerId, operation, capabilities);
  }

  /**
   * The plan of an operation the vendor has no bulk endpoint for, written once for every provider
   * that needs it (ShortPen's create and update, CarrierX's create, update and delete): every item
   * checked with {@code check} before the first request, then one request per item, {@code single}
   * for {@link Plan#run} and {@code singleAsync} for {@link Plan#runAsync}, each one operation of
   * the client's listeners, at most the client's {@link HttpTransport#bulkConcurrency()} in flight.
   *
   * @param <I> the caller's item type
   * @param <P> what {@code check} makes of a valid item
   * @param <T> what a successful item carries
   * @param transport the client's transport (its concurrency, listeners and budget)
   * @param providerId the provider, for the exceptions
   * @param operation the operation
   * @param capabilities the provider's capabilities
   * @param check every check of the item, throwing a {@link PolylinkException} for an invalid one
   * @param single sends one checked item, blocking
   * @param singleAsync starts one checked item's request without blocking
   * @return the plan, to {@link Plan#run} or {@link Plan#runAsync}
   */
  public static <I, P, T> Plan<I, P, T> oneByOne(HttpTransport transport, String providerId, Operation operation,
      Capabilities capabilities, Function<? super I, ? extends P> check, Function<? super P, ? extends T> single,
      Function<? super P, CompletableFuture<T>> singleAsync) {
    Objects.requireNonNull(single, "single");
    Objects.requireNonNull(singleAsync, "singleAsync");
    return BulkBatches.<I, P, T>plan(providerId, operation, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(check)
        .single(p -> transport.observe(operation, () -> single.apply(p)))
        .singleAsync(p -> transport.observeAsync(operation, () -> singleAsync.apply(p)));
  }

  /**
   * Checks a concurrency setting: 1 to {@link #MAX_CONCURRENCY}.
   *
   * @param providerId the provider, for the exception
   * @param concurrency the setting
   * @return {@code concurrency}
   * @throws dev.polylink.core.RequestValidationException outside 1 to {@link #MAX_CONCURRENCY}
   */
  public static int checkConcurrency(String providerId, int concurrency) {
    return Checks.inRange(providerId, "bulkConcurrency", concurrency, 1, MAX_CONCURRENCY);
  }

  /**
   * The typed failure of one item that a vendor's bulk answer reports as failed, chosen by {@code
   * status} as for a whole answer ({@code 409} a {@link dev.polylink.core.ConflictException}, {@code
   * 403} a {@link dev.polylink.core.PermissionDeniedException}, ...). The vendor's code, message
   * and request id are kept, and the raw JSON of the item's error is its {@link
   * ApiException#responseBody()}.
   *
   * @param providerId the provider
   * @param operation the operation
   * @param status the status the vendor gives the item, or the status its code is documented with;
   *     where neither is known, the status of the bulk answer itself (a plain {@link ApiException})
   * @param error the vendor's code, message and request id for the item
   * @param rawItem the item's error exactly as the vendor sent it
   * @return the exception to report through {@link Answer#failed}
   */
  public static ApiException itemFailure(
      String providerId, Operation operation, int status, VendorError error, String rawItem) {
    return ApiExceptions.create(providerId, operation, status, error, rawItem == null ? "" : rawItem, null);
  }

  /**
   * {@return one (id, patch) entry per id, in order, for {@code updateAll(Collection, LinkPatch)}}
   * A {@code null} id stays an entry, to fail alone in {@link Plan#prepare}.
   *
   * @param ids the links
   * @param patch the one patch for all of them
   */
  public static List<Map.Entry<dev.polylink.core.LinkId, dev.polylink.core.LinkPatch>> entries(
      java.util.Collection<dev.polylink.core.LinkId> ids, dev.polylink.core.LinkPatch patch) {
    Objects.requireNonNull(patch, "patch");
    List<Map.Entry<dev.polylink.core.LinkId, dev.polylink.core.LinkPatch>> entries = new ArrayList<>(ids.size());
    for (dev.polylink.core.LinkId id : ids) {
      entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(id, patch));
    }
    return entries;
  }

  /**
   * {@return {@code id}, or a {@link dev.polylink.core.RequestValidationException} for a null one}
   *
   * @param providerId the provider, for the exception
   * @param id the id of a bulk item
   */
  public static dev.polylink.core.LinkId requireId(String providerId, dev.polylink.core.LinkId id) {
    if (id == null) {
      throw Checks.invalid(providerId, List.of("id: must not be null"));
    }
    return id;
  }

  /**
   * Sends one batch to the vendor's bulk endpoint and reports the vendor's answer per position.
   *
   * @param <P> what the batch carries per item
   * @param <T> what a successful item carries
   */
  @FunctionalInterface
  public interface BatchCall<P, T> {
    /**
     * Sends {@code batch} in one request and reports each position's outcome on {@code answer}.
     *
     * @param batch the prepared items, in input order, at most the vendor's batch size
     * @param answer where to report each position (0 to {@code batch.size() - 1})
     * @throws PolylinkException when the request failed as a whole; every item of the batch then
     *     fails with it
     */
    void send(List<P> batch, Answer<T> answer);
  }

  /**
   * Starts one batch on the vendor's bulk endpoint without blocking, for {@link Plan#runAsync}.
   *
   * @param <P> what the batch carries per item
   * @param <T> what a successful item carries
   */
  @FunctionalInterface
  public interface AsyncBatchCall<P, T> {
    /**
     * Starts {@code batch} as one request; reports each position's outcome on {@code answer} before
     * the returned future completes normally.
     *
     * @param batch the prepared items, in input order, at most the vendor's batch size
     * @param answer where to report each position (0 to {@code batch.size() - 1})
     * @return completes once the answer is reported; fails with a {@link PolylinkException} when the
     *     request failed as a whole (every item of the batch then fails with it); cancelling it
     *     cancels the request
     */
    CompletableFuture<?> send(List<P> batch, Answer<T> answer);
  }

  /**
   * The outcomes of one batch, by position in the batch (0 is the batch's first item). A position
   * left unreported fails as unaccounted (see {@link BulkBatches}).
   *
   * @param <T> what a successful item carries
   */
  public static final class Answer<T> {
    private final int size;
    private final Object[] values;
    private final PolylinkException[] failures;
    private final boolean[] conflicting;
    private final boolean[] confirmed;

    Answer(int size) {
      this.size = size;
      this.values = new Object[size];
      this.failures = new PolylinkException[size];
      this.conflicting = new boolean[size];
      this.confirmed = new boolean[size];
    }

    /** {@return how many items the batch has} */
    public int size() {
      return size;
    }

    /**
     * Reports that the vendor processed the item at {@code position}.
     *
     * @param position the item's position in the batch
     * @param value what it produced
     * @throws IndexOutOfBoundsException for a position outside the batch
     */
    public void succeeded(int position, T value) {
      Objects.checkIndex(position, size);
      Objects.requireNonNull(value, "value");
      if (failures[position] != null || confirmed[position]
          || (values[position] != null && !values[position].equals(value))) {
        conflicting[position] = true;
      }
      values[position] = value;
    }

    /**
     * Reports that the vendor processed the item at {@code position} without returning what it
     * produced (a count of updated items, not the items): the item succeeds without a value ({@link
     * BulkItem#successWithoutValue}).
     *
     * @param position the item's position in the batch
     * @throws IndexOutOfBoundsException for a position outside the batch
     */
    public void succeededWithoutValue(int position) {
      Objects.checkIndex(position, size);
      if (failures[position] != null || values[position] != null) {
        conflicting[position] = true;
      }
      confirmed[position] = true;
    }

    /**
     * Reports that the vendor refused the item at {@code position}.
     *
     * @param position the item's position in the batch
     * @param failure why (e.g. from {@link BulkBatches#itemFailure})
     * @throws IndexOutOfBoundsException for a position outside the batch
     */
    public void failed(int position, PolylinkException failure) {
      Objects.checkIndex(position, size);
      Objects.requireNonNull(failure, "failure");
      if (values[position] != null || failures[position] != null || confirmed[position]) {
        conflicting[position] = true;
      }
      failures[position] = failure;
    }

    /**
     * {@return whether {@code position} has been reported (succeeded or failed)}
     *
     * @param position the item's position in the batch
     */
    public boolean reported(int position) {
      Objects.checkIndex(position, size);
      return values[position] != null || failures[position] != null || confirmed[position];
    }

    @SuppressWarnings("unchecked")
    BulkItem<T> item(int index, int position, String providerId, Operation operation, String batchLabel) {
      if (conflicting[position]) {
        return BulkItem.failure(index, unaccounted(providerId, operation, batchLabel,
            "reported this item more than once, with different outcomes"));
      }
      if (failures[position] != null) {
        return BulkItem.failure(index, failures[position]);
      }
      if (values[position] != null) {
        return BulkItem.success(index, (T) values[position]);
      }
      if (confirmed[position]) {
        return BulkItem.successWithoutValue(index);
      }
      return BulkItem.failure(index, unaccounted(providerId, operation, batchLabel, "did not report on this item"));
    }
  }

  private static TransportException unaccounted(
      String providerId, Operation operation, String batchLabel, String what) {
    return new TransportException(providerId, operation,
        "the vendor's answer to the bulk request of " + batchLabel + " " + what
            + "; whether the vendor processed it is unknown (reconcile before sending it again)",
        null, true);
  }

  /**
   * One bulk operation: how to check an item, how to send a batch or one item, how many requests
   * at once. Not thread-safe; build it, then {@link #run} it once or several times.
   *
   * @param <I> the caller's item type
   * @param <P> what {@link #prepare} makes of a valid item
   * @param <T> what a successful item carries
   */
  public static final class Plan<I, P, T> {
    private final String providerId;
    private final Operation operation;
    private final Capabilities capabilities;
    private int concurrency = DEFAULT_CONCURRENCY;
    private Function<? super I, ? extends P> prepare;
    private BatchCall<P, T> batch;
    private Function<? super P, ?> groupBy = p -> ONE_GROUP;
    private Function<? super P, ? extends T> single;
    private AsyncBatchCall<P, T> batchAsync;
    private Function<? super P, ? extends CompletableFuture<? extends T>> singleAsync;

    private Plan(String providerId, Operation operation, Capabilities capabilities) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
      this.operation = Objects.requireNonNull(operation, "operation");
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * How many requests may be in flight at once; default {@link #DEFAULT_CONCURRENCY}.
     *
     * @param concurrency 1 to {@link #MAX_CONCURRENCY}
     * @return this plan
     */
    public Plan<I, P, T> concurrency(int concurrency) {
      this.concurrency = checkConcurrency(providerId, concurrency);
      return this;
    }

    /**
     * Checks one item and makes what its request carries. Required.
     *
     * @param prepare every check of the item (capabilities and the provider's own), throwing a
     *     {@link PolylinkException} for an invalid one
     * @return this plan
     */
    public Plan<I, P, T> prepare(Function<? super I, ? extends P> prepare) {
      this.prepare = Objects.requireNonNull(prepare, "prepare");
      return this;
    }

    /**
     * The vendor's bulk endpoint, used when {@link Capabilities#bulk(Operation)} declares one.
     *
     * @param batch sends one batch and reports per position
     * @return this plan
     */
    public Plan<I, P, T> batch(BatchCall<P, T> batch) {
      this.batch = Objects.requireNonNull(batch, "batch");
      return this;
    }

    /**
     * Which items may share a batch: items with equal keys do; an item whose key is {@code null}
     * cannot go to the bulk endpoint and is sent by {@link #single}. By default every item may.
     *
     * @param groupBy the key of a prepared item, or {@code null}
     * @return this plan
     */
    public Plan<I, P, T> groupBy(Function<? super P, ?> groupBy) {
      this.groupBy = Objects.requireNonNull(groupBy, "groupBy");
      return this;
    }

    /**
     * One item's own request, for items the bulk endpoint cannot take (or every item, without one).
     *
     * @param single sends one prepared item, throwing its {@link PolylinkException}
     * @return this plan
     */
    public Plan<I, P, T> single(Function<? super P, ? extends T> single) {
      this.single = Objects.requireNonNull(single, "single");
      return this;
    }

    /**
     * Runs the operation over {@code items}.
     *
     * @param items the input, in order; {@code null} elements fail individually
     * @return one result per item, in input order
     * @throws IllegalStateException when no {@link #prepare} was given, or an item needs {@link
     *     #single} and none was given
     */
    public BulkResult<T> run(List<? extends I> items) {
      @SuppressWarnings("unchecked")
      BulkItem<T>[] results = new BulkItem[items == null ? 0 : items.size()];
      List<Object> prepared = prepareAll(items, results);
      List<Task> tasks = new ArrayList<>();
      route(prepared, results, batch != null, single != null, (index, p) ->
          tasks.add(new Task(List.of(index), () -> {
            try {
              results[index] = BulkItem.success(index, Objects.requireNonNull(single.apply(p), "single returned null"));
            } catch (PolylinkException e) {
              results[index] = BulkItem.failure(index, e);
            }
          })),
          indexes -> tasks.add(new Task(indexes, () -> sendBatch(indexes, prepared, results))));
      execute(tasks, results);
      return BulkResult.of(Arrays.asList(results));
    }

    /**
     * The vendor's bulk endpoint without blocking, for {@link #runAsync}; used when {@link
     * Capabilities#bulk(Operation)} declares one.
     *
     * @param batchAsync starts one batch and reports per position before its future completes
     * @return this plan
     */
    public Plan<I, P, T> batchAsync(AsyncBatchCall<P, T> batchAsync) {
      this.batchAsync = Objects.requireNonNull(batchAsync, "batchAsync");
      return this;
    }

    /**
     * One item's own request without blocking, for {@link #runAsync}, for the items the bulk
     * endpoint cannot take (or every item, without one).
     *
     * @param singleAsync starts one prepared item's request; its future fails with the item's
     *     {@link PolylinkException}
     * @return this plan
     */
    public Plan<I, P, T> singleAsync(Function<? super P, ? extends CompletableFuture<? extends T>> singleAsync) {
      this.singleAsync = Objects.requireNonNull(singleAsync, "singleAsync");
      return this;
    }

    /**
     * {@link #run} without blocking, with {@link #batchAsync} and {@link #singleAsync}: the same
     * validation of every item before the first request (on the calling thread), the same routing
     * and batches, at most {@link #concurrency} batches or single requests in flight (started in
     * input order), the same attribution of each batch's answer: a batch whose future fails with a
     * {@link PolylinkException} fails every item of the batch with it, and a position its answer
     * leaves unreported fails as may-have-been-processed. Nothing is thrown: a {@link
     * RuntimeException} other than a {@link PolylinkException} (a bug) fails the returned future
     * and cancels the requests in flight. Cancelling the returned future cancels the batch and
     * single requests in flight and starts no more.
     *
     * @param items the input, in order; {@code null} elements fail individually
     * @return one result per item, in input order
     */
    public CompletableFuture<BulkResult<T>> runAsync(List<? extends I> items) {
      try {
        @SuppressWarnings("unchecked")
        BulkItem<T>[] checked = new BulkItem[items == null ? 0 : items.size()];
        List<Object> prepared = prepareAll(items, checked);
        AtomicReferenceArray<BulkItem<T>> results = new AtomicReferenceArray<>(checked);
        List<Supplier<CompletableFuture<Boolean>>> tasks = new ArrayList<>();
        route(prepared, checked, batchAsync != null, singleAsync != null,
            (index, p) -> tasks.add(() -> startSingle(index, p, results)),
            indexes -> tasks.add(() -> startBatch(indexes, prepared, results)));
        CompletableFuture<BulkResult<Boolean>> inner = dev.polylink.core.internal.AsyncBulk.run(
            providerId, operation, tasks, task -> { }, Supplier::get, concurrency);
        CompletableFuture<BulkResult<T>> out = new CompletableFuture<>();
        inner.whenComplete((ignored, error) -> {
          if (error != null) {
            out.completeExceptionally(HttpTransport.unwrap(error));
            return;
          }
          List<BulkItem<T>> list = new ArrayList<>(results.length());
          for (int i = 0; i < results.length(); i++) {
            BulkItem<T> item = results.get(i);
            if (item == null) {
              // Unreachable: prepareAll fills the invalid items and route puts every other one in
              // exactly one task; inner completes normally only after every task started and its
              // future completed, and track completes a task's future normally only after recording
              // all its items. Its future fails otherwise (a bug: inner fails), and AsyncBulk takes
              // a failure for an item's own only when it is a PolylinkException (track never fails
              // with one) or a cancellation (track records a cancelled call; AsyncBulk cancels a task
              // only once inner is done; a CancellationException thrown while starting a call is a
              // bug in AsyncBulk.start). A result completed with a hole would hide that bug.
              out.completeExceptionally(new IllegalStateException("bug: item " + i + " has no result"));
              return;
            }
            list.add(item);
          }
          out.complete(BulkResult.of(list));
        });
        out.whenComplete((ignored, error) -> {
          if (out.isCancelled()) {
            inner.cancel(true);
          }
        });
        return out;
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private CompletableFuture<Boolean> startSingle(int index, P p, AtomicReferenceArray<BulkItem<T>> results) {
      return track(() -> singleAsync.apply(p), (value, failure) -> results.set(index, failure != null
          ? BulkItem.failure(index, failure)
          : BulkItem.success(index, Objects.requireNonNull(value, "singleAsync returned null"))));
    }

    private CompletableFuture<Boolean> startBatch(
        List<Integer> indexes, List<Object> prepared, AtomicReferenceArray<BulkItem<T>> results) {
      List<P> batchItems = batchItems(indexes, prepared);
      String label = label(indexes);
      Answer<T> answer = new Answer<>(indexes.size());
      return track(() -> batchAsync.send(batchItems, answer), (ignored, failure) -> {
        for (int position = 0; position < indexes.size(); position++) {
          int index = indexes.get(position);
          results.set(index, failure != null
              ? BulkItem.failure(index, failure)
              : answer.item(index, position, providerId, operation, label));
        }
      });
    }

    /**
     * Starts one request and records its outcome when it ends; the returned future completes after
     * the recording (exceptionally on a bug), and cancelling it cancels the request.
     */
    private <V> CompletableFuture<Boolean> track(
        Supplier<? extends CompletableFuture<? extends V>> start, java.util.function.BiConsumer<V, PolylinkException> record) {
      CompletableFuture<? extends V> call;
      try {
        call = Objects.requireNonNull(start.get(), "the asynchronous call returned null");
      } catch (PolylinkException e) {
        call = CompletableFuture.failedFuture(e);
      }
      CompletableFuture<Boolean> done = new CompletableFuture<>();
      call.whenComplete((value, error) -> {
        Throwable cause = HttpTransport.unwrap(error);
        try {
          if (cause == null) {
            record.accept(value, null);
          } else if (cause instanceof PolylinkException) {
            record.accept(null, (PolylinkException) cause);
          } else if (cause instanceof java.util.concurrent.CancellationException) {
            record.accept(null, new TransportException(providerId, operation,
                "the request was cancelled; whether the vendor processed it is unknown", null, true));
          } else {
            done.completeExceptionally(cause);
            return;
          }
          done.complete(Boolean.TRUE); // AsyncBulk records a value per task: never null
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
      });
      CompletableFuture<? extends V> started = call;
      done.whenComplete((ignored, error) -> {
        if (done.isCancelled()) {
          started.cancel(true);
        }
      });
      return done;
    }

    /** Runs {@link #prepare} over every item; failures go to {@code results}, the rest are returned by index. */
    private List<Object> prepareAll(List<? extends I> items, BulkItem<T>[] results) {
      Objects.requireNonNull(items, "items");
      if (prepare == null) {
        throw new IllegalStateException("prepare: required");
      }
      int n = items.size();
      List<Object> prepared = new ArrayList<>(Arrays.asList(new Object[n]));
      for (int i = 0; i < n; i++) {
        I item = items.get(i);
        try {
          if (item == null) {
            throw Checks.invalid(providerId, List.of("items[" + i + "]: must not be null"));
          }
          prepared.set(i, Objects.requireNonNull(prepare.apply(item), "prepare returned null"));
        } catch (PolylinkException e) {
          results[i] = BulkItem.failure(i, e);
        }
      }
      return prepared;
    }

    /** Routes the valid items: one call of {@code single} per lone item, of {@code batch} per batch. */
    private void route(List<Object> prepared, BulkItem<T>[] results, boolean hasBatch, boolean hasSingle,
        java.util.function.BiConsumer<Integer, P> single, java.util.function.Consumer<List<Integer>> batch) {
      BulkSupport support = hasBatch ? capabilities.bulk(operation).orElse(null) : null;
      Map<Object, List<Integer>> groups = new LinkedHashMap<>();
      for (int i = 0; i < results.length; i++) {
        if (results[i] != null) {
          continue;
        }
        @SuppressWarnings("unchecked")
        P p = (P) prepared.get(i);
        Object key = support == null ? null : groupBy.apply(p);
        if (key == null) {
          if (!hasSingle) {
            throw new IllegalStateException("single: required for an item the bulk endpoint cannot take");
          }
          single.accept(i, p);
        } else {
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
      }
      for (List<Integer> group : groups.values()) {
        for (int from = 0; from < group.size(); from += support.maxBatchSize()) {
          batch.accept(List.copyOf(group.subList(from, Math.min(group.size(), from + support.maxBatchSize()))));
        }
      }
    }

    private List<P> batchItems(List<Integer> indexes, List<Object> prepared) {
      List<P> batchItems = new ArrayList<>(indexes.size());
      for (int index : indexes) {
        @SuppressWarnings("unchecked")
        P p = (P) prepared.get(index);
        batchItems.add(p);
      }
      return List.copyOf(batchItems);
    }

    private static String label(List<Integer> indexes) {
      return indexes.size() + " item(s), input indexes " + indexes.get(0) + " to " + indexes.get(indexes.size() - 1);
    }

    private void sendBatch(List<Integer> indexes, List<Object> prepared, BulkItem<T>[] results) {
      List<P> batchItems = batchItems(indexes, prepared);
      String label = label(indexes);
      Answer<T> answer = new Answer<>(indexes.size());
      try {
        batch.send(batchItems, answer);
      } catch (PolylinkException e) {
        for (int index : indexes) {
          results[index] = BulkItem.failure(index, e);
        }
        return;
      }
      for (int position = 0; position < indexes.size(); position++) {
        int index = indexes.get(position);
        results[index] = answer.item(index, position, providerId, operation, label);
      }
    }

    private void execute(List<Task> tasks, BulkItem<T>[] results) {
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean stopped = new AtomicBoolean();
      ConcurrentLinkedQueue<Throwable> bugs = new ConcurrentLinkedQueue<>();
      Runnable worker = () -> {
        for (int t = next.getAndIncrement(); t < tasks.size(); t = next.getAndIncrement()) {
          Task task = tasks.get(t);
          if (stopped.get() || Thread.currentThread().isInterrupted()) {
            stopped.set(true);
            for (int index : task.indexes) {
              results[index] = BulkItem.failure(index, new TransportException(providerId, operation,
                  "the bulk operation was interrupted before this item was sent", null, false));
            }
            continue;
          }
          try {
            task.body.run();
          } catch (Throwable e) { // a bug, or a checked exception thrown sneakily: the call may have been sent
            bugs.add(e);
            stopped.set(true);
          }
        }
      };
      int workers = Math.min(concurrency, tasks.size());
      List<Thread> threads = new ArrayList<>();
      for (int w = 1; w < workers; w++) {
        Thread thread = new Thread(worker, "polylink-bulk-" + providerId + "-" + w);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      boolean interrupted = false;
      worker.run();
      if (Thread.currentThread().isInterrupted()) {
        interrupted = true;
        stopped.set(true);
        threads.forEach(Thread::interrupt);
      }
      for (Thread thread : threads) {
        while (true) {
          try {
            thread.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
            stopped.set(true);
            threads.forEach(Thread::interrupt);
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      // Every task either filled its items or threw; a task that threw may have sent its request, so
      // its items cannot honestly be called "not sent": the bug surfaces as it is, as on one thread.
      Throwable bug = bugs.peek();
      if (bug instanceof RuntimeException) {
        throw (RuntimeException) bug;
      }
      if (bug instanceof Error) {
        throw (Error) bug;
      }
      if (bug != null) {
        throw new java.lang.reflect.UndeclaredThrowableException(bug);
      }
    }
  }

  private static final class Task {
    final List<Integer> indexes;
    final Runnable body;

    Task(List<Integer> indexes, Runnable body) {
      this.indexes = indexes;
      this.body = body;
    }
  }
}
