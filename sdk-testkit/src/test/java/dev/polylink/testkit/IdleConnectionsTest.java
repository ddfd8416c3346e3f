package dev.polylink.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulators' idle-connection option ({@link ProviderEmulator#start(String, Duration)}): the
 * server closes a keep-alive connection once it has been idle that long (Jetty's idle timeout,
 * which like Node's keep-alive timeout ends an idle connection; unlike Node's it also ends a
 * request whose handler is slower than the timeout, so keep it well above your requests' time),
 * and a client whose pool keeps idle connections for less creates through it after any idle time.
 */
class IdleConnectionsTest {
  static java.util.Set<String> providers() {
    return ProviderEmulator.providerIds();
  }

  private static CreateLinkRequest create(int i) {
    return CreateLinkRequest.builder().destination("https://example.com/idle-" + i).build();
  }

  private static int posts(ProviderEmulator emulator) {
    return emulator.wireMock().findAll(postRequestedFor(urlPathMatching(".*"))).size();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void theServerClosesAConnectionIdleForTheGivenTime(String providerId) throws IOException {
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId, Duration.ofMillis(200));
        Socket socket = new Socket("127.0.0.1", emulator.wireMock().port())) {
      socket.setSoTimeout(5_000);
      // Timed from before the request: the server cannot close the connection 200 ms idle sooner
      // than 200 ms after it, however late this thread reads the answer on a loaded machine.
      long start = System.nanoTime();
      socket.getOutputStream().write(
          "GET /nothing/here/at/all HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertTrue(in.read() != -1, "an answer");
      while (in.read() != -1) {
        // the rest of the answer, then the end of the stream when the server closes the connection
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 200 && millis < 4_000, "closed after " + millis + " ms idle");
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void createsAfterIdleTimesBelowAndAboveTheClientsBoundSucceedOnceEach(String providerId) throws InterruptedException {
    // The server's idle timeout only needs to be far above anything here: this thread may be held
    // for hundreds of milliseconds on a loaded machine between connecting and writing a request,
    // and Jetty's idle timeout closes such a connection too.
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId, Duration.ofSeconds(3));
        LinkClient client = emulator.clientBuilder()
            .connectionIdleTimeout(Duration.ofMillis(40)).build()) {
      client.create(create(0));
      int i = 1;
      for (long idle : new long[] {5, 100}) {
        Thread.sleep(idle);
        client.create(create(i++));
      }
      assertEquals(3, posts(emulator), "each create arrived once");
      assertEquals(3, emulator.links().size());
    }
  }
}
