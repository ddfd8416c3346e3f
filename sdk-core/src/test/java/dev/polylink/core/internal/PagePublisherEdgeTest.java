package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How a {@link PagePublisher} subscription ends on a failed page read or a vendor that repeats its
 * cursor: the subscriber sees the read's own exception once, and nothing after it however much more
 * it asks for. The pages are futures already complete, so every signal arrives on the test's thread.
 */
class PagePublisherEdgeTest {
  /** Records every signal; asks for {@code initial} items on subscribe. */
  private static final class Recorder implements Flow.Subscriber<String> {
    final List<String> items = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    int completions;
    Flow.Subscription subscription;
    private final long initial;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(initial);
    }

    @Override
    public void onNext(String item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable error) {
      errors.add(error);
    }

    @Override
    public void onComplete() {
      completions++;
    }
  }

  private static Recorder subscribe(Function<ListLinksRequest, CompletableFuture<Page<String>>> fetch) {
    Recorder recorder = new Recorder(10);
    new PagePublisher<>("fake", ListLinksRequest.defaults(), fetch).subscribe(recorder);
    return recorder;
  }

  private static Throwable onlyError(Recorder recorder) {
    recorder.subscription.request(5); // more demand after the end signals nothing more
    assertEquals(1, recorder.errors.size(), "one onError: " + recorder.errors);
    assertEquals(0, recorder.completions);
    return recorder.errors.get(0);
  }

  @Test
  void aFailedReadEndsTheSubscriptionWithTheReadsOwnException() {
    UncheckedIOException cause = new UncheckedIOException(new java.io.IOException("reset"));
    Recorder recorder = subscribe(request -> CompletableFuture.failedFuture(cause));
    assertSame(cause, onlyError(recorder));
  }

  @Test
  void nestedCompletionExceptionsAreUnwrappedToTheCause() {
    IllegalStateException cause = new IllegalStateException("inner");
    Recorder recorder = subscribe(
        request -> CompletableFuture.failedFuture(new CompletionException(new CompletionException(cause))));
    assertSame(cause, onlyError(recorder));
  }

  @Test
  void aCompletionExceptionWithoutACauseIsItselfTheError() {
    CompletionException bare = new CompletionException("no cause", null);
    Recorder recorder = subscribe(request -> CompletableFuture.failedFuture(bare));
    assertSame(bare, onlyError(recorder));
  }

  @Test
  void aCancelledReadEndsTheSubscriptionWithTheCancellation() {
    Recorder recorder = subscribe(request -> {
      CompletableFuture<Page<String>> read = new CompletableFuture<>();
      read.cancel(true);
      return read;
    });
    assertInstanceOf(CancellationException.class, onlyError(recorder));
  }

  @Test
  void aVendorRepeatingItsCursorEndsTheSubscriptionAfterThePageBefore() {
    Recorder recorder = subscribe(request -> CompletableFuture.completedFuture(request.cursor().isEmpty()
        ? Page.of(List.of("a", "b"), Optional.of("c1"), OptionalLong.empty())
        : Page.of(List.of("c"), Optional.of("c1"), OptionalLong.empty())));
    Throwable error = onlyError(recorder);
    assertInstanceOf(TransportException.class, error);
    assertTrue(error.getMessage().contains("'c1'"), error.getMessage());
    assertEquals(List.of("a", "b"), recorder.items, "the repeated page's items are not delivered");
  }
}
