package dev.polylink.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>Here one daemon thread watches two tiers, and callers take no lock in either:
 *
 * <ul>
 *   <li>A lock-free FIFO queue of the recent watches, in the order they were made. A watch of a
 *       timeout of at least {@link #QUEUED_MIN_NANOS} is only offered to it (one CAS) and ended by
 *       one CAS of its own state: nothing is removed from a shared ordered structure on this path,
 *       which nearly every attempt takes, since nearly every attempt ends long before its deadline.
 *       (A profile of 64 threads found the ordered set's insert and, above all, its removal at about
 *       1.3 to 1.5 % of a whole call's CPU.)
 *   <li>A lock-free ordered set of deadlines, earliest first: a shorter timeout goes straight into
 *       it, and so does a queued watch that is still running when the thread drains the queue.
 *       Whoever removes an entry first wins: the thread, which expires it, or its end.
 * </ul>
 *
 * <p>The thread sleeps until the earliest of the set's first deadline and, while there are queued
 * watches, {@link #PRUNE_NANOS} after its last drain. A drain takes the queue from its head: an
 * ended watch is dropped; one whose deadline passed is expired; any other moves into the set. So a
 * queued watch is drained within about {@link #PRUNE_NANOS} of being made (at most about twice
 * that when the thread was not draining and slept for a nearer short deadline), long before its
 * deadline (queued timeouts are at least 4 times that), and then expires from the set as precisely
 * as a short one; a thread that comes late, on an overloaded machine, expires whatever it finds
 * past its deadline at once, as before. An ended watch waits for the next drain, about
 * {@link #PRUNE_NANOS}: at 25,000 attempts a second about 600 small objects (an ended watch lets go
 * of its call at once). While watches keep coming the thread drains every {@link #PRUNE_NANOS} on
 * its own; only the first watch after a quiet time wakes it, and a short deadline earlier than the
 * one it sleeps for, as before. When it finds nothing to watch in either tier, it waits
 * {@link #IDLE_NANOS} more and ends, as Okio's does; the next attempt starts a new one.
 *
 * <p>Unlike OkHttp's call timeout, which an asynchronous call enters only when its dispatcher runs
 * it, the deadline counts from the moment the attempt's call is made: a call queued by the
 * dispatcher does not outlive the operation's deadline either.
 */
final class AttemptWatchdog {
  /** How long the thread waits with nothing to watch before it ends: 60 s, as Okio's watchdog. */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** How often the thread drains the queue of recent watches while it holds any: 25 ms. */
  static final long PRUNE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
  /** The shortest timeout that is queued (4 drains); a shorter one goes straight into the set. */
  static final long QUEUED_MIN_NANOS = 4 * PRUNE_NANOS;
  /** The longest timeout watched (about 73 years): longer ones are that, so no deadline overflows. */
  private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

  /** A watch's states. Queued: in the queue only, running; ended or expired by one CAS from it. */
  private static final int QUEUED = 0;
  /** Put straight into the set (a short timeout); its end or expiry is its removal from the set. */
  private static final int LISTED = 1;
  /** Moved from the queue into the set by a drain; from then on as a listed one. */
  private static final int MOVED = 2;
  /** Ended while queued (a listed or moved watch that ends keeps its state and leaves the set). */
  private static final int ENDED = 3;
  /** Its deadline passed first and its call was cancelled. */
  private static final int EXPIRED = 4;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Watch.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The watchdog of every client in this JVM. */
  static final AttemptWatchdog SHARED = new AttemptWatchdog(IDLE_NANOS);

  private final long idleNanos;
  /** The recent watches of long timeouts, in the order they were made; taken only by the thread. */
  private final ConcurrentLinkedQueue<Watch> queue = new ConcurrentLinkedQueue<>();
  /** The running attempts of short timeouts and the moved ones, earliest deadline first. */
  private final ConcurrentSkipListMap<Watch, Boolean> watched = new ConcurrentSkipListMap<>();
  /** Orders equal deadlines in the set; drawn when a watch enters it. */
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Thread thread;
  /** When the thread wakes next ({@link System#nanoTime()}); an earlier need wakes it. */
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
    long now = System.nanoTime();
    long timeout = Math.min(timeoutNanos, MAX_TIMEOUT_NANOS);
    if (timeout >= QUEUED_MIN_NANOS) {
      Watch w = new Watch(call, now, now + timeout, QUEUED);
      // Offer first, then read running and wakeAt: see watchUntilIdle for why none is lost.
      queue.offer(w);
      if (!running.get()) {
        if (running.compareAndSet(false, true)) {
          start();
        }
      } else if (wakeAt - (now + PRUNE_NANOS) > 0) {
        LockSupport.unpark(thread);
      }
      return w;
    }
    Watch w = new Watch(call, now, now + timeout, LISTED);
    w.sequence = sequence.getAndIncrement();
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

  /**
   * How many attempts are watched, neither ended nor expired, in both tiers; for tests (it walks
   * both). A watch being moved counts once: it is in the queue as queued until it is marked moved,
   * and taken from the queue only after that. Any other entry of the set counts, so an ended watch
   * left there would show (one that ended while being moved counts until the drain removes it).
   */
  int size() {
    int n = 0;
    for (Watch w : queue) {
      if (w.state == QUEUED) {
        n++;
      }
    }
    for (Watch w : watched.keySet()) {
      if (w.state != QUEUED) {
        n++;
      }
    }
    return n;
  }

  /** How many watches the queue holds, ended ones too, until the next drain; for tests. */
  int queued() {
    return queue.size();
  }

  private void start() {
    Thread t = new Thread(this::watchUntilIdle, "Polylink attempt watchdog");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /*
   * No watch is lost between the thread's last look and its sleep. The thread writes wakeAt, then
   * looks again at the queue and at the set's first entry, then parks; watch() puts its watch in
   * (offer or put), then reads wakeAt. All of these are volatile or CAS accesses, so in their one
   * order either the thread's second look comes after the put, and it sees the watch and looks
   * once more instead of sleeping, or watch() reads wakeAt after the thread wrote it, and unparks
   * the thread when it would sleep too long for the watch (past its deadline for a listed one,
   * past now + PRUNE_NANOS for a queued one); the unpark of a thread not yet parked makes its park
   * return at once. While the thread drains on its own (ticking), wakeAt is at most the next drain,
   * PRUNE_NANOS after the last one, which a queued watch does not need to be earlier than. The end
   * of an idle thread has the same shape with running: the thread clears it and then looks at both
   * tiers; watch() puts in and then reads it, and starts a thread when it is clear.
   */
  private void watchUntilIdle() {
    long idleSince = System.nanoTime();
    // Whether the thread drains the queue every PRUNE_NANOS: from when it finds the queue holding a
    // watch until a drain that found nothing.
    boolean ticking = false;
    long drainAt = 0;
    while (true) {
      long now = System.nanoTime();
      if (ticking) {
        if (now - drainAt >= 0) {
          ticking = drain(now) || !queue.isEmpty();
          drainAt = now + PRUNE_NANOS;
          continue;
        }
      } else if (!queue.isEmpty()) {
        // The first watch after a quiet time: drained PRUNE_NANOS from now, by when most have ended.
        ticking = true;
        drainAt = now + PRUNE_NANOS;
      }
      Map.Entry<Watch, Boolean> head = watched.firstEntry();
      Watch first = head == null ? null : head.getKey();
      if (first != null && first.deadline - now <= 0) {
        if (watched.remove(first) != null) {
          first.expire();
        }
        continue;
      }
      if (first == null && !ticking) {
        if (now - idleSince >= idleNanos) {
          // Stop, unless an attempt was added meanwhile and no new thread took it over.
          running.set(false);
          if ((queue.isEmpty() && watched.isEmpty()) || !running.compareAndSet(false, true)) {
            return;
          }
          continue;
        }
        wakeAt = idleSince + idleNanos;
        if (queue.isEmpty() && watched.isEmpty()) {
          LockSupport.parkNanos(this, idleSince + idleNanos - now);
        }
        continue;
      }
      idleSince = now;
      long next;
      if (first == null) {
        next = drainAt;
      } else if (ticking && drainAt - first.deadline < 0) {
        next = drainAt;
      } else {
        next = first.deadline;
      }
      wakeAt = next;
      // A watch put in before wakeAt was written is seen now: look again. One put in after it
      // reads wakeAt and unparks this thread if it needs to, so the park below returns at once.
      if (!ticking && !queue.isEmpty()) {
        continue;
      }
      Map.Entry<Watch, Boolean> again = watched.firstEntry();
      if (again == null ? first == null : again.getKey() == first) {
        LockSupport.parkNanos(this, next - now);
      }
    }
  }

  /**
   * Takes the queue from its head up to the first watch made after {@code now} (those stay for the
   * next drain, so a flood of new watches cannot hold the thread here): an ended watch is dropped,
   * one past its deadline expired, any other moved into the set.
   *
   * @return whether it found any watch
   */
  private boolean drain(long now) {
    boolean found = false;
    Watch w;
    // Only this thread takes from the queue, so the head peeked is the one polled.
    while ((w = queue.peek()) != null && w.made - now <= 0) {
      found = true;
      if (w.state == QUEUED) {
        if (w.deadline - now <= 0) {
          if (STATE.compareAndSet(w, QUEUED, EXPIRED)) {
            w.call.cancel();
          }
        } else {
          // In the set before it is marked moved, so an end() that finds it moved finds it there;
          // an end() before the mark wins the CAS, and the watch leaves the set again.
          w.sequence = sequence.getAndIncrement();
          watched.put(w, Boolean.TRUE);
          if (!STATE.compareAndSet(w, QUEUED, MOVED)) {
            watched.remove(w);
          }
        }
      }
      queue.poll();
    }
    return found;
  }

  /** One watched attempt. */
  final class Watch implements Comparable<Watch> {
    /** The call; let go of by the end of a queued watch, which no one cancels afterwards. */
    private Call call;
    private final long made;
    final long deadline;
    /** Orders equal deadlines in the set; drawn when the watch enters it. */
    private long sequence;
    private volatile int state;

    private Watch(Call call, long made, long deadline, int state) {
      this.call = call;
      this.made = made;
      this.deadline = deadline;
      this.state = state;
    }

    /** The attempt ended (answered, failed or cancelled): its deadline no longer matters. */
    void end() {
      int s = state;
      if (s == QUEUED) {
        if (STATE.compareAndSet(this, QUEUED, ENDED)) {
          call = null;
          return;
        }
        s = state;
      }
      if (s == LISTED || s == MOVED) {
        watched.remove(this);
      }
    }

    /** Whether the deadline passed first and the call was cancelled for it. */
    boolean expired() {
      return state == EXPIRED;
    }

    /** Expires a listed or moved watch, which the thread has just removed from the set. */
    private void expire() {
      state = EXPIRED;
      call.cancel();
    }

    @Override
    public int compareTo(Watch other) {
      int byDeadline = Long.signum(deadline - other.deadline);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
  }
}
