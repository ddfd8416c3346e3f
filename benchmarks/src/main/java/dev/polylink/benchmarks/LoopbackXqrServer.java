package dev.polylink.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fast loopback server answering xQR's link endpoints with canned bodies taken from xQR's
 * documented examples (the list page is the documented page's two links repeated to 50, with
 * distinct ids). It reads and discards request bodies and answers at once; keep-alive on.
 */
final class LoopbackXqrServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] create = resource("create-link-response.json");
  private final byte[] get = resource("get-link-response.json");
  private final byte[] list = resource("list-links-response.json");
  private final byte[] update = resource("update-link-response.json");

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: every call would wait ~40 ms and measure nothing but that.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  LoopbackXqrServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
    executor = Executors.newFixedThreadPool(8, r -> new Thread(r, SERVER_THREAD + threads.incrementAndGet()));
    server.setExecutor(executor);
    server.createContext("/api/v1/links", this::handle);
    server.start();
  }

  /** The name prefix of the server's handler threads. */
  private static final String SERVER_THREAD = "loopback-xqr-server-";

  /**
   * {@return whether a thread of this name is one of the server's: its handler threads or the JDK
   * server's dispatcher and idle-connection timer}
   *
   * @param name a thread's name
   */
  static boolean isServerThread(String name) {
    return name.startsWith(SERVER_THREAD) || name.startsWith("HTTP-Dispatcher") || name.startsWith("idle-timeout-task")
        || name.startsWith("server-timer");
  }

  /** How many of the next responses say {@code Connection: close}. */
  private final java.util.concurrent.atomic.AtomicInteger closing = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Makes the next {@code responses} responses close their connection ({@code Connection: close}),
   * so that each client's next call opens a new one.
   *
   * @param responses how many responses
   */
  void closeConnectionsAfter(int responses) {
    closing.set(responses);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputDiscard.INSTANCE);
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    int status = 200;
    if ("POST".equals(method)) {
      body = create;
      status = 201;
    } else if ("PATCH".equals(method)) {
      body = update;
    } else if (path.endsWith("/links")) {
      body = list;
    } else {
      body = get;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (closing.get() > 0 && closing.getAndDecrement() > 0) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.getResponseHeaders().set("X-RateLimit-Limit", "600");
    exchange.getResponseHeaders().set("X-RateLimit-Remaining", "597");
    exchange.getResponseHeaders().set("X-RateLimit-Reset", "1742572800");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static byte[] resource(String name) {
    try (InputStream in = LoopbackXqrServer.class.getResourceAsStream("/xqr/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Discards what is written to it. */
  private static final class OutputDiscard extends java.io.OutputStream {
    static final OutputDiscard INSTANCE = new OutputDiscard();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
