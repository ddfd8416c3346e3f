package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Operation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What {@link AsyncScope} makes current, and restores, on the thread that works for it: its own
 * thread-local and the dispatcher's listener scope (read through {@link EventDispatcher#enter},
 * which returns what was current, and put back with {@link EventDispatcher#restore}).
 */
class AsyncScopeTest {
  private final EventDispatcher events = new EventDispatcher("fake", List.of(), false);

  /** {@return the dispatcher's current listener scope on this thread, leaving it as it was} */
  private EventDispatcher.Scope currentEvents() {
    EventDispatcher.Scope current = events.enter(null);
    events.restore(current);
    return current;
  }

  @Test
  void callMakesTheScopeCurrentAndThenRestoresNothing() {
    EventDispatcher.Scope listeners = new EventDispatcher.Scope(Operation.LIST, true);
    AsyncScope scope = new AsyncScope(events, listeners);
    assertSame(listeners, scope.eventScope());
    String result = scope.call(() -> {
      assertSame(scope, AsyncScope.current());
      assertSame(listeners, currentEvents());
      return "done";
    });
    assertEquals("done", result);
    assertNull(AsyncScope.current());
    assertNull(currentEvents());
  }

  @Test
  void aNestedCallRestoresTheOuterScope() {
    EventDispatcher.Scope outerListeners = new EventDispatcher.Scope(Operation.LIST, true);
    AsyncScope outer = new AsyncScope(events, outerListeners);
    AsyncScope inner = new AsyncScope(events, new EventDispatcher.Scope(Operation.GET, true));
    outer.run(() -> {
      inner.run(() -> assertSame(inner, AsyncScope.current()));
      assertSame(outer, AsyncScope.current(), "the outer scope is current again");
      assertSame(outerListeners, currentEvents());
    });
    assertNull(AsyncScope.current());
  }

  @Test
  void outsideRunsWithNoScopeThenRestoresTheScope() {
    EventDispatcher.Scope listeners = new EventDispatcher.Scope(Operation.LIST, true);
    AsyncScope scope = new AsyncScope(events, listeners);
    AtomicInteger ran = new AtomicInteger();
    scope.run(() -> {
      AsyncScope.outside(events, () -> {
        assertNull(AsyncScope.current());
        assertNull(currentEvents());
        ran.incrementAndGet();
      });
      assertSame(scope, AsyncScope.current(), "the scope is current again");
      assertSame(listeners, currentEvents(), "and so are its listeners");
    });
    AsyncScope.outside(events, ran::incrementAndGet);
    assertNull(AsyncScope.current(), "outside of no scope leaves none");
    assertEquals(2, ran.get());
  }

  @Test
  void cancelRunsEachCancellerOnceAndALateOneAtOnce() throws Exception {
    AsyncScope scope = new AsyncScope(events, null);
    List<String> cancelled = new ArrayList<>();
    scope.onCancel(() -> cancelled.add("call"));
    scope.onCancel(() -> cancelled.add("wait"));
    assertFalse(scope.isCancelled());
    assertEquals(List.of(), cancelled);
    scope.cancel();
    assertTrue(scope.isCancelled());
    assertEquals(List.of("call", "wait"), cancelled);
    scope.cancel();
    assertEquals(List.of("call", "wait"), cancelled, "cancelled once");
    scope.onCancel(() -> cancelled.add("late"));
    assertEquals(List.of("call", "wait", "late"), cancelled, "registered after the cancel: run at once");
    Field cancellers = AsyncScope.class.getDeclaredField("cancellers");
    cancellers.setAccessible(true);
    assertEquals(List.of(), cancellers.get(scope), "a cancelled scope holds no canceller (nor the calls they hold)");
  }
}
