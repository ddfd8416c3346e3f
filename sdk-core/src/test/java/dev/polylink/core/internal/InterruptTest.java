package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.TransportException;
import java.io.InterruptedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, item 6: an interrupt ends a call with a TransportException and keeps the thread's flag. */
class InterruptTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @AfterEach
  void clearTheFlag() {
    Thread.interrupted();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "DELETE"})
  void aThreadInterruptedBeforeTheCallGetsATransportExceptionAndKeepsItsFlag(String method) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      Thread.currentThread().interrupt();
      TransportException e = assertThrows(TransportException.class, () -> h.call(method));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag must survive");
      assertInstanceOf(InterruptedIOException.class, e.getCause());
      assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
      assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size(), "nothing is sent");
    }
  }

  @Test
  void aThreadInterruptedDuringTheCallGetsATransportExceptionAndKeepsItsFlag() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(500)));
    java.util.concurrent.ExecutorService timer = Executors.newSingleThreadExecutor();
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      h.call("GET"); // loads every class first, so that the interrupt below comes during the create
      wm.resetRequests();
      Thread caller = Thread.currentThread();
      // Interrupt once the server has the create (WireMock journals it before the delayed answer).
      timer.execute(() -> {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wm.findAll(anyRequestedFor(anyUrl())).isEmpty() && System.nanoTime() < end) {
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
        caller.interrupt();
      });
      TransportException e = assertThrows(TransportException.class, () -> h.call("POST"));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag must survive");
      assertInstanceOf(InterruptedIOException.class, e.getCause());
      assertTrue(e.requestMayHaveBeenProcessed(), "the create was sent before the interrupt");
      assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size());
    } finally {
      timer.shutdownNow();
    }
  }
}
