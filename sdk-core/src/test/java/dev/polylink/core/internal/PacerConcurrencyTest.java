package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Pacer} shared by threads: its compare-and-set loses no slot, takes none twice, and loses
 * no concurrent change. The clock is frozen, so a serial run's waits are known exactly, and yields
 * on every reading: a reservation reads the clock between reading the state and replacing it, so
 * other threads get in there and compare-and-sets fail and retry.
 */
class PacerConcurrencyTest {
  private static final long FOREVER = Long.MAX_VALUE;
  private static final int THREADS = 8;

  /** A frozen clock that yields the thread on every reading. */
  static final class YieldingClock extends PacerTest.FakeClock {
    @Override
    public Instant instant() {
      Thread.yield();
      return super.instant();
    }
  }

  /** A task of one test thread. */
  private interface Task {
    void run(int thread) throws Exception;
  }

  /** Runs {@code task} on {@code threads} threads started together; rethrows the first failure. */
  private static void together(int threads, Task task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
          task.run(thread);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      th.start();
      running.add(th);
    }
    for (Thread th : running) {
      th.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  /** Each thread's waits, {@code perThread} reservations each, {@code [thread][i]}. */
  private static long[][] reserveTogether(Pacer pacer, int perThread) throws Exception {
    long[][] waits = new long[THREADS][perThread];
    together(THREADS, thread -> {
      for (int i = 0; i < perThread; i++) {
        waits[thread][i] = pacer.reserve(FOREVER);
      }
    });
    return waits;
  }

  /** All the waits sorted; and each thread's own in the order it took them, which must increase. */
  private static long[] sortedCheckingEachThreadsOrder(long[][] waits) {
    for (long[] own : waits) {
      for (int i = 1; i < own.length; i++) {
        int at = i;
        assertTrue(own[i] > own[i - 1],
            () -> "a thread's later reservation waits longer: " + own[at - 1] + " then " + own[at]);
      }
    }
    long[] all = Arrays.stream(waits).flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  @Test
  void threadsReservingTogetherTakeEverySlotOnceAsASerialRunDoes() throws Exception {
    int perThread = 250;
    Pacer pacer = Pacer.fixed(new YieldingClock(), 1000, Duration.ofSeconds(1));
    long[] all = sortedCheckingEachThreadsOrder(reserveTogether(pacer, perThread));
    long[] expected = new long[THREADS * perThread];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = i * 1_000_000L; // 0, 1 ms, 2 ms, ...: no slot lost, none taken twice
    }
    assertArrayEquals(expected, all);
    assertEquals(expected.length * 1_000_000L, pacer.reserve(FOREVER), "the next slot follows the last taken");
  }

  @Test
  void threadsReservingTogetherInTwoWindowsWithABurstWaitAsASerialRunDoes() throws Exception {
    int perThread = 40;
    List<Pacer.DocumentedLimit> windows = List.of(
        new Pacer.DocumentedLimit("1m", 600, Duration.ofMinutes(1), 5),
        new Pacer.DocumentedLimit("1h", 10_000, Duration.ofHours(1), 100));
    Pacer serial = Pacer.adaptive(new YieldingClock());
    serial.seed(windows);
    long[] expected = new long[THREADS * perThread];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = serial.reserve(FOREVER);
    }
    assertEquals(0, expected[4], "the burst of five starts at once");
    assertTrue(expected[expected.length - 1] > expected[expected.length - 2], "later slots are spaced");

    Pacer shared = Pacer.adaptive(new YieldingClock());
    shared.seed(windows);
    long[][] waits = reserveTogether(shared, perThread);
    long[] all = Arrays.stream(waits).flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    assertArrayEquals(expected, all);
    assertEquals(serial.reserve(FOREVER), shared.reserve(FOREVER));
  }

  @Test
  void aThrottleAndAPauseDuringReservationsAreNotLost() throws Exception {
    int reservers = 4;
    int perThread = 50;
    // Beyond every slot the reservations take (200 at most 30 ms apart): a lost pause, and the
    // next start is sooner.
    long pause = Duration.ofSeconds(10).toNanos();
    for (int round = 0; round < 20; round++) {
      Pacer pacer = Pacer.adaptive(new YieldingClock());
      pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
      AtomicInteger reserved = new AtomicInteger();
      together(reservers + 1, thread -> {
        if (thread == reservers) {
          while (reserved.get() < reservers * perThread / 4) {
            Thread.onSpinWait(); // until the reservations are under way
          }
          pacer.throttled();
          pacer.pauseUntil(Duration.ofNanos(pause));
          return;
        }
        for (int i = 0; i < perThread; i++) {
          pacer.reserve(FOREVER);
          reserved.incrementAndGet();
        }
      });
      int r = round;
      assertEquals(49 * Pacer.BETA, pacer.ratePerSecond(), 0.01, () -> "round " + r + ": the throttle was lost");
      long next = pacer.reserve(FOREVER);
      assertTrue(next >= pause, () -> "round " + r + ": the pause was lost, next start in " + next);
    }
  }
}
