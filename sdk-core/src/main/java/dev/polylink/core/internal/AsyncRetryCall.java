package dev.polylink.core.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;

/**
 * The call Retrofit runs: {@link #execute()} is the blocking path ({@link RetryInterceptor#execute}
 * runs every attempt on the caller's thread), {@link #enqueue} the
 * non-blocking one. The latter runs the same {@link RetryInterceptor.Run} decisions, but each
 * attempt is an OkHttp {@code enqueue} on the inner client and every wait (backoff, {@code
 * Retry-After}, the rate-limit budget) is a task on the client's scheduler: no thread sleeps or
 * blocks while an operation waits. {@link #cancel()} cancels the attempt in flight (OkHttp closes
 * its connection) or the pending wait, and no further attempt starts.
 *
 * <p>The callback runs on OkHttp's dispatcher thread (an answer) or the scheduler's (a wait that
 * ended in a failure, such as a deadline), or on the caller's when the call fails before its first
 * attempt (a used-up quota, a budget wait past the deadline), always with the operation's {@link
 * AsyncScope} current.
 */
final class AsyncRetryCall implements Call {
  private final Request request;
  private final OkHttpClient outer;
  private final RetryInterceptor retry;
  private final Supplier<ScheduledExecutorService> scheduler;
  private final AtomicBoolean executed = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  /** The call's tags, made at the first use (Retrofit and this SDK use none: not per call). */
  private Map<Class<?>, Object> tags;
  private volatile boolean canceled;
  private volatile Call current;
  private volatile ScheduledFuture<?> pendingWait;
  private AsyncScope scope;
  private RetryInterceptor.Run run;
  private Callback callback;

  AsyncRetryCall(Request request, OkHttpClient outer, RetryInterceptor retry, Supplier<ScheduledExecutorService> scheduler) {
    this.request = request;
    this.outer = outer;
    this.retry = retry;
    this.scheduler = scheduler;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response execute() throws IOException {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("Already Executed");
    }
    // The attempts run on the caller's thread straight from here (RetryInterceptor.execute), not in
    // an outer OkHttp call whose only interceptor would run them; as that call did, a call
    // cancelled by the time they end discards the response.
    Response response = retry.execute(request, () -> canceled);
    if (canceled) {
      response.close();
      throw new IOException("Canceled");
    }
    return response;
  }

  @Override
  public void enqueue(Callback responseCallback) {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("Already Executed");
    }
    this.callback = responseCallback;
    this.scope = AsyncScope.current();
    this.run = retry.asyncRun(request);
    step();
  }

  /** Begins the next attempt: the deadline, the rate-limit budget (waited on the scheduler), the call. */
  private void step() {
    if (canceled) {
      fail(new IOException("Canceled"));
      return;
    }
    Duration paceWait;
    try {
      paceWait = run.start();
    } catch (IOException e) {
      fail(e);
      return;
    }
    if (paceWait == null) {
      attempt();
    } else {
      later(paceWait, this::attempt);
    }
  }

  private void attempt() {
    if (canceled) {
      fail(new IOException("Canceled"));
      return;
    }
    Call call = run.newCall();
    current = call;
    if (canceled) {
      call.cancel();
    }
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        within(() -> answered(c, response));
      }

      @Override
      public void onFailure(Call c, IOException e) {
        within(() -> {
          retry.attemptEnded();
          ioFailure(run.attemptFailed(e));
        });
      }
    });
  }

  private void answered(Call call, Response response) {
    try {
      Response complete;
      try {
        complete = run.received(response, call);
      } catch (RetryInterceptor.BodyTooLarge e) {
        retry.attemptEnded();
        fail(run.tooLarge(e));
        return;
      } catch (IOException e) {
        retry.attemptEnded();
        ioFailure(run.attemptFailed(e));
        return;
      }
      if (complete != null) {
        retry.attemptEnded();
        succeed(complete);
        return;
      }
      Duration wait;
      try {
        wait = run.errorAnswer(response, call);
      } catch (IOException e) {
        fail(e);
        return;
      }
      later(wait, this::step);
    } catch (RuntimeException e) {
      run.attemptOver();
      fail(new IOException(e));
    }
  }

  private void ioFailure(IOException e) {
    Duration wait;
    try {
      wait = run.ioFailure(e, canceled);
    } catch (IOException failure) {
      fail(failure);
      return;
    }
    later(wait, this::step);
  }

  /** Runs {@code next} after {@code wait} on the scheduler; the wait counts against the deadline. */
  private void later(Duration wait, Runnable next) {
    long scheduledAt = System.nanoTime();
    Runnable task = () -> within(() -> {
      pendingWait = null;
      run.deadline.waited(wait, System.nanoTime() - scheduledAt);
      next.run();
    });
    try {
      pendingWait = scheduler.get().schedule(task, Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      fail(new TransportFailure("the client was closed while the call waited to retry", e, run.uncertain, run.lastAnswer));
      return;
    }
    if (canceled) {
      ScheduledFuture<?> pending = pendingWait;
      if (pending != null && pending.cancel(false)) {
        fail(new IOException("Canceled"));
      }
    }
  }

  private void within(Runnable body) {
    if (scope == null) {
      body.run();
    } else {
      scope.run(body);
    }
  }

  private void succeed(Response response) {
    if (finished.compareAndSet(false, true)) {
      try {
        callback.onResponse(this, response);
      } catch (IOException e) {
        callback.onFailure(this, e);
      }
    } else {
      response.close();
    }
  }

  private void fail(IOException e) {
    if (finished.compareAndSet(false, true)) {
      callback.onFailure(this, e);
    }
  }

  @Override
  public void cancel() {
    canceled = true;
    Call call = current;
    if (call != null) {
      call.cancel();
    }
    ScheduledFuture<?> pending = pendingWait;
    if (pending != null && pending.cancel(false)) {
      within(() -> fail(new IOException("Canceled")));
    }
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  private synchronized Map<Class<?>, Object> tags() {
    if (tags == null) {
      tags = new ConcurrentHashMap<>();
    }
    return tags;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T tag(Class<? extends T> type) {
    return (T) tags().get(type);
  }

  @Override
  public <T> T tag(KClass<T> type) {
    return tag(JvmClassMappingKt.getJavaClass(type));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
    return (T) tags().computeIfAbsent(type, t -> computeIfAbsent.invoke());
  }

  @Override
  public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
    return tag(JvmClassMappingKt.getJavaClass(type), computeIfAbsent);
  }

  @Override
  public Call clone() {
    return new AsyncRetryCall(request, outer, retry, scheduler);
  }

  /** Makes these calls for Retrofit. */
  static final class Factory implements Call.Factory {
    private final OkHttpClient outer;
    private final RetryInterceptor retry;
    private final Supplier<ScheduledExecutorService> scheduler;

    Factory(OkHttpClient outer, Supplier<ScheduledExecutorService> scheduler) {
      this.outer = outer;
      this.retry = outer.interceptors().stream()
          .filter(RetryInterceptor.class::isInstance).map(RetryInterceptor.class::cast)
          .findFirst().orElseThrow(() -> new IllegalArgumentException("not a client of OkHttpFactory"));
      this.scheduler = scheduler;
    }

    @Override
    public Call newCall(Request request) {
      return new AsyncRetryCall(request, outer, retry, scheduler);
    }
  }
}
