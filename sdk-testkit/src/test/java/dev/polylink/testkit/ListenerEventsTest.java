package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.testing.RecordingListener;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operation that makes several requests is one operation to a listener, every request's attempts inside it. */
class ListenerEventsTest {
  @Test
  void carrierxExpiryUpdateReadsTheLinkFirstWithinOneOperation() {
    RecordingListener listener = new RecordingListener();
    try (ProviderEmulator emulator = ProviderEmulator.start("carrierx");
        LinkClient client = LinkClients.builder("carrierx", emulator.clientConfig()).addListener(listener).build()) {
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/expiring").build());
      listener.clear();

      client.update(link.id(), LinkPatch.builder()
          .expiresAt(emulator.clock().instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).build());

      assertEquals(List.of(
          "operationStarted UPDATE",
          "attemptStarted GET /shortener/links/{link_sid} #1",
          "attemptFinished #1 200",
          "attemptStarted PATCH /shortener/links/{link_sid} #1",
          "attemptFinished #1 200",
          "operationFinished UPDATE success attempts=2 retries=0"), listener.linesWithoutRateLimits());
    }
  }

  @Test
  void listAllIsOneOperationPerPage() {
    RecordingListener listener = new RecordingListener();
    try (ProviderEmulator emulator = ProviderEmulator.start("xqr");
        LinkClient client = LinkClients.builder("xqr", emulator.clientConfig()).addListener(listener).build()) {
      for (int i = 0; i < 3; i++) {
        client.create(CreateLinkRequest.builder().destination("https://example.com/" + i).build());
      }
      listener.clear();

      assertEquals(3, client.listAll(dev.polylink.core.ListLinksRequest.builder().pageSize(2).build()).count());

      assertEquals(List.of(
          "operationStarted LIST", "attemptStarted GET /v1/links #1", "attemptFinished #1 200",
          "operationFinished LIST success attempts=1 retries=0",
          "operationStarted LIST", "attemptStarted GET /v1/links #1", "attemptFinished #1 200",
          "operationFinished LIST success attempts=1 retries=0"), listener.linesWithoutRateLimits());
    }
  }
}
