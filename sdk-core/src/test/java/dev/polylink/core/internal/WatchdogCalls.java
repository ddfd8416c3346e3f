package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What the {@code AttemptWatchdog} tests share: calls that are made but never executed (making one
 * opens nothing; {@code isCanceled()} shows the watchdog's work), and a wait that polls for at most
 * 5 s and returns as soon as its condition holds.
 */
final class WatchdogCalls {
  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  static final long HOUR = TimeUnit.HOURS.toNanos(1);

  /** One client for every test class; its dispatcher never starts a thread, as no call is run. */
  private static final OkHttpClient CLIENT = new OkHttpClient();

  private WatchdogCalls() {}

  /** {@return a new call that is never executed} */
  static Call call() {
    return CLIENT.newCall(new Request.Builder().url("http://127.0.0.1:9/").build());
  }

  /**
   * Waits until {@code condition} holds, failing after 5 s.
   *
   * @param what what is waited for, for the failure's message
   * @param condition the condition
   * @throws InterruptedException when interrupted
   */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, what + ": not within 5 s");
      Thread.sleep(2);
    }
  }
}
