package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The numbers of issue 11, items 2 and 7, measured by hand (about a minute; not part of {@code mvn
 * verify}): how long a trickling body holds a call, and how much a 50 MB body allocates. Run like
 * {@link IdleConnectionsAtFullScale}.
 */
public final class HttpMeasurements {
  private HttpMeasurements() {}

  public static void main(String[] args) {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    server.start();
    try {
      String body = "{\"id\": \"7\", \"pad\": \"" + "x".repeat(40) + "\"}"; // 60 bytes
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)
          .withChunkedDribbleDelay(60, 30_000)));
      time(server, "200 trickling 1 byte / 500 ms, timeout(1 s), default attempt deadline (60 s)",
          b -> b.timeout(Duration.ofSeconds(1)));
      time(server, "200 trickling 1 byte / 500 ms, timeout(1 s), attemptTimeout(2 s)",
          b -> b.timeout(Duration.ofSeconds(1)).attemptTimeout(Duration.ofSeconds(2)));
      server.resetAll();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(body)
          .withChunkedDribbleDelay(60, 30_000)));
      time(server, "500 trickling, 3 attempts, timeout(1 s), attemptTimeout(2 s), operationTimeout(5 s)",
          b -> b.timeout(Duration.ofSeconds(1)).attemptTimeout(Duration.ofSeconds(2)).operationTimeout(Duration.ofSeconds(5)));

      server.resetAll();
      String big = "{\"id\": \"7\", \"pad\": \"" + "x".repeat(50_000_000) + "\"}";
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withHeader("Transfer-Encoding", "chunked").withBody(big)));
      allocation(server, "50 MB 200 body, chunked, default limit (16 MiB)", b -> {});
      allocation(server, "50 MB 200 body, chunked, maxResponseBodySize(64 MiB) (read whole, as before)",
          b -> b.maxResponseBodySize(64L * 1024 * 1024));
      server.resetAll();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withHeader("Content-Length", String.valueOf(big.length())).withBody(big)));
      allocation(server, "50 MB 200 body with Content-Length, default limit", b -> {});
      server.resetAll();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("E".repeat(20_000_000))));
      allocation(server, "20 MB 500 body, 3 attempts", b -> {});
    } finally {
      server.stop();
    }
  }

  private static void time(WireMockServer server, String label, Consumer<dev.polylink.core.spi.HttpTransport.Builder> c) {
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api", c)) {
      long start = System.nanoTime();
      String outcome;
      try {
        h.call("GET");
        outcome = "success";
      } catch (RuntimeException e) {
        outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      System.out.printf("%s: %.1f s, %s%n", label, (System.nanoTime() - start) / 1e9, outcome);
    }
  }

  private static void allocation(WireMockServer server, String label, Consumer<dev.polylink.core.spi.HttpTransport.Builder> c) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api", c)) {
      try {
        h.call("GET"); // warm-up
      } catch (RuntimeException e) {
        // measured below
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      String outcome;
      try {
        h.call("GET");
        outcome = "success";
      } catch (RuntimeException e) {
        outcome = e.getClass().getSimpleName();
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      System.out.printf("%s: %.1f MB allocated by the calling thread, %s%n", label, allocated / 1e6, outcome);
    }
  }
}
