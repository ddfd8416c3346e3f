package dev.polylink.benchmarks;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientListener;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RetryPolicy;
import dev.polylink.testkit.XqrEmulator;
import dev.polylink.xqr.XqrClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 13's retarget rows, measured by wall clock: {@code links} links on the xQR emulator with its
 * per-second limit switched on ({@code XqrEmulator.rateLimit(rate, 1 s)}: 429 {@code
 * BURST_LIMIT_EXCEEDED} with {@code Retry-After} past it), each retargeted by one {@code update}
 * of its destination through one client built with {@code requestsPerSecond(rate)} and the
 * default pacing and retry policy, shared by N threads. Reported per concurrency: the wall time
 * over the physical minimum ({@code links / rate}), the requests answered 429 and the updates that
 * failed.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.polylink.benchmarks.RetargetMeasurement [links] [rate] [threads...]}</pre>
 *
 * Defaults: 1,000 links, 50 a second, concurrency 1, 4, 16 and 64.
 */
public final class RetargetMeasurement {
  private RetargetMeasurement() {}

  /** One row of the table. */
  public record Row(int threads, int links, int rate, double seconds, int requests, int limited, int failed) {
    /** {@return the wall time over the physical minimum} */
    public double ratio() {
      return seconds / ((double) links / rate);
    }

    /** {@return the row as a Markdown table row} */
    public String markdown() {
      return String.format(Locale.ROOT, "| %d | %.2f s | %.3f | %d of %d (%.1f %%) | %d |", threads, seconds, ratio(),
          limited, requests, 100.0 * limited / requests, failed);
    }
  }

  /**
   * Runs the measurement and prints the table.
   *
   * @param args links, rate, then the concurrencies
   * @throws Exception when the emulator cannot start
   */
  public static void main(String[] args) throws Exception {
    int links = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<Integer> concurrencies = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      concurrencies.add(Integer.parseInt(args[i]));
    }
    if (concurrencies.isEmpty()) {
      concurrencies = List.of(1, 4, 16, 64);
    }
    System.out.printf(Locale.ROOT, "load average at start: %.2f%n", loadAverage());
    System.out.println("| concurrency | wall time | wall time / minimum | requests answered 429 | failed |");
    System.out.println("|---|---|---|---|---|");
    try (XqrEmulator emulator = XqrEmulator.start()) {
      List<LinkId> ids = seed(emulator, links);
      for (int threads : concurrencies) {
        System.out.println(run(emulator, ids, rate, threads).markdown());
      }
    }
    System.out.printf(Locale.ROOT, "load average at end: %.2f%n", loadAverage());
  }

  /** {@return the system load average of the last minute, or -1} */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Creates {@code links} links with the emulator's limit off and a client that does not pace.
   *
   * @param emulator the emulator
   * @param links how many
   * @return their ids
   * @throws Exception when a create fails
   */
  public static List<LinkId> seed(XqrEmulator emulator, int links) throws Exception {
    emulator.rateLimitOff();
    try (LinkClient client = XqrClient.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl())
        .rateLimit(RateLimit.none()).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Link>> created = new ArrayList<>();
        for (int i = 0; i < links; i++) {
          String destination = "https://example.com/spring/" + i;
          created.add(pool.submit(() -> client.create(CreateLinkRequest.builder().destination(destination).build())));
        }
        List<LinkId> ids = new ArrayList<>();
        for (Future<Link> f : created) {
          ids.add(f.get().id());
        }
        return ids;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Retargets every link once with {@code threads} threads sharing one paced client, the emulator
   * limited to {@code rate} requests a second.
   *
   * @param emulator the emulator, seeded
   * @param ids the links
   * @param rate the limit, requests a second, of the emulator and of the client's plan
   * @param threads the concurrency
   * @return the row
   * @throws InterruptedException when interrupted
   */
  public static Row run(XqrEmulator emulator, List<LinkId> ids, int rate, int threads) throws InterruptedException {
    emulator.rateLimit(rate, Duration.ofSeconds(1)); // counts afresh
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    LinkClientListener counting = new LinkClientListener() {
      @Override
      public void attemptFinished(AttemptFinished event) {
        requests.incrementAndGet();
        if (event.status().isPresent() && event.status().getAsInt() == 429) {
          limited.incrementAndGet();
        }
      }
    };
    String target = "https://example.com/summer/" + threads;
    try (LinkClient client = XqrClient.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl())
        .requestsPerSecond(rate).retryPolicy(RetryPolicy.defaults()).addListener(counting).build()) {
      AtomicInteger next = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
            try {
              client.update(ids.get(i), LinkPatch.builder().destination(target).build());
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          }
        }, "retarget-" + t);
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Row(threads, ids.size(), rate, seconds, requests.get(), limited.get(), failed.get());
    } finally {
      emulator.rateLimitOff();
    }
  }
}
