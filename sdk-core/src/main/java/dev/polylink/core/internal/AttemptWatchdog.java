package dev.polylink.core.internal;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Bounds each attempt's call by its deadline: when the deadline passes before the attempt ended,
 * the call is cancelled (OkHttp closes its connection, so a blocked read or write fails at once).
 * This is what OkHttp's call timeout does, kept because that timeout is the one per-call cost the
 * benchmark found that a hand-written client does not pay (benchmarks/README.md): entering it puts
 * a node first in Okio's one timeout queue, under Okio's lock, and wakes Okio's watchdog thread on
 * every call (then again for each socket read, whose shorter timeout goes in front of it).
 *
 * <p>Here an attempt's deadline is an entry in a lock-free ordered set, and one daemon thread sleeps
 * until the earliest deadline. An attempt that ends removes its entry; nothing wakes the thread
 * unless a new deadline is earlier than the one it sleeps for, which, with the same attempt timeout
 * for every call, happens only when the operation's deadline is nearer. The thread thus wakes about
 * once per attempt timeout, not once per call, finds the attempts it slept for already ended, and
 * sleeps until the earliest of those still running. When it wakes to find nothing to watch, it
 * waits {@link #IDLE_NANOS} more and ends, as Okio's does (an ended attempt does not wake it, so
 * after the last attempt it lives at most an attempt timeout and that idle time); the next attempt
 * starts a new one.
 *
 * <p>Unlike OkHttp's call timeout, which an asynchronous call enters only when its dispatcher runs
 * it, the deadline counts from the moment the attempt's call is made: a call queued by the
 * dispatcher does not outlive the operation's deadline either.
 */
final class AttemptWatchdog {
  /** How long the thread waits with nothing to watch before it ends: 60 s, as Okio's watchdog. */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** The longest timeout watched (about 73 years): longer ones are that, so no deadline overflows. */
  private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

  /** The watchdog of every client in this JVM. */
  static final AttemptWatchdog SHARED = new AttemptWatchdog(IDLE_NANOS);

  private final long idleNanos;
  /** The running attempts, earliest deadline first. */
  private final ConcurrentSkipListMap<Watch, Boolean> watched = new ConcurrentSkipListMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Thread thread;
  /** When the thread wakes next ({@link System#nanoTime()}); a new earlier deadline wakes it. */
  private volatile long wakeAt;

  AttemptWatchdog(long idleNanos) {
    this.idleNanos = idleNanos;
  }

  /**
   * Watches one attempt.
   *
   * @param call the attempt's call, cancelled when its deadline passes first
   * @param timeoutNanos the time the attempt has from now, positive
   * @return the watch, to be {@linkplain Watch#end() ended} when the attempt ends
   */
  Watch watch(Call call, long timeoutNanos) {
    Watch w = new Watch(call, System.nanoTime() + Math.min(timeoutNanos, MAX_TIMEOUT_NANOS),
        sequence.getAndIncrement());
    watched.put(w, Boolean.TRUE);
    if (!running.get()) {
      if (running.compareAndSet(false, true)) {
        start();
      }
    } else if (w.deadline - wakeAt < 0) {
      LockSupport.unpark(thread);
    }
    return w;
  }

  /** Whether a thread runs; for tests. */
  boolean running() {
    return running.get();
  }

  /** How many attempts are watched; for tests. */
  int size() {
    return watched.size();
  }

  private void start() {
    Thread t = new Thread(this::watchUntilIdle, "Polylink attempt watchdog");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void watchUntilIdle() {
    long idleSince = System.nanoTime();
    while (true) {
      java.util.Map.Entry<Watch, Boolean> head = watched.firstEntry();
      long now = System.nanoTime();
      if (head == null) {
        if (now - idleSince >= idleNanos) {
          // Stop, unless an attempt was added meanwhile and no new thread took it over.
          running.set(false);
          if (watched.isEmpty() || !running.compareAndSet(false, true)) {
            return;
          }
          continue;
        }
        wakeAt = idleSince + idleNanos;
        if (watched.isEmpty()) {
          LockSupport.parkNanos(this, idleSince + idleNanos - now);
        }
        continue;
      }
      idleSince = now;
      Watch first = head.getKey();
      if (first.deadline - now <= 0) {
        if (watched.remove(first) != null) {
          first.expire();
        }
        continue;
      }
      wakeAt = first.deadline;
      // A deadline added before wakeAt was written and earlier than it is first now: look again.
      // One added after it sees wakeAt and unparks this thread, so the park below returns at once.
      java.util.Map.Entry<Watch, Boolean> again = watched.firstEntry();
      if (again != null && again.getKey() == first) {
        LockSupport.parkNanos(this, first.deadline - now);
      }
    }
  }

  /** One watched attempt. */
  final class Watch implements Comparable<Watch> {
    private final Call call;
    final long deadline;
    private final long sequence;
    private volatile boolean expired;

    private Watch(Call call, long deadline, long sequence) {
      this.call = call;
      this.deadline = deadline;
      this.sequence = sequence;
    }

    /** The attempt ended (answered, failed or cancelled): its deadline no longer matters. */
    void end() {
      watched.remove(this);
    }

    /** Whether the deadline passed first and the call was cancelled for it. */
    boolean expired() {
      return expired;
    }

    private void expire() {
      expired = true;
      call.cancel();
    }

    @Override
    public int compareTo(Watch other) {
      int byDeadline = Long.signum(deadline - other.deadline);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(sequence);
    }
  }
}
