package dev.polylink.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client's own CPU time and allocation per call, measured in a way that a busy machine changes
 * little: the calling thread's CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}, user and
 * system) and allocated bytes ({@code getCurrentThreadAllocatedBytes}) around each call. Both
 * clients call the in-process {@link LoopbackXqrServer} synchronously on this one thread, and a
 * synchronous OkHttp {@code execute()} runs the whole interceptor chain, the socket writes and
 * reads and (for Polylink) every attempt, the retry decisions and the mapping on the caller's thread:
 * the thread's CPU is the client's, without the server's (its own threads) and without the time the
 * thread waits for the answer. Polylink's blocking path hands none of its own work to another
 * thread (no executor; the scheduler of asynchronous waits is made only at the first asynchronous
 * wait); the deadline of its attempt (OkHttp's call timeout, which the hand-written client does not
 * set) makes Okio's watchdog thread wake about once more per call. What OkHttp's threads do for
 * either client (the watchdog, woken whenever a timeout becomes the earliest; the connection pool's
 * cleanup task, scheduled whenever a connection is released) is measured beside it, per client in
 * batches of its calls alone, as "other threads":
 * every Java thread but this one and the server's. GC and JIT threads are not Java threads and are
 * not counted for either client.
 *
 * <p>The calls run one of each client in turn (the order alternating), so that whatever the
 * machine does meanwhile (other processes, a change of CPU frequency) touches both sides of a ratio
 * alike; a round is {@code callsPerBatch} calls of each client per op (a fifth of it for the list
 * of 50). The JIT needs thousands of calls of each path before the code is final: the first {@code
 * warmupRounds} rounds are not counted (fewer than about 50 measured Polylink on code the JIT had not
 * finished, 5 to 15 % slower). Reported: the medians over the rounds of the CPU and bytes per call,
 * "CPU ratio" the median of the rounds' ratios, and "ratio of median calls" the same for each
 * round's median call, which a preemption in the middle of a call cannot move. The cost of reading
 * the clock is measured first and subtracted.
 *
 * <p>Each round starts both clients on new connections ({@link #reconnect}), outside the measured
 * calls.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.polylink.benchmarks.CpuPerCallMeasurement [rounds]
 * [callsPerBatch] [warmupRounds]} (defaults 30, 200, 60: about a minute).
 */
public final class CpuPerCallMeasurement {
  private CpuPerCallMeasurement() {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** One op of one client. */
  private record Op(String name, Supplier<?> call) {}

  /** The per-call samples of one op over the measured rounds. */
  private static final class Samples {
    final List<Double> cpu = new ArrayList<>();
    final List<Double> alloc = new ArrayList<>();
    final List<Double> other = new ArrayList<>();
    final List<Double> medianCall = new ArrayList<>();
  }

  /**
   * Runs the measurement and prints a table.
   *
   * @param args rounds, calls per batch, warm-up rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM measures no thread CPU time or allocation");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    THREADS.setThreadAllocatedMemoryEnabled(true);
    XqrCallBenchmark.Clients c = new XqrCallBenchmark.Clients();
    c.setUp();
    try {
      List<Op> ops = List.of(
          new Op("create", () -> c.polylink.create(c.createRequest)),
          new Op("create", () -> c.handWritten.create(XqrCallBenchmark.DESTINATION, "summer24")),
          new Op("get", () -> c.polylink.get(c.id)),
          new Op("get", () -> c.handWritten.get(XqrCallBenchmark.ID)),
          new Op("list", () -> c.polylink.list(c.listRequest)),
          new Op("list", () -> c.handWritten.list(50)),
          new Op("update", () -> c.polylink.update(c.id, c.patch)),
          new Op("update", () -> c.handWritten.update(XqrCallBenchmark.ID, XqrCallBenchmark.NEW_DESTINATION)));
      Map<Op, Samples> samples = new LinkedHashMap<>();
      ops.forEach(op -> samples.put(op, new Samples()));
      long me = Thread.currentThread().getId();
      long overhead = clockOverhead();
      String load = Stats.load();
      for (int round = 0; round < warmup + rounds; round++) {
        reconnect(c);
        for (int pair = 0; pair < ops.size(); pair += 2) {
          Op polylink = ops.get(pair);
          Op hand = ops.get(pair + 1);
          int n = polylink.name.equals("list") ? Math.max(1, calls / 5) : calls;
          long[] cpu = new long[2];
          long[] alloc = new long[2];
          double[][] perCall = {new double[n], new double[n]};
          for (int i = 0; i < n; i++) {
            // One call of each, in alternating order: whatever the machine does meanwhile touches both.
            for (int k = 0; k < 2; k++) {
              int side = (i + k) % 2;
              Op op = side == 0 ? polylink : hand;
              long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
              long cpu0 = THREADS.getCurrentThreadCpuTime();
              Object result = op.call.get();
              long cpu1 = THREADS.getCurrentThreadCpuTime();
              long alloc1 = THREADS.getCurrentThreadAllocatedBytes();
              if (result == null) {
                throw new IllegalStateException(op.name + " returned null");
              }
              long ns = cpu1 - cpu0 - overhead;
              cpu[side] += ns;
              alloc[side] += alloc1 - alloc0;
              perCall[side][i] = ns;
            }
          }
          if (round >= warmup) {
            for (int side = 0; side < 2; side++) {
              Samples s = samples.get(side == 0 ? polylink : hand);
              s.cpu.add(cpu[side] / (double) n);
              s.alloc.add(alloc[side] / (double) n);
              s.medianCall.add(Stats.median(perCall[side]));
            }
          }
        }
      }
      // Other threads' time cannot be told apart call by call: one batch of each op alone.
      for (Op op : ops) {
        int n = op.name.equals("list") ? Math.max(1, calls / 5) : calls;
        for (int batch = 0; batch < 5; batch++) {
          Map<Long, Long> before = otherThreadsCpu(me);
          for (int i = 0; i < n; i++) {
            op.call.get();
          }
          samples.get(op).other.add(delta(before, otherThreadsCpu(me)) / (double) n);
        }
      }
      print(ops, samples, rounds, calls, warmup, overhead, load, Stats.load());
      System.out.println("threads counted as other (CPU ms over the whole run): " + otherThreadNames(me));
    } finally {
      c.tearDown();
    }
  }

  /**
   * Gives both clients new connections, outside the measured calls: the next response to each
   * closes its connection, the call after that opens a new one. How much CPU a call costs depends on
   * the connection it runs on, and not only on the code: how often the thread reads before the
   * server has answered (a failed read, then a {@code poll} that sleeps: two more context switches)
   * stayed the same for a connection's life and differed between connections by 0.05 to 0.59 a
   * call, so that with the same connections for the whole run one client's luck moved a run's
   * ratio by up to 0.1. A new pair every round spreads that luck over both sides.
   */
  private static void reconnect(XqrCallBenchmark.Clients c) {
    c.server.closeConnectionsAfter(2);
    for (int i = 0; i < 2; i++) {
      c.polylink.get(c.id);
      c.handWritten.get(XqrCallBenchmark.ID);
    }
  }

  private static void print(List<Op> ops, Map<Op, Samples> samples, int rounds, int calls, int warmup,
      long overhead, String loadBefore, String loadAfter) {
    System.out.printf(Locale.ROOT,
        "%d rounds of %d calls of each client (list %d), one call of each in turn, after %d warm-up rounds;"
            + " clock overhead %d ns a call subtracted; load average %s -> %s; Java %s%n",
        rounds, calls, Math.max(1, calls / 5), warmup, overhead, loadBefore, loadAfter, Runtime.version());
    System.out.println("| op | Polylink CPU ns/call | hand CPU ns/call | CPU ratio | CPU ratio of median calls"
        + " | Polylink B/call | hand B/call | alloc ratio | Polylink other threads ns/call | hand other ns/call |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int pair = 0; pair < ops.size(); pair += 2) {
      Samples p = samples.get(ops.get(pair));
      Samples h = samples.get(ops.get(pair + 1));
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.3f | %.3f | %.0f | %.0f | %.3f | %.0f | %.0f |%n",
          ops.get(pair).name, Stats.median(p.cpu), Stats.median(h.cpu), pairedRatio(p.cpu, h.cpu),
          pairedRatio(p.medianCall, h.medianCall), Stats.median(p.alloc), Stats.median(h.alloc),
          pairedRatio(p.alloc, h.alloc),
          Stats.median(p.other), Stats.median(h.other));
    }
  }

  /**
   * What reading the thread's CPU time around a call costs by itself: the 10th percentile of 10,000
   * back-to-back reads (a read that the scheduler interrupts is not the cost of a read).
   */
  private static long clockOverhead() {
    double[] ns = new double[10_000];
    for (int i = 0; i < ns.length; i++) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long cpu1 = THREADS.getCurrentThreadCpuTime();
      ns[i] = cpu1 - cpu0;
    }
    Arrays.sort(ns);
    return (long) ns[ns.length / 10];
  }

  /** The CPU time of every live thread but this one and the loopback server's. */
  private static Map<Long, Long> otherThreadsCpu(long me) {
    Map<Long, Long> cpu = new LinkedHashMap<>();
    for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t == null || t.getThreadId() == me || LoopbackXqrServer.isServerThread(t.getThreadName())) {
        continue;
      }
      long ns = THREADS.getThreadCpuTime(t.getThreadId());
      if (ns >= 0) {
        cpu.put(t.getThreadId(), ns);
      }
    }
    return cpu;
  }

  private static String otherThreadNames(long me) {
    StringBuilder names = new StringBuilder();
    for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t != null && t.getThreadId() != me && !LoopbackXqrServer.isServerThread(t.getThreadName())) {
        names.append(names.length() == 0 ? "" : ", ").append(t.getThreadName()).append(' ')
            .append(THREADS.getThreadCpuTime(t.getThreadId()) / 1_000_000);
      }
    }
    return names.toString();
  }

  private static long delta(Map<Long, Long> before, Map<Long, Long> after) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum;
  }

  /** {@return the median of the rounds' ratios} */
  private static double pairedRatio(List<Double> polylink, List<Double> hand) {
    return Stats.median(Stats.ratios(polylink, hand));
  }
}
