package com.example.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientListener;
import dev.polylink.micrometer.MicrometerListener;
import dev.polylink.testkit.EmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The root README's "Observability" example, verbatim (ReadmeTest compares them). */
class ObservedClientTest {
  @RegisterExtension
  static EmulatorExtension xqr = EmulatorExtension.of("xqr");

  @Test
  void metersRetriesAndTheWireLog() {
    MeterRegistry registry = new SimpleMeterRegistry();             // your application's registry
    List<String> waits = new CopyOnWriteArrayList<>();
    xqr.emulator().clock().set(Instant.parse("2026-03-02T09:00:00Z")); // time moves when the client waits
    xqr.emulator().rateLimit(1, Duration.ofSeconds(3));             // the second call gets a 429
    try (LinkClient client = xqr.emulator().clientBuilder()        // waits advance the emulator's clock
        .addListener(MicrometerListener.create(registry))          // meters; pass an ObservationRegistry for spans
        .addListener(new LinkClientListener() {                    // or listen yourself
          @Override
          public void retryScheduled(RetryScheduled event) {
            waits.add(event.operation() + " " + event.pathTemplate() + " waits " + event.delay() + " (" + event.reason() + ")");
          }
        })
        .wireLog(true)                                             // TRACE on dev.polylink.wire, secrets redacted
        .build()) {
      client.create(CreateLinkRequest.builder().destination("https://example.com/a").build());
      client.create(CreateLinkRequest.builder().destination("https://example.com/b").build());
    }

    assertEquals(List.of("CREATE /v1/links waits PT2S (RATE_LIMITED)"), waits);
    assertEquals(2, registry.get("polylink.client.operations").tag("outcome", "success").timer().count());
    assertEquals(1, registry.get("polylink.client.rate.limited").counter().count());
  }
}
