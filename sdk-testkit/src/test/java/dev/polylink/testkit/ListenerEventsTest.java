package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.testing.RecordingListener;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.Operation;
import dev.polylink.core.StatsRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An operation that makes several requests is one operation to a listener, every request's attempts inside it. */
class ListenerEventsTest {
  @Test
  void carrierxExpiryUpdateReadsTheLinkFirstWithinOneOperation() {
    RecordingListener listener = new RecordingListener();
    try (ProviderEmulator emulator = ProviderEmulator.start("carrierx");
        LinkClient client = emulator.clientBuilder().addListener(listener).build()) {
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
        LinkClient client = emulator.clientBuilder().addListener(listener).build()) {
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

  /** The feature reads (statistics, QR images, usage) are operations of their own, as the link operations are. */
  @ParameterizedTest
  @ValueSource(strings = {"xqr", "shortpen", "snipurl", "carrierx"})
  void featureReadsAreOneOperationEach(String providerId) {
    RecordingListener listener = new RecordingListener();
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId);
        LinkClient client = emulator.clientBuilder().addListener(listener).build()) {
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/observed").build());
      LocalDate today = emulator.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
      StatsRequest request = client.capabilities().stats().dateRange() == DateRangeSupport.REQUIRED
          ? StatsRequest.between(today.minusDays(6), today) : StatsRequest.allTime();
      for (Operation operation : List.of(Operation.STATS, Operation.QR_CODE, Operation.ACCOUNT_USAGE)) {
        if (!client.capabilities().supports(operation)) {
          continue;
        }
        listener.clear();
        switch (operation) {
          case STATS -> client.stats(link.id(), request);
          case QR_CODE -> client.qrCode(link.id());
          default -> client.accountUsage();
        }
        List<String> lines = listener.linesWithoutRateLimits();
        assertEquals("operationStarted " + operation, lines.get(0), providerId + ": " + lines);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("operationStarted")).count(), providerId + ": " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("operationFinished " + operation + " success"),
            providerId + ": " + lines);
      }
    }
  }
}
