package dev.polylink.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 13, by hand (about 5 s a run, so not part of {@code mvn verify}): how many reservations a
 * second {@code threads} threads (64 by default) take from one shared {@link Pacer} whose rate
 * (10^9 a second) never makes them wait, for {@code seconds} (5 by default), each doing {@code
 * workSteps} (0 by default; 2 to 3 ns each on the 2-core machine) of CPU work between its
 * reservations, as a client's thread does with its request, then parked {@code parkMicros} (0 by
 * default), as it waits for the answer. What it measures is the pacer's own
 * cost under contention: a monitor's convoy, or compare-and-set retries. With no work, a monitor
 * is at its best: the thread holding it takes it again and again within its time slice while the
 * others are parked. It uses only {@link Pacer#fixed} and {@link Pacer#reserve(long)}, so it runs
 * against any version of the pacer put first on the class path. Run from the repository root after
 * {@code mvn -B -q -o -pl sdk-core -am test-compile} (add {@code
 * -XX:StartFlightRecording:filename=p.jfr,jdk.JavaMonitorEnter#threshold=10ms} for the monitor
 * profile):
 *
 * <pre>
 * java -cp sdk-core/target/test-classes:sdk-core/target/classes dev.polylink.core.internal.PacerContention [threads [seconds [workSteps [parkMicros]]]]
 * </pre>
 */
public final class PacerContention {
  private PacerContention() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    long workIterations = args.length > 2 ? Long.parseLong(args[2]) : 0;
    long parkNanos = args.length > 3 ? Long.parseLong(args[3]) * 1000 : 0;
    Pacer pacer = Pacer.fixed(Clock.systemUTC(), 1_000_000_000L, Duration.ofSeconds(1));
    for (int i = 0; i < 200_000; i++) {
      pacer.reserve(Long.MAX_VALUE); // warm up one thread's path
    }
    LongAdder reserved = new LongAdder();
    LongAdder waited = new LongAdder();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] running = new Thread[threads];
    long[] deadline = new long[1];
    for (int t = 0; t < threads; t++) {
      running[t] = new Thread(() -> {
        long count = 0;
        long waits = 0;
        long sink = 0;
        try {
          start.await();
          long end = deadline[0];
          while (true) {
            for (int i = 0; i < 256; i++) {
              if (pacer.reserve(Long.MAX_VALUE) != 0) {
                waits++;
              }
              sink ^= work(workIterations, count + i);
              if (parkNanos > 0) {
                LockSupport.parkNanos(parkNanos);
              }
            }
            count += 256;
            if (System.nanoTime() - end >= 0) {
              break;
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        reserved.add(count);
        waited.add(waits + (sink == 42 ? 1 : 0)); // the work is used: not optimised away
      });
      running[t].start();
    }
    long begin = System.nanoTime();
    deadline[0] = begin + (long) (seconds * 1e9);
    start.countDown();
    for (Thread th : running) {
      th.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    System.out.printf("%d threads, %d work steps and %d us parked each, %.2f s: %.0f reservations/s (%d, %d waited); loadavg %s%n",
        threads, workIterations, parkNanos / 1000, elapsed, reserved.sum() / elapsed, reserved.sum(), waited.sum(), load);
  }

  /** CPU work of {@code iterations} xorshift steps between reservations: a request's own work. */
  private static long work(long iterations, long seed) {
    long x = seed | 1;
    for (long i = 0; i < iterations; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }
}
