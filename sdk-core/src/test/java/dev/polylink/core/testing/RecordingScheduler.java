package dev.polylink.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The asynchronous counterpart of {@link RecordingSleeper}: a scheduler (one daemon thread) that
 * records the delay of every task the client schedules (its waits before a retry or for the
 * rate-limit budget) and runs the task at once, so that nothing waits for real. A {@linkplain
 * #manual() manual} one keeps the tasks until {@link #runPending()}, to look at a call while it
 * waits (or cancel it then).
 */
public final class RecordingScheduler extends ScheduledThreadPoolExecutor {
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final boolean manual;
  private final List<Pending> pending = new ArrayList<>();

  private RecordingScheduler(boolean manual) {
    super(1, r -> {
      Thread t = new Thread(r, "recording-scheduler");
      t.setDaemon(true);
      return t;
    });
    this.manual = manual;
    setRemoveOnCancelPolicy(true);
  }

  /** A scheduler that runs every task at once. */
  public RecordingScheduler() {
    this(false);
  }

  /** {@return a scheduler that keeps every task until {@link #runPending()}} */
  public static RecordingScheduler manual() {
    return new RecordingScheduler(true);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    if (!manual) {
      return super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }
    ScheduledFuture<?> future = super.schedule(command, 1, TimeUnit.DAYS);
    synchronized (pending) {
      pending.add(new Pending(command, future));
    }
    return future;
  }

  /** {@return the delays asked for, oldest first} */
  public List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Forgets the delays recorded so far. */
  public void clear() {
    delays.clear();
  }

  /** {@return how many kept tasks are neither run nor cancelled} */
  public int pendingCount() {
    synchronized (pending) {
      return (int) pending.stream().filter(p -> !p.future.isDone()).count();
    }
  }

  /**
   * Runs every kept task that was not cancelled, now, on the scheduler's thread.
   *
   * @return how many were run
   */
  public int runPending() {
    List<Pending> due;
    synchronized (pending) {
      due = new ArrayList<>(pending);
      pending.clear();
    }
    int run = 0;
    for (Pending p : due) {
      if (p.future.cancel(false)) {
        super.schedule(p.command, 0, TimeUnit.NANOSECONDS);
        run++;
      }
    }
    return run;
  }

  private static final class Pending {
    final Runnable command;
    final ScheduledFuture<?> future;

    Pending(Runnable command, ScheduledFuture<?> future) {
      this.command = command;
      this.future = future;
    }
  }
}
