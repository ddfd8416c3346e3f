package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, items 4 and 5: an answer that is lost after the vendor processed the request. A
 * retried DELETE answered 404 counts as deleted; a create says that it may have been processed.
 */
class LostAnswerTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static void firstThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    wm.stubFor(any(anyUrl()).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("processed"));
    wm.stubFor(any(anyUrl()).inScenario("lost").whenScenarioStateIs("processed").willReturn(then));
  }

  private static int requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  /**
   * The requests received, once at least {@code atLeast} are in the journal (or after 5 s): WireMock
   * journals a request when its handler runs, which on a loaded machine can be after the client
   * gave up on it. The client has returned, so whatever it sent has already been written.
   */
  private static int journaled(int atLeast) {
    long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    int n = requests();
    while (n < atLeast && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
      n = requests();
    }
    return n;
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void aRetriedDeleteAnswered404AfterALostAnswerCountsAsDeleted(Fault fault) {
    firstThen(aResponse().withFault(fault), aResponse().withStatus(404).withBody("{\"error\": \"not found\"}"));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertNull(h.call("DELETE"));
      assertEquals(2, requests());
    }
  }

  @Test
  void aRetriedDeleteAnswered404AfterA502CountsAsDeletedToo() {
    firstThen(aResponse().withStatus(502), aResponse().withStatus(404));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertNull(h.call("DELETE"));
    }
  }

  @Test
  void aDeleteAnswered404AtOnceIsNotFound() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertThrows(NotFoundException.class, () -> h.call("DELETE"));
      assertEquals(1, requests());
    }
  }

  @Test
  void aDeleteAnswered404AfterA503IsNotFound() {
    // 503 and 429 say the vendor did not act: the 404 that follows is the truth.
    firstThen(aResponse().withStatus(503), aResponse().withStatus(404));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertThrows(NotFoundException.class, () -> h.call("DELETE"));
      assertEquals(2, requests());
    }
  }

  @Test
  void aGetAnswered404AfterALostAnswerIsStillNotFound() {
    firstThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(404));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertThrows(NotFoundException.class, () -> h.call("GET"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK"})
  void aCreateWhoseAnswerIsLostSaysItMayHaveBeenProcessedAndIsSentOnce(Fault fault) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertTrue(e.requestMayHaveBeenProcessed(), e.getMessage());
      assertTrue(e.getMessage().contains("may have processed the request"), e.getMessage());
      assertEquals(1, requests(), "a create that may have been processed is never sent again");
      assertTrue(h.waits.isEmpty());
    }
  }

  @Test
  void aCreateWhoseAnswerIsLateSaysItMayHaveBeenProcessed() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{}").withFixedDelay(800)));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> b.attemptTimeout(Duration.ofMillis(200)))) {
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertTrue(e.requestMayHaveBeenProcessed());
      assertTrue(e.getMessage().contains("attempt deadline (attemptTimeout PT0.2S)"), e.getMessage());
      assertEquals(1, journaled(1), "not sent again");
    }
  }

  @Test
  void aCreateThatNeverLeftSaysSoAndWasTriedAgain() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    try (TransportHarness h = new TransportHarness("http://127.0.0.1:" + port + "/api", b -> {})) {
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertFalse(e.requestMayHaveBeenProcessed(), e.getMessage());
      assertEquals(2, h.waits.size(), "a connection that never opened is retried, POST included");
    }
  }
}
