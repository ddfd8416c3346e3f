package dev.polylink.core.internal;

import static dev.polylink.core.internal.WatchdogCalls.HOUR;
import static dev.polylink.core.internal.WatchdogCalls.MS;
import static dev.polylink.core.internal.WatchdogCalls.await;
import static dev.polylink.core.internal.WatchdogCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import org.junit.jupiter.api.Test;

/**
 * The attempt deadlines without OkHttp's call timeout. Calls are made but never executed (making
 * one opens nothing); {@code isCanceled()} shows the watchdog's work. Deadlines are tens of
 * milliseconds; every wait polls for at most 5 s and returns as soon as the condition holds.
 */
class AttemptWatchdogTest {

  @Test
  void aCallWhoseDeadlinePassesIsCancelledAndItsWatchSaysWhy() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call call = call();
    long start = System.nanoTime();
    AttemptWatchdog.Watch watch = watchdog.watch(call, 20 * MS);
    await("the deadline", call::isCanceled);
    assertTrue(System.nanoTime() - start >= 20 * MS, "cancelled before its deadline");
    assertTrue(watch.expired());
    assertEquals(0, watchdog.size());
  }

  @Test
  void anAttemptThatEndsInTimeIsNeverCancelled() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call ended = call();
    Call later = call();
    AttemptWatchdog.Watch watch = watchdog.watch(ended, 10 * MS);
    watch.end();
    assertEquals(0, watchdog.size());
    // A later deadline that does pass shows that the watchdog ran past the first one.
    watchdog.watch(later, 30 * MS);
    await("the later deadline", later::isCanceled);
    assertFalse(ended.isCanceled());
    assertFalse(watch.expired());
  }

  @Test
  void anEarlierDeadlineWakesTheWatchdogSleepingForALaterOne() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call slow = call();
    Call soon = call();
    AttemptWatchdog.Watch slowWatch = watchdog.watch(slow, HOUR);
    Thread.sleep(10); // the thread now sleeps for an hour
    long start = System.nanoTime();
    watchdog.watch(soon, 10 * MS);
    await("the earlier deadline", soon::isCanceled);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    assertFalse(slow.isCanceled());
    assertEquals(1, watchdog.size());
    slowWatch.end();
    assertEquals(0, watchdog.size());
  }

  @Test
  void deadlinesExpireInTheirOrderWhateverTheOrderTheyWereGivenIn() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    List<Call> calls = new ArrayList<>();
    List<AttemptWatchdog.Watch> watches = new ArrayList<>();
    long[] timeouts = {40, 10, 30, 20, 50};
    for (long t : timeouts) {
      Call c = call();
      calls.add(c);
      watches.add(watchdog.watch(c, t * MS));
    }
    await("every deadline", () -> calls.stream().allMatch(Call::isCanceled));
    assertTrue(watches.stream().allMatch(AttemptWatchdog.Watch::expired));
    assertEquals(0, watchdog.size());
  }

  @Test
  void anOverlongTimeoutNeverOverflowsIntoThePast() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call forever = call();
    AttemptWatchdog.Watch watch = watchdog.watch(forever, Long.MAX_VALUE);
    Call soon = call();
    watchdog.watch(soon, 10 * MS);
    await("the earlier deadline", soon::isCanceled);
    assertFalse(forever.isCanceled());
    watch.end();
  }

  @Test
  void theThreadEndsWhenIdleAndTheNextAttemptStartsAnother() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(20 * MS);
    assertFalse(watchdog.running());
    Call first = call();
    watchdog.watch(first, 10 * MS);
    assertTrue(watchdog.running());
    await("the first deadline", first::isCanceled);
    await("the idle thread's end", () -> !watchdog.running());
    Call call = call();
    watchdog.watch(call, 10 * MS);
    assertTrue(watchdog.running());
    await("the deadline after a restart", call::isCanceled);
  }

  @Test
  void manyThreadsWatchingAndEndingLeaveNothingBehindAndCancelNothing() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call never = call();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 5_000; i++) {
          // Deadlines a few seconds out, some nearer than others: the thread is woken now and then.
          watchdog.watch(never, TimeUnit.SECONDS.toNanos(5 + i % 7)).end();
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(0, watchdog.size());
    assertFalse(never.isCanceled());
  }
}
