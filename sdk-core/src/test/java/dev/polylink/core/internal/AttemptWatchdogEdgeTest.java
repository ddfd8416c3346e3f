package dev.polylink.core.internal;

import static dev.polylink.core.internal.WatchdogCalls.HOUR;
import static dev.polylink.core.internal.WatchdogCalls.MS;
import static dev.polylink.core.internal.WatchdogCalls.await;
import static dev.polylink.core.internal.WatchdogCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.Call;
import org.junit.jupiter.api.Test;

/**
 * How the watchdog's thread lives: a daemon, asleep (not spinning) while it waits for a deadline or
 * idles (the thread of the first test then sleeps out its hour), woken from its idle sleep by a new attempt, ended after its idle time. The thread is found
 * by its name among the threads that were not there before the test's first watch (tests in this
 * module run one after another). Every wait polls for at most 5 s and returns once its condition holds.
 */
class AttemptWatchdogEdgeTest {
  private static final String NAME = "Polylink attempt watchdog";

  private static Set<Thread> watchdogThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> NAME.equals(t.getName()))
        .collect(Collectors.toSet());
  }

  /** Watches {@code call} for {@code timeoutNanos} and returns the thread that started for it. */
  private static Thread watchAndFindTheThread(AttemptWatchdog watchdog, Call call, long timeoutNanos) {
    Set<Thread> before = watchdogThreads();
    watchdog.watch(call, timeoutNanos);
    Thread started = watchdogThreads().stream().filter(t -> !before.contains(t)).findFirst().orElse(null);
    assertNotNull(started, "a thread of its own");
    return started;
  }

  @Test
  void theThreadIsADaemonThatSleepsUntilTheDeadline() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(50 * MS);
    Call call = call();
    Thread thread = watchAndFindTheThread(watchdog, call, HOUR);
    assertTrue(thread.isDaemon(), "never keeps the JVM alive");
    await("asleep until the deadline", () -> thread.getState() == Thread.State.TIMED_WAITING);
    assertFalse(call.isCanceled());
    assertEquals(1, watchdog.size());
  }

  @Test
  void anIdleThreadSleepsForItsIdleTimeAndANewAttemptWakesIt() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call first = call();
    Thread thread = watchAndFindTheThread(watchdog, first, MS);
    await("the first deadline", first::isCanceled);
    await("asleep while idle", () -> thread.getState() == Thread.State.TIMED_WAITING);
    Thread.sleep(20);
    assertTrue(watchdog.running(), "idle for an hour, not ended");
    assertTrue(thread.isAlive());

    Call second = call();
    long start = System.nanoTime();
    watchdog.watch(second, 10 * MS);
    await("the second deadline, which wakes the idle thread", second::isCanceled);
    assertTrue(System.nanoTime() - start >= 10 * MS, "not before its deadline");
    assertTrue(thread.isAlive(), "the same thread");
  }

  @Test
  void theThreadEndsAfterItsIdleTime() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(20 * MS);
    Call call = call();
    Thread thread = watchAndFindTheThread(watchdog, call, MS);
    await("the deadline", call::isCanceled);
    thread.join(TimeUnit.SECONDS.toMillis(5));
    assertFalse(thread.isAlive(), "ended");
    assertFalse(watchdog.running());
  }

  @Test
  void watchesAreEqualOnlyToThemselves() {
    AttemptWatchdog watchdog = new AttemptWatchdog(20 * MS);
    AttemptWatchdog.Watch a = watchdog.watch(call(), HOUR);
    AttemptWatchdog.Watch b = watchdog.watch(call(), HOUR);
    assertTrue(a.equals(a));
    assertFalse(a.equals(b));
    // Identity: a hash set holds both, and finds each as itself.
    Set<AttemptWatchdog.Watch> set = new HashSet<>(List.of(a, b));
    assertEquals(2, set.size());
    assertTrue(set.contains(a) && set.contains(b));
    a.end();
    b.end();
    assertEquals(0, watchdog.size());
  }
}
