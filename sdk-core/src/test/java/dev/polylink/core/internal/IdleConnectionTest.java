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
import dev.polylink.core.testing.ClosingProxy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 1, scaled down: a server that closes idle keep-alive connections (as Node closes
 * them after 5 s) and a client whose pool keeps an idle connection 20 ms (as the default keeps it
 * 4 s). Creates after 5, 40 and 100 ms of idleness all succeed, each received once; the server
 * closed the connection before the last. The control, a client that keeps connections longer than
 * the server (what OkHttp's 5-minute default did), fails a create after the server closed the idle
 * connection, without the server ever receiving it. The full-scale run (0.3 to 11 s against a 5 s
 * server) is {@link IdleConnectionsAtFullScale}, run by hand.
 *
 * <p>The server's close is {@link ClosingProxy#closeConnections()}, called where the server's
 * idle timeout would have passed, not a server idle timer: a timer short enough for a unit test
 * (Jetty's, at 60 ms) also closed fresh connections before their request arrived whenever a loaded
 * build machine held the client that long between connecting and writing.
 */
class IdleConnectionTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @BeforeEach
  void created() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"id\": \"7\"}")));
  }

  private static int posts() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void createsAfterAnyIdleTimeSucceedAndAreReceivedOnce() throws Exception {
    try (ClosingProxy vendor = new ClosingProxy(server.getPort());
        TransportHarness h = new TransportHarness(vendor.baseUrl() + "/api",
            b -> b.connectionIdleTimeout(Duration.ofMillis(20)))) {
      h.call("POST");
      int sent = 1;
      Thread.sleep(5); // within the client's bound: the connection may be reused
      h.call("POST");
      assertEquals(++sent, posts(), "after 5 ms idle the create arrived exactly once");

      int connections = vendor.connectionsAccepted();
      Thread.sleep(40); // past the client's bound, within the server's
      h.call("POST");
      assertEquals(++sent, posts(), "after 40 ms idle the create arrived exactly once");
      assertEquals(connections + 1, vendor.connectionsAccepted(), "a connection idle past the bound is not reused");

      Thread.sleep(100); // past both bounds: the server closes its side of the idle connection
      vendor.closeConnections();
      h.call("POST");
      assertEquals(++sent, posts(), "after the server closed the idle connection the create arrived exactly once");
      assertEquals(connections + 2, vendor.connectionsAccepted(), "on a new connection");
      assertTrue(h.waits.isEmpty(), "no create needed a retry");
    }
  }

  @Test
  void aClientThatKeepsConnectionsLongerThanTheServerFailsACreateTheServerNeverSaw() throws Exception {
    try (ClosingProxy vendor = new ClosingProxy(server.getPort());
        TransportHarness h = new TransportHarness(vendor.baseUrl() + "/api",
            b -> b.connectionIdleTimeout(Duration.ofMinutes(5)))) {
      h.call("POST");
      Thread.sleep(100);
      vendor.closeConnections(); // the server's idle timeout passed; the client's has not
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertTrue(e.requestMayHaveBeenProcessed(), "it was written to a connection: the client cannot know");
      assertEquals(1, posts(), "the server closed the connection and never saw the second create");
      assertEquals(1, vendor.connectionsAccepted(), "the closed connection was reused");
    }
  }
}
