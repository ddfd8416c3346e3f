package dev.polylink.core.internal;

import dev.polylink.core.LinkClientListener;
import dev.polylink.core.LinkClientListener.AttemptFinished;
import dev.polylink.core.LinkClientListener.AttemptStarted;
import dev.polylink.core.LinkClientListener.OperationFinished;
import dev.polylink.core.LinkClientListener.OperationStarted;
import dev.polylink.core.LinkClientListener.RateLimitRead;
import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.LinkClientListener.RetryScheduled;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;

/**
 * Tells a client's listeners (the SLF4J {@link LoggingListener} first, then the user's, in order)
 * about its operations and attempts. The current operation is tracked per thread: a client call runs
 * on the caller's thread, and OkHttp runs a synchronous call's interceptors on it too. A listener
 * that throws is logged at DEBUG and skipped.
 */
public final class EventDispatcher implements AttemptObserver {
  private static final Logger LOG = Logging.logger(Logging.CLIENT_LOGGER);

  private final String provider;
  private final List<LinkClientListener> listeners;
  private final boolean userListeners;
  private final boolean wireLog;
  private final ThreadLocal<Scope> current = new ThreadLocal<>();

  /**
   * A dispatcher for one client.
   *
   * @param provider the provider id
   * @param listeners the user's listeners, told in this order after the logging listener
   * @param wireLog whether to add the redacted TRACE wire log
   */
  public EventDispatcher(String provider, List<LinkClientListener> listeners, boolean wireLog) {
    this.provider = Objects.requireNonNull(provider, "provider");
    List<LinkClientListener> all = new ArrayList<>();
    all.add(new LoggingListener());
    all.addAll(listeners);
    this.listeners = List.copyOf(all);
    this.userListeners = !listeners.isEmpty();
    this.wireLog = wireLog;
  }

  /**
   * The redacted wire-log interceptor, when switched on.
   *
   * @return the interceptor, or empty
   */
  public Optional<Interceptor> wireLog() {
    return wireLog ? Optional.of(new WireLogInterceptor()) : Optional.empty();
  }

  /**
   * Runs one operation, telling listeners when it starts and ends. Nested calls on the same thread
   * (an operation that runs another through the transport) belong to the outer operation. With no
   * listener of the user's and DEBUG off, nothing is tracked at all.
   *
   * @param <T> the result type
   * @param operation the operation
   * @param body the operation's work
   * @return what {@code body} returns
   */
  public <T> T operation(Operation operation, Supplier<T> body) {
    if (current.get() != null || !(userListeners || LOG.isDebugEnabled())) {
      return body.get();
    }
    Scope scope = new Scope(operation);
    current.set(scope);
    try {
      fire(l -> l.operationStarted(new OperationStarted(provider, operation, false, scope.id)));
      T result = body.get();
      finish(scope, null);
      return result;
    } catch (Throwable e) { // unchecked, or a checked exception OkHttp or Retrofit sneaky-threw
      finish(scope, e);
      throw e;
    } finally {
      current.remove();
    }
  }

  // ---- async: an operation whose work runs on other threads (lane/async) ----

  /**
   * Starts an asynchronous operation: tells listeners it started and returns its scope, which the
   * threads that do its work {@link #enter} while they do it; null when nothing is tracked (no
   * listener of the user's and DEBUG off).
   *
   * @param operation the operation
   * @return the scope, or null
   */
  public Scope begin(Operation operation) {
    if (!(userListeners || LOG.isDebugEnabled())) {
      return null;
    }
    Scope scope = new Scope(operation, true);
    fire(l -> l.operationStarted(new OperationStarted(provider, operation, true, scope.id)));
    return scope;
  }

  /**
   * Makes {@code scope} the current operation of this thread, so that the attempts and rate-limit
   * reads of the work that follows belong to it.
   *
   * @param scope the scope from {@link #begin}, or null for none
   * @return the scope that was current before, for {@link #restore}
   */
  public Scope enter(Scope scope) {
    Scope previous = current.get();
    if (scope == null) {
      current.remove();
    } else {
      current.set(scope);
    }
    return previous;
  }

  /**
   * Makes {@code previous} the current operation again, as it was before {@link #enter}.
   *
   * @param previous what {@link #enter} returned
   */
  public void restore(Scope previous) {
    if (previous == null) {
      current.remove();
    } else {
      current.set(previous);
    }
  }

