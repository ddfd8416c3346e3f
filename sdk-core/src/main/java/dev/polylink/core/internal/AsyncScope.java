package dev.polylink.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One asynchronous operation of a client, from its public method to its future's completion: the
 * listeners' scope of the operation and what cancelling its future cancels (the HTTP call in flight
 * and any pending wait). Its work runs on several threads one after the other (the caller's, OkHttp's
 * dispatcher, the client's scheduler); each makes the scope current while it works ({@link #run}),
 * the way a synchronous operation's scope is the caller thread's, so that a step that starts
 * another exchange (a look-up, a fallback path) joins the same operation.
 */
public final class AsyncScope {
  private static final ThreadLocal<AsyncScope> CURRENT = new ThreadLocal<>();

  private final EventDispatcher events;
  private final EventDispatcher.Scope eventScope;
  private final List<Runnable> cancellers = new ArrayList<>();
  private boolean cancelled;

  /**
   * A scope whose listener events go to {@code events}.
   *
   * @param events the client's dispatcher
   * @param eventScope the listeners' scope from {@link EventDispatcher#begin}, or null
   */
  public AsyncScope(EventDispatcher events, EventDispatcher.Scope eventScope) {
    this.events = events;
    this.eventScope = eventScope;
  }

  /** {@return the scope the current thread works for, or null} */
  public static AsyncScope current() {
    return CURRENT.get();
  }

  /** {@return the listeners' scope, or null when nothing is tracked} */
  public EventDispatcher.Scope eventScope() {
    return eventScope;
  }

  /**
   * Runs {@code body} with this scope current on this thread, then restores what was current.
   *
   * @param <T> the result type
   * @param body the work
   * @return what {@code body} returns
   */
  public <T> T call(Supplier<T> body) {
    AsyncScope previous = CURRENT.get();
    CURRENT.set(this);
    EventDispatcher.Scope previousEvents = events.enter(eventScope);
    try {
      return body.get();
    } finally {
      events.restore(previousEvents);
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * {@link #call} without a result.
   *
   * @param body the work
   */
  public void run(Runnable body) {
    call(() -> {
      body.run();
      return null;
    });
  }

  /**
   * Runs {@code body} with no scope current on this thread (to complete a caller's future, whose
   * dependent stages are the caller's own work), then restores what was current.
   *
   * @param events the client's dispatcher
   * @param body the work
   */
  public static void outside(EventDispatcher events, Runnable body) {
    AsyncScope previous = CURRENT.get();
    CURRENT.remove();
    EventDispatcher.Scope previousEvents = events.enter(null);
    try {
      body.run();
    } finally {
      events.restore(previousEvents);
      if (previous != null) {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * Registers what cancels a step in flight; runs it at once when the operation was cancelled already.
   *
   * @param canceller cancels the step (idempotent)
   */
  public void onCancel(Runnable canceller) {
    synchronized (this) {
      if (!cancelled) {
        cancellers.add(canceller);
        return;
      }
    }
    canceller.run();
  }

  /** {@return whether the operation's future was cancelled} */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The operation's future was cancelled: cancels every registered step. */
  public void cancel() {
    List<Runnable> toCancel;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toCancel = new ArrayList<>(cancellers);
      cancellers.clear();
    }
    toCancel.forEach(Runnable::run);
  }
}
