package dev.polylink.core.internal;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Lazy, demand-driven cursor pagination without blocking, the machinery behind {@code
 * AsyncLinkClient.listAll}, as the AWS SDK v2's asynchronous paginators: each subscription reads
 * its own pages from the first request on, a page only when the subscriber has asked for more items
 * than the pages read so far hold, and never a page ahead. It follows {@link Page#nextCursor()}
 * until it is empty, as {@link LazyPages} does (whose same-cursor rule it shares), and then
 * completes. A failed page read ends the subscription with the read's exception itself through
 * {@code onError}. {@link Flow.Subscription#cancel()} cancels the page read in flight (its future,
 * and with it the HTTP call) and signals nothing more.
 *
 * <p>Signals are serialized (one drain loop per subscription, entered by whichever thread adds
 * demand, cancels, or completes a page read), so a subscriber that calls {@code request} from
 * {@code onNext} is not re-entered (Reactive Streams rule 3.3). A {@code null} first request fails
 * the subscription with a {@link NullPointerException} at once, without demand; a non-positive
 * {@code request(n)} fails it with an {@link IllegalArgumentException} (rule 3.9). A subscriber
 * whose {@code onNext} throws is considered to have cancelled (rule 2.13).
 *
 * @param <T> the item type
 */
public final class PagePublisher<T> implements Flow.Publisher<T> {
  private final String providerId;
  private final ListLinksRequest first;
  private final Function<ListLinksRequest, CompletableFuture<Page<T>>> fetch;

  /**
   * A publisher of every item from {@code first}'s cursor on.
   *
   * @param providerId the provider, for the exception of a vendor that repeats a cursor
   * @param first the first page's request, or null (each subscription then fails at once)
   * @param fetch reads one page without blocking
   */
  public PagePublisher(
      String providerId, ListLinksRequest first, Function<ListLinksRequest, CompletableFuture<Page<T>>> fetch) {
    this.providerId = Objects.requireNonNull(providerId, "providerId");
    this.first = first;
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    Pages<T> pages = new Pages<>(this, subscriber);
    subscriber.onSubscribe(pages);
    pages.drain();
  }

  private static final class Pages<T> implements Flow.Subscription {
    private final PagePublisher<T> publisher;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile Throwable badRequest;

    // Owned by the drain loop.
    private Flow.Subscriber<? super T> subscriber;
    private Iterator<T> items = Collections.emptyIterator();
    private ListLinksRequest next;
    private CompletableFuture<Page<T>> inFlight;
    private boolean done;

    Pages(PagePublisher<T> publisher, Flow.Subscriber<? super T> subscriber) {
      this.publisher = publisher;
      this.subscriber = subscriber;
      this.next = publisher.first;
      if (next == null) {
        badRequest = new NullPointerException("request");
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException(
            "request(" + n + "): the number of items asked for must be positive (Reactive Streams rule 3.9)");
      } else {
        demand.getAndAccumulate(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        step();
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    /** Signals what can be signalled now; returns when it must wait for demand or a page. */
    private void step() {
      while (!done) {
        if (cancelled) {
          terminate();
          return;
        }
        Throwable bad = badRequest;
        if (bad != null) {
          fail(bad);
          return;
        }
        if (inFlight != null) {
          if (!inFlight.isDone()) {
            return;
          }
          if (!arrived(inFlight)) {
            return;
          }
          inFlight = null;
        } else if (items.hasNext()) {
          if (demand.get() == 0) {
            return;
          }
          T item = items.next();
          try {
            subscriber.onNext(item);
          } catch (RuntimeException e) {
            cancelled = true; // rule 2.13: a subscriber that throws has cancelled
            continue;
          }
          demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1);
        } else if (next == null) {
          Flow.Subscriber<? super T> s = subscriber;
          terminate();
          s.onComplete();
          return;
        } else if (demand.get() == 0) {
          return;
        } else {
          CompletableFuture<Page<T>> read;
          try {
            read = publisher.fetch.apply(next);
          } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
          }
          inFlight = read;
          read.whenComplete((page, error) -> drain());
        }
      }
    }

    /** Takes the page read; false when it failed (the subscriber was told). */
    private boolean arrived(CompletableFuture<Page<T>> read) {
      Page<T> page;
      try {
        page = read.join();
      } catch (RuntimeException e) {
        fail(e instanceof java.util.concurrent.CancellationException ? e : unwrap(e));
        return false;
      }
      ListLinksRequest asked = next;
      if (page.nextCursor().isPresent() && page.nextCursor().equals(asked.cursor())) {
        fail(new TransportException(publisher.providerId, Operation.LIST,
            "the vendor answered cursor '" + page.nextCursor().get()
                + "' with the same cursor again; stopped instead of paging for ever", null));
        return false;
      }
      items = page.items().iterator();
      next = page.nextCursor().map(asked::withCursor).orElse(null);
      return true;
    }

    private void fail(Throwable error) {
      Flow.Subscriber<? super T> s = subscriber;
      terminate();
      s.onError(error);
    }

    /** Drops everything (rule 3.13): the page read in flight is cancelled, the subscriber forgotten. */
    private void terminate() {
      done = true;
      CompletableFuture<Page<T>> read = inFlight;
      inFlight = null;
      if (read != null) {
        read.cancel(true);
      }
      items = Collections.emptyIterator();
      next = null;
      subscriber = null;
    }

    private static Throwable unwrap(Throwable e) {
      Throwable t = e;
      while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
        t = t.getCause();
      }
      return t;
    }
  }
}
