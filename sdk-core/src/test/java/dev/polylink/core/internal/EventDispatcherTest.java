package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClientListener;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's per-thread current operation as an asynchronous operation moves it between
 * threads ({@code enter}/{@code restore}), and the durations it reports, measured from the start.
 */
class EventDispatcherTest {
  private static final RateLimitStatus STATUS =
      RateLimitStatus.builder().limit(60).remaining(59).window("minute").build();

  private static final class Recording implements LinkClientListener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override public void operationStarted(OperationStarted event) { events.add(event); }
    @Override public void rateLimitRead(RateLimitRead event) { events.add(event); }
    @Override public void rateLimitWait(RateLimitWait event) { events.add(event); }
    @Override public void attemptFinished(AttemptFinished event) { events.add(event); }
    @Override public void operationFinished(OperationFinished event) { events.add(event); }
  }

  private final Recording listener = new Recording();
  private final EventDispatcher dispatcher = new EventDispatcher("demo", List.of(listener), false);

  /** The operation of the rate-limit read the dispatcher reports now, or null when none is current. */
  private Operation currentOperation() {
    int before = listener.events.size();
    dispatcher.rateLimitRead(STATUS);
    if (listener.events.size() == before) {
      return null;
    }
    return ((LinkClientListener.RateLimitRead) listener.events.get(before)).operation();
  }

  @Test
  void enterReturnsThePreviousScopeAndRestorePutsItBack() {
    EventDispatcher.Scope create = dispatcher.begin(Operation.CREATE);
    EventDispatcher.Scope delete = dispatcher.begin(Operation.DELETE);
    assertNull(currentOperation());
    assertNull(dispatcher.enter(create));
    assertEquals(Operation.CREATE, currentOperation());
    assertSame(create, dispatcher.enter(delete));
    assertEquals(Operation.DELETE, currentOperation());
    assertSame(delete, dispatcher.enter(null));
    assertNull(currentOperation(), "entering no scope leaves none current");
    dispatcher.restore(create);
    assertEquals(Operation.CREATE, currentOperation());
    dispatcher.restore(null);
    assertNull(currentOperation());
  }

  @Test
  void anAsynchronousOperationIsToldWhenItBeginsAndItsWaitsWhileItIsCurrent() {
    EventDispatcher.Scope scope = dispatcher.begin(Operation.LIST);
    LinkClientListener.OperationStarted started = (LinkClientListener.OperationStarted) listener.events.get(0);
    assertEquals(Operation.LIST, started.operation());
    assertTrue(started.asynchronous());
    dispatcher.rateLimitWaiting(1, Duration.ofSeconds(2));
    assertEquals(1, listener.events.size(), "no wait is told outside the operation");
    EventDispatcher.Scope previous = dispatcher.enter(scope);
    dispatcher.rateLimitWaiting(1, Duration.ofSeconds(2));
    dispatcher.restore(previous);
    assertEquals(new LinkClientListener.RateLimitWait("demo", Operation.LIST, 1, Duration.ofSeconds(2)),
        listener.events.get(1));
    dispatcher.end(scope, null);
    assertTrue(listener.events.get(2) instanceof LinkClientListener.OperationFinished, listener.events.toString());
  }

  @Test
  void aBlockingOperationIsCurrentOnlyWhileItRuns() {
    assertEquals("done", dispatcher.operation(Operation.GET, () -> {
      assertEquals(Operation.GET, currentOperation());
      return "done";
    }));
    assertNull(currentOperation(), "the operation is no longer current once it ended");
    EventDispatcher quiet = new EventDispatcher("demo", List.of(), false);
    assertEquals("untracked", quiet.operation(Operation.GET, () -> "untracked"));
  }

  @Test
  void durationsRunFromTheStartAndNeverExceedTheTimeTaken() {
    long before = System.nanoTime();
    EventDispatcher.Scope scope = dispatcher.begin(Operation.GET);
    EventDispatcher.Scope previous = dispatcher.enter(scope);
    Request request = new Request.Builder().url("http://127.0.0.1:1/api/things/1").build();
    AttemptObserver.Attempt attempt = dispatcher.started(request, 1);
    attempt.succeeded(new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK").build());
    dispatcher.restore(previous);
    dispatcher.end(scope, null);
    long elapsed = System.nanoTime() - before;
    LinkClientListener.AttemptFinished finished = (LinkClientListener.AttemptFinished) listener.events.get(1);
    LinkClientListener.OperationFinished operation = (LinkClientListener.OperationFinished) listener.events.get(2);
    for (Duration d : new Duration[] {finished.duration(), operation.duration()}) {
      assertFalse(d.isNegative(), d::toString);
      assertTrue(d.toNanos() <= elapsed, d + " > " + Duration.ofNanos(elapsed));
    }
    assertEquals(1, operation.attempts());
    assertTrue(finished.succeeded());
  }
}
