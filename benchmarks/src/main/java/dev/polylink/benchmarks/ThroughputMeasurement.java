package dev.polylink.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The throughput of {@code threads} threads sharing one client of each kind, measured in a way that
 * a loaded 2-core machine changes little: the same worker threads call Polylink for a short window
 * and then the hand-written client for one, in turn, for each op, against the in-process {@link
 * LoopbackXqrServer} with the same two clients as the JMH benchmark ({@link XqrCallBenchmark.Clients}).
 * JMH's {@code SixtyFourThreads} runs the two clients' benchmarks minutes apart, and on two cores
 * whatever else runs in those minutes moves each score by 30 to 90 %; here the two sides of a ratio
 * are a second apart, so a change of load touches both alike.
 *
 * <p>Windows. All workers wait at a {@link Phaser} for the start of a window, call the window's
 * client until its end, and arrive at the phaser again; the next window starts only when the last
 * worker has arrived. A call in flight at the end of a window is finished and credited to that
 * window's client, whose time runs from the start until the last worker has stopped: no call of one
 * client overlaps the other's window, and no call is counted for a client it did not run on. The
 * tail (the last calls finishing while fewer threads are busy) is about one call's latency at this
 * concurrency for either client, a few per cent of a window.
 *
 * <p>Rounds. A round is one window of each client per op, the order alternating from round to
 * round, so that the window after the other client's (its garbage, its pool's cleanup task) falls to
 * each client equally often; the ops take their turns within each round, so every op's windows are
 * spread over the whole run. Reported per op: the median over the rounds of each client's calls a
 * second, "throughput ratio" the median of the rounds' ratios (Polylink / hand-written) with their
 * interquartile range, their minimum and maximum and how many rounds reached 0.95. A ratio of two
 * windows a second apart is what a change of load moves least; its spread over the rounds is the
 * error bar.
 *
 * <p>CPU per call. On a machine whose two cores the workers saturate, throughput is the process's
 * CPU a second over its CPU per call: the process's CPU time ({@code
 * OperatingSystemMXBean.getProcessCpuTime}, every thread, the server's, the garbage collector's and
 * the JIT's included) over each window, divided by the window's calls, is reported beside it, as the
 * median of each client's and of the rounds' ratios. Other processes' CPU is not in it; a ratio of
 * CPU per call that agrees with the throughput ratio says the throughput was set by the client's own
 * work and not by the machine's. A second table splits it: the workers' own CPU time per call
 * ({@code ThreadMXBean.getThreadCpuTime} of each worker, read while all of them wait at the phaser),
 * which is the client's work on the calling threads (OkHttp's and Polylink's, socket system calls
 * included), and the rest of the process's (the server's threads, OkHttp's pool cleanup, Polylink's
 * attempt watchdog, the garbage collector, the JIT), which a client changes only through how its
 * requests arrive at the server and what garbage it leaves.
 *
 * <p>Warm-up. The JIT needs thousands of calls of each path before the code is final ({@link
 * CpuPerCallMeasurement} measured Polylink 5 to 15 % slower after 2,000 calls than after 12,000), and
 * here its compiler threads share the two cores with 64 busy workers, so it also needs time: with 4
 * warm-up rounds (15,000-20,000 calls of each path) the first measured rounds still had Polylink's
 * CPU per call 1.3 to 1.8 times the hand-written client's, against about 1.05 later in the same run.
 * The first {@code warmupRounds} rounds are not counted; the calls each client made in them and the
 * JIT's compilation time in the warm-up and in the measured rounds ({@code
 * CompilationMXBean.getTotalCompilationTime}) are printed, so that an unfinished warm-up shows.
 *
 * <p>Failures. A call that throws or returns {@code null} is counted as a failure, not as a call; a
 * window with a failure ends the run with an exception that gives the count and the first failure.
 *
 * <p>Control. With {@code control} as the fifth argument the hand-written client runs in both windows
 * of a round (its result in the "Polylink" columns): the spread of that run's ratios, around 1, is
 * the method's own noise on the machine at the time, which the spread of a real run is to be read
 * against.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.polylink.benchmarks.ThroughputMeasurement [rounds]
 * [windowMillis] [warmupRounds] [threads] [control]} (defaults 20, 1000, 8, 64, off: 224 windows,
 * about 4 minutes).
 */
