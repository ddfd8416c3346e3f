package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 1, scaled down 1:80: a server that closes idle keep-alive connections after 60 ms
 * (as Node closes them after 5 s) and a client whose pool keeps an idle connection 20 ms (as the
 * default keeps it 4 s). Creates after 5, 40 and 100 ms of idleness all succeed, each received
 * once. The control, a client that keeps connections longer than the server (what OkHttp's
 * 5-minute default did), fails a create after 100 ms idle without the server ever receiving it.
 * The full-scale run (0.3 to 11 s against a 5 s server) is {@link IdleConnectionsAtFullScale}, run
 * by hand.
 */
class IdleConnectionTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyIdleTimeout(60L))
          .build();

  /** A first request may take longer than the server's 60 ms (class loading): not these tests' subject. */
  @org.junit.jupiter.api.BeforeEach
  void warmUp() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\": \"7\"}")));
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api", b -> {})) {
      h.call("POST");
    }
    server.resetRequests();
  }

  private static int posts() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void createsAfterAnyIdleTimeSucceedAndAreReceivedOnce() throws InterruptedException {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\": \"7\"}")));
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api",
        b -> b.connectionIdleTimeout(Duration.ofMillis(20)))) {
      h.call("POST");
      int sent = 1;
      for (long idle : new long[] {5, 40, 100}) {
        Thread.sleep(idle);
        h.call("POST");
        sent++;
        assertEquals(sent, posts(), "after " + idle + " ms idle every create arrived exactly once");
      }
      assertTrue(h.waits.isEmpty(), "no create needed a retry");
    }
  }

  @Test
  void aClientThatKeepsConnectionsLongerThanTheServerFailsACreateTheServerNeverSaw() throws InterruptedException {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\": \"7\"}")));
    try (TransportHarness h = new TransportHarness(server.baseUrl() + "/api",
        b -> b.connectionIdleTimeout(Duration.ofMinutes(5)))) {
      h.call("POST");
      Thread.sleep(100);
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertTrue(e.requestMayHaveBeenProcessed(), "it was written to a connection: the client cannot know");
      assertEquals(1, posts(), "the server closed the connection and never saw the second create");
    }
  }
}
