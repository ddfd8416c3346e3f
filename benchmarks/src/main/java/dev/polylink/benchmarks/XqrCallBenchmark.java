package dev.polylink.benchmarks;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.xqr.XqrClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-call cost of Polylink's xQR client ({@code polylink*}) against a hand-written OkHttp +
 * Jackson client ({@code handWritten*}) making the same HTTP requests to the same loopback server.
 * Average time per call; run with {@code -prof gc} for the allocation per call ({@code
 * gc.alloc.rate.norm}). The thread count is set by the subclasses ({@link OneThread}, {@link
 * SixtyFourThreads}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class XqrCallBenchmark {
  static final String KEY = "xqr_pk_a1b2c3d4.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
  static final String ID = "d47f2e1a-8c3b-4a5d-9e6f-1234567890ab";
  static final String DESTINATION = "https://example.com/summer-sale?utm_source=qr";
  static final String NEW_DESTINATION = "https://example.com/summer-sale-v2?utm_source=qr";

  /** The server and both clients, shared by all threads of a run. */
  @State(Scope.Benchmark)
  public static class Clients {
    LoopbackXqrServer server;
    XqrClient polylink;
    HandWrittenXqrClient handWritten;
    CreateLinkRequest createRequest;
    LinkId id;
    LinkPatch patch;
    ListLinksRequest listRequest;

    /** Starts the server and the two clients. */
    @Setup(Level.Trial)
    public void setUp() {
      server = new LoopbackXqrServer();
      // The default pacing stays on (adaptive), seeded with a rate no loopback run reaches: the
      // pacer's bookkeeping is measured on every call, its waits are not (xQR's default seed,
      // the lowest plan's 10 a second, would make every call wait 100 ms).
      polylink = XqrClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
          .requestsPerSecond(1_000_000).build();
      // A well-written hand-made client: a pool that keeps as many idle connections as the
      // dispatcher allows concurrent requests to one host.
      Dispatcher dispatcher = new Dispatcher();
      OkHttpClient http = new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(64, 4, TimeUnit.SECONDS))
          .build();
      handWritten = new HandWrittenXqrClient(http, server.baseUrl(), KEY);
      createRequest = CreateLinkRequest.builder().destination(DESTINATION).slug("summer24").build();
      id = LinkId.of(ID);
      patch = LinkPatch.builder().destination(NEW_DESTINATION).build();
      listRequest = ListLinksRequest.builder().pageSize(50).build();
    }

    /** Closes the clients and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
      polylink.close();
      handWritten.close();
      server.close();
    }
  }

  /** {@return Polylink's create} */
  @Benchmark
  public Link polylinkCreate(Clients c) {
    return c.polylink.create(c.createRequest);
  }

  /** {@return the hand-written create} */
  @Benchmark
  public HandWrittenXqrClient.PlainLink handWrittenCreate(Clients c) {
    return c.handWritten.create(DESTINATION, "summer24");
  }

  /** {@return Polylink's get} */
  @Benchmark
  public Link polylinkGet(Clients c) {
    return c.polylink.get(c.id);
  }

  /** {@return the hand-written get} */
  @Benchmark
  public HandWrittenXqrClient.PlainLink handWrittenGet(Clients c) {
    return c.handWritten.get(ID);
  }

  /** {@return Polylink's list of a page of 50 links} */
  @Benchmark
  public Page<Link> polylinkList(Clients c) {
    return c.polylink.list(c.listRequest);
  }

  /** {@return the hand-written list of a page of 50 links} */
  @Benchmark
  public List<HandWrittenXqrClient.PlainLink> handWrittenList(Clients c) {
    return c.handWritten.list(50);
  }

  /** {@return Polylink's update} */
  @Benchmark
  public Link polylinkUpdate(Clients c) {
    return c.polylink.update(c.id, c.patch);
  }

  /** {@return the hand-written update} */
  @Benchmark
  public HandWrittenXqrClient.PlainLink handWrittenUpdate(Clients c) {
    return c.handWritten.update(ID, NEW_DESTINATION);
  }

  /** Single-threaded. */
  @org.openjdk.jmh.annotations.Threads(1)
  public static class OneThread extends XqrCallBenchmark {}

  /** 64 threads sharing one client of each kind. */
  @org.openjdk.jmh.annotations.Threads(64)
  public static class SixtyFourThreads extends XqrCallBenchmark {}
}