  /**
   * Ends an asynchronous operation: tells listeners its outcome.
   *
   * @param scope the scope from {@link #begin}; null does nothing
   * @param failure the failure, or null for success
   */
  public void end(Scope scope, Throwable failure) {
    if (scope != null) {
      finish(scope, failure);
    }
  }

  // ---- end async ----

  /**
   * A rate-limit state was read during the current operation.
   *
   * @param status the state
   */
  public void rateLimitRead(RateLimitStatus status) {
    Scope scope = current.get();
    if (scope != null && !status.isEmpty()) {
      fire(l -> l.rateLimitRead(new RateLimitRead(provider, scope.operation, status)));
    }
  }

  @Override
  public void rateLimitWaiting(int attempt, Duration wait) {
    Scope scope = current.get();
    if (scope != null) {
      fire(l -> l.rateLimitWait(new LinkClientListener.RateLimitWait(provider, scope.operation, attempt, wait)));
    }
  }

  @Override
  public Attempt started(Request request, int attempt) {
    Scope scope = current.get();
    if (scope == null) {
      return Attempt.NONE;
    }
    scope.attempts++;
    ObservedAttempt observed = new ObservedAttempt(scope, request.method(), PathTemplates.of(request), attempt);
    fire(l -> l.attemptStarted(
        new AttemptStarted(provider, scope.operation, observed.method, observed.template, attempt)));
    return observed;
  }

  private void finish(Scope scope, Throwable failure) {
    Duration duration = Duration.ofNanos(System.nanoTime() - scope.startNanos);
    OperationFinished event =
        new OperationFinished(provider, scope.operation, duration, scope.attempts, scope.retries, Optional.ofNullable(failure),
            scope.asynchronous, scope.id);
    fire(l -> l.operationFinished(event));
  }

  private void fire(Consumer<LinkClientListener> event) {
    for (LinkClientListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        // A listener never breaks a call.
        LOG.debug("polylink {}: listener {} threw; ignored", provider, listener.getClass().getName(), e);
      }
    }
  }

  /** The operation running on a thread (an asynchronous one runs on several, one at a time). */
  public static final class Scope {
    /** The source of {@link #id}: one counter for every client of the JVM. */
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    final Operation operation;
    final boolean asynchronous;
    /** The operation's number in its listener events (only made when listeners are told). */
    final long id = IDS.incrementAndGet();
    final long startNanos = System.nanoTime();
    int attempts;
    int retries;

    Scope(Operation operation) {
      this(operation, false);
    }

    Scope(Operation operation, boolean asynchronous) {
      this.operation = operation;
      this.asynchronous = asynchronous;
    }
  }

  private final class ObservedAttempt implements Attempt {
    final Scope scope;
    final String method;
    final String template;
    final int attempt;
    final long startNanos = System.nanoTime();
    OptionalInt status = OptionalInt.empty();

    ObservedAttempt(Scope scope, String method, String template, int attempt) {
      this.scope = scope;
      this.method = method;
      this.template = template;
      this.attempt = attempt;
    }

    @Override
    public void succeeded(Response response) {
      status = OptionalInt.of(response.code());
      finished(Optional.empty(), RequestIds.fromHeaders(response), false, Optional.empty());
    }

    @Override
    public void failed(ApiFailure failure) {
      status = OptionalInt.of(failure.statusCode());
      finished(failure.error().errorCode(), failure.error().requestId(), failure.error().quotaExhausted(), Optional.empty());
    }

    @Override
    public void failed(IOException failure) {
      finished(Optional.empty(), Optional.empty(), false, Optional.of(failure));
    }

    @Override
    public void retrying(RetryReason reason, Duration wait, boolean retryAfter) {
      scope.retries++;
      RetryScheduled event =
          new RetryScheduled(provider, scope.operation, method, template, attempt, reason, status, wait, retryAfter);
      fire(l -> l.retryScheduled(event));
    }

    private void finished(
        Optional<String> code, Optional<String> requestId, boolean quotaExhausted, Optional<IOException> failure) {
      Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
      AttemptFinished event =
          new AttemptFinished(
              provider, scope.operation, method, template, attempt, status, code, requestId, quotaExhausted, duration, failure);
      fire(l -> l.attemptFinished(event));
    }
  }
}