public final class ThroughputMeasurement {
  private ThroughputMeasurement() {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The ratio that issue 13 asks of the throughput. */
  private static final double TARGET = 0.95;

  /** One op: its name and the call of each client. */
  private record Op(String name, Supplier<?> polylink, Supplier<?> hand) {}

  /** What the workers call in the current window, and until when ({@link System#nanoTime}). */
  private record Window(Supplier<?> call, long end) {}

  /** The per-window results of one op's measured rounds; index 0 Polylink, 1 hand-written. */
  private static final class Samples {
    final List<List<Double>> callsPerSecond = List.of(new ArrayList<>(), new ArrayList<>());
    final List<List<Double>> cpuPerCall = List.of(new ArrayList<>(), new ArrayList<>());
    final List<List<Double>> coresBusy = List.of(new ArrayList<>(), new ArrayList<>());
    final List<List<Double>> workerCpuPerCall = List.of(new ArrayList<>(), new ArrayList<>());
    final long[] warmupCalls = new long[2];
  }

  /** The worker threads and the phaser that starts and ends their windows. */
  private static final class Workers {
    final Phaser phaser;
    final Thread[] threads;
    final long[] calls;
    final long[] failures;
    final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    volatile Window window;

    Workers(int n) {
      phaser = new Phaser(n + 1);
      threads = new Thread[n];
      calls = new long[n];
      failures = new long[n];
      for (int i = 0; i < n; i++) {
        int slot = i;
        threads[i] = new Thread(() -> work(slot), "throughput-worker-" + i);
        threads[i].setDaemon(true);
        threads[i].start();
      }
    }

    private void work(int slot) {
      // A terminated phaser returns a negative phase: the run is over.
      while (phaser.arriveAndAwaitAdvance() >= 0) {
        Window w = window;
        long done = 0;
        long failed = 0;
        while (System.nanoTime() - w.end < 0) {
          try {
            if (w.call.get() != null) {
              done++;
            } else {
              failed++;
              firstFailure.compareAndSet(null, new IllegalStateException("a call returned null"));
            }
          } catch (RuntimeException | Error e) {
            failed++;
            firstFailure.compareAndSet(null, e);
          }
        }
        calls[slot] = done;
        failures[slot] = failed;
        phaser.arriveAndAwaitAdvance();
      }
    }

    /**
     * Runs one window of {@code call} on every worker.
     *
     * @return the calls, the nanoseconds from the start until the last worker stopped, and the
     *     process's CPU nanoseconds in between
     */
    long[] run(Supplier<?> call, long windowNanos) {
      long workers0 = workerCpu();
      long cpu0 = OS.getProcessCpuTime();
      long start = System.nanoTime();
      window = new Window(call, start + windowNanos);
      phaser.arriveAndAwaitAdvance(); // the workers start
      phaser.arriveAndAwaitAdvance(); // the last worker has stopped
      long elapsed = System.nanoTime() - start;
      long cpu = OS.getProcessCpuTime() - cpu0;
      long workersCpu = workerCpu() - workers0;
      long failed = Arrays.stream(failures).sum();
      if (failed > 0) {
        throw new IllegalStateException(failed + " calls failed in one window; the first:", firstFailure.get());
      }
      return new long[] {Arrays.stream(calls).sum(), elapsed, cpu, workersCpu};
    }

    /** {@return the CPU time of all workers so far, nanoseconds; read while they wait at the phaser} */
    private long workerCpu() {
      long sum = 0;
      for (Thread t : threads) {
        sum += THREADS.getThreadCpuTime(t.getId());
      }
      return sum;
    }

    void stop() throws InterruptedException {
      phaser.forceTermination();
      for (Thread t : threads) {
        t.join();
      }
    }
  }

  /**
   * Runs the measurement and prints a table.
   *
   * @param args rounds, window in milliseconds, warm-up rounds, threads, {@code control}
   * @throws InterruptedException when interrupted while the workers stop
   */
  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long windowMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    boolean control = args.length > 4 && args[4].equals("control");
    if (OS.getProcessCpuTime() < 0 || !JIT.isCompilationTimeMonitoringSupported()) {
      throw new IllegalStateException("this JVM measures no process CPU time or compilation time");
    }
    XqrCallBenchmark.Clients c = new XqrCallBenchmark.Clients();
    c.setUp();
    Workers workers = new Workers(threads);
    try {
      List<Op> ops = List.of(
          new Op("create", () -> c.polylink.create(c.createRequest),
              () -> c.handWritten.create(XqrCallBenchmark.DESTINATION, "summer24")),
          new Op("get", () -> c.polylink.get(c.id), () -> c.handWritten.get(XqrCallBenchmark.ID)),
          new Op("list (50)", () -> c.polylink.list(c.listRequest), () -> c.handWritten.list(50)),
          new Op("update", () -> c.polylink.update(c.id, c.patch),
              () -> c.handWritten.update(XqrCallBenchmark.ID, XqrCallBenchmark.NEW_DESTINATION)));
      List<Samples> samples = new ArrayList<>();
      ops.forEach(op -> samples.add(new Samples()));
      String loadBefore = Stats.load();
      long[] jit = {JIT.getTotalCompilationTime(), 0, 0};
      long windowNanos = windowMillis * 1_000_000;
      long started = System.nanoTime();
      for (int round = 0; round < warmup + rounds; round++) {
        if (round == warmup) {
          jit[1] = JIT.getTotalCompilationTime();
        }
        for (int o = 0; o < ops.size(); o++) {
          Op op = ops.get(o);
          Samples s = samples.get(o);
          for (int k = 0; k < 2; k++) {
            // Polylink first in even rounds, the hand-written client first in odd ones.
            int side = (round + k) % 2;
            long[] r = workers.run(side == 0 && !control ? op.polylink : op.hand, windowNanos);
            if (round < warmup) {
              s.warmupCalls[side] += r[0];
            } else {
              s.callsPerSecond.get(side).add(r[0] * 1e9 / r[1]);
              s.cpuPerCall.get(side).add(r[2] / 1e3 / r[0]);
              s.coresBusy.get(side).add(r[2] / (double) r[1]);
              s.workerCpuPerCall.get(side).add(r[3] / 1e3 / r[0]);
            }
          }
        }
      }
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      jit[2] = JIT.getTotalCompilationTime();
      if (control) {
        System.out.println("control run: the hand-written client in both windows of every round");
      }
      System.out.printf(Locale.ROOT, "JIT compilation: %d ms in the warm-up, %d ms in the measured rounds%n",
          jit[1] - jit[0], jit[2] - jit[1]);
      print(ops, samples, rounds, windowMillis, warmup, threads, seconds, loadBefore, Stats.load());
    } finally {
      workers.stop();
      c.tearDown();
    }
  }

