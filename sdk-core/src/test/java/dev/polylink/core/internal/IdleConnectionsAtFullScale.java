package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.polylink.core.PolylinkException;
import java.time.Duration;

/**
 * Issue 11, item 1 at full scale, by hand (about 40 s, so not part of {@code mvn verify}; {@link
 * IdleConnectionTest} is the scaled-down version that is). A WireMock server that closes idle
 * connections after 5 s, as Node does, and creates after 0.3, 3, 5.5, 7, 9 and 11 s idle, with the
 * default client settings and, for comparison, with a pool that keeps connections 5 minutes
 * (OkHttp's default, what the client used before). Run from the repository root after {@code mvn
 * -B -q -pl sdk-core -am test-compile}:
 *
 * <pre>
 * java -cp "sdk-core/target/test-classes:sdk-core/target/classes:$(mvn -q -pl sdk-core
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" dev.polylink.core.internal.IdleConnectionsAtFullScale
 * </pre>
 */
public final class IdleConnectionsAtFullScale {
  private static final double[] IDLE_SECONDS = {0.3, 3, 5.5, 7, 9, 11};

  private IdleConnectionsAtFullScale() {}

  public static void main(String[] args) throws InterruptedException {
    WireMockServer server = new WireMockServer(
        wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyIdleTimeout(5_000L));
    server.start();
    try {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\": \"7\"}")));
      run(server, "default (connectionIdleTimeout 4 s)", null);
      run(server, "pool keep-alive 5 min (OkHttp's default)", Duration.ofMinutes(5));
    } finally {
      server.stop();
    }
  }

  private static void run(WireMockServer server, String label, Duration idleTimeout) throws InterruptedException {
    System.out.println(label + ", server closes idle connections after 5 s:");
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api",
        b -> b.connectionIdleTimeout(idleTimeout))) {
      h.call("POST");
      for (double idle : IDLE_SECONDS) {
        Thread.sleep((long) (idle * 1000));
        server.resetRequests();
        String outcome;
        try {
          h.call("POST");
          outcome = "success";
        } catch (PolylinkException e) {
          outcome = "FAILED: " + e.getMessage();
        }
        int received = server.findAll(anyRequestedFor(anyUrl())).size();
        System.out.printf("  idle %5.1f s: %s, received %d time(s), retries %d%n", idle, outcome, received, h.waits.size());
        h.waits.clear();
        if (!outcome.equals("success")) {
          h.call("GET"); // a fresh connection for the next round
        }
      }
    }
  }
}