  private static void print(List<Op> ops, List<Samples> samples, int rounds, long windowMillis, int warmup,
      int threads, long seconds, String loadBefore, String loadAfter) {
    StringBuilder warm = new StringBuilder();
    for (int o = 0; o < ops.size(); o++) {
      long[] w = samples.get(o).warmupCalls;
      warm.append(o == 0 ? "" : ", ").append(ops.get(o).name).append(' ').append(w[0]).append(" / ").append(w[1]);
    }
    System.out.printf(Locale.ROOT,
        "%d rounds of a %d ms window of each client per op on %d threads, the order alternating, after %d"
            + " warm-up rounds (calls Polylink / hand: %s); %d s; load average %s -> %s; %d processors; Java %s%n",
        rounds, windowMillis, threads, warmup, warm, seconds, loadBefore, loadAfter,
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    System.out.println("| op | Polylink calls/s | hand calls/s | throughput ratio | ratio IQR | ratio min-max"
        + " | rounds >= " + TARGET + " | Polylink CPU µs/call | hand CPU µs/call | CPU ratio"
        + " | cores busy Polylink / hand |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int o = 0; o < ops.size(); o++) {
      Samples s = samples.get(o);
      double[] ratios = ratios(s.callsPerSecond);
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      long reached = Arrays.stream(ratios).filter(r -> r >= TARGET).count();
      System.out.printf(Locale.ROOT,
          "| %s | %.0f | %.0f | %.3f | %.3f-%.3f | %.3f-%.3f | %d of %d | %.0f | %.0f | %.3f | %.2f / %.2f |%n",
          ops.get(o).name, Stats.median(s.callsPerSecond.get(0)), Stats.median(s.callsPerSecond.get(1)),
          Stats.median(ratios), Stats.quantile(sorted, 0.25), Stats.quantile(sorted, 0.75), sorted[0],
          sorted[sorted.length - 1], reached, ratios.length, Stats.median(s.cpuPerCall.get(0)),
          Stats.median(s.cpuPerCall.get(1)), Stats.median(ratios(s.cpuPerCall)),
          Stats.median(s.coresBusy.get(0)), Stats.median(s.coresBusy.get(1)));
    }
    System.out.println("| op | Polylink workers' CPU µs/call | hand workers' CPU µs/call | workers' CPU ratio"
        + " | other threads' CPU µs/call Polylink / hand |");
    System.out.println("|---|---|---|---|---|");
    for (int o = 0; o < ops.size(); o++) {
      Samples s = samples.get(o);
      double[] other = new double[2];
      for (int side = 0; side < 2; side++) {
        List<Double> rest = new ArrayList<>();
        for (int i = 0; i < s.cpuPerCall.get(side).size(); i++) {
          rest.add(s.cpuPerCall.get(side).get(i) - s.workerCpuPerCall.get(side).get(i));
        }
        other[side] = Stats.median(rest);
      }
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f / %.1f |%n", ops.get(o).name,
          Stats.median(s.workerCpuPerCall.get(0)), Stats.median(s.workerCpuPerCall.get(1)),
          Stats.median(ratios(s.workerCpuPerCall)), other[0], other[1]);
    }
    for (int o = 0; o < ops.size(); o++) {
      printRounds(ops.get(o).name + " throughput ratio per round:", ratios(samples.get(o).callsPerSecond));
      printRounds(ops.get(o).name + " CPU ratio per round:", ratios(samples.get(o).cpuPerCall));
      printRounds(ops.get(o).name + " workers' CPU ratio per round:", ratios(samples.get(o).workerCpuPerCall));
    }
  }

  private static void printRounds(String label, double[] values) {
    StringBuilder line = new StringBuilder(label);
    for (double v : values) {
      line.append(String.format(Locale.ROOT, " %.3f", v));
    }
    System.out.println(line);
  }

  /** {@return the rounds' ratios of Polylink's sample to the hand-written client's} */
  private static double[] ratios(List<List<Double>> sides) {
    return Stats.ratios(sides.get(0), sides.get(1));
  }
}
