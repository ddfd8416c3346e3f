package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.BulkOperationException;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.spi.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DELETE links/{id} and DELETE links/bulk split into requests of at most 50 ids. */
class SnipurlDeleteTest extends SnipurlWireMockTest {

  private static final String BULK_PATH = "/api/v1/links/bulk";

  static List<LinkId> ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> LinkId.of(new UUID(0x1111_0000_4000L, 0x8000_0000_0000_0000L | (i + 1L))))
        .collect(Collectors.toList());
  }

  static String idsJson(List<LinkId> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}"));
  }

  static String deleted(int n) {
    return "{\"success\":true,\"data\":{\"deleted\":" + n + "}}";
  }

  @Test
  void deleteOne() {
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(json(200, "{\"success\":true,\"data\":{\"deleted\":true}}")));
    client.delete(DOC_ID);
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void deleteOneThatDoesNotExist() {
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(json(404, error("NOT_FOUND", "Link not found."))));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.delete(DOC_ID));
    assertEquals(dev.polylink.core.Operation.DELETE, e.operation());
  }

  @Test
  void aHundredAndTwentyIdsGoInThreeRequestsOfAtMostFifty() throws Exception {
    List<LinkId> ids = ids(120);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(50))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 100)), false, false))
        .willReturn(json(200, deleted(49))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(100, 120)), false, false))
        .willReturn(json(200, deleted(20))));

    assertEquals(OptionalInt.of(119), client.delete(ids));

    List<LoggedRequest> requests = wm.findAll(deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals(3, requests.size());
    List<Integer> sizes = new ArrayList<>();
    for (LoggedRequest request : requests) {
      JsonNode body = Json.mapper().readTree(request.getBodyAsString());
      sizes.add(body.get("ids").size());
    }
    assertEquals(List.of(50, 50, 20), sizes);
  }

  @Test
  void exactlyFiftyIdsIsOneRequest() {
    List<LinkId> ids = ids(50);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false))
        .willReturn(json(200, deleted(50))));
    assertEquals(OptionalInt.of(50), client.delete(ids));
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
  }

  @Test
  void aCountOfZeroIsACount() {
    List<LinkId> ids = ids(3);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).willReturn(json(200, deleted(0))));
    assertEquals(OptionalInt.of(0), client.delete(ids));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).willReturn(json(200, deleted(-1))));
    assertThrows(dev.polylink.core.TransportException.class, () -> client.delete(ids));
  }

  @Test
  void repeatedIdsAreSentOnce() {
    List<LinkId> ids = ids(2);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false))
        .willReturn(json(200, deleted(2))));
    assertEquals(OptionalInt.of(2), client.delete(List.of(ids.get(0), ids.get(1), ids.get(0))));
  }

  @Test
  void anEmptyCollectionSendsNothing() {
    assertEquals(OptionalInt.of(0), client.delete(List.<LinkId>of()));
    assertNoRequests();
  }

  @Test
  void everyMalformedIdIsNamedBeforeAnyRequest() {
    List<LinkId> ids = new ArrayList<>(ids(60));
    ids.set(1, LinkId.of("42"));
    ids.set(55, LinkId.of("a8Kx2m"));
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.delete(ids));
    assertEquals(List.of("ids[1]: must be a UUID (was \"42\")", "ids[55]: must be a UUID (was \"a8Kx2m\")"),
        e.violations());
    assertNoRequests();
  }

  @Test
  void aFailingChunkStopsTheRestAndThrows() {
    List<LinkId> ids = ids(60);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(400, "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\","
            + "\"message\":\"Invalid request. Provide 1-50 link IDs.\"}}")));
    dev.polylink.core.BadRequestException e =
        assertThrows(dev.polylink.core.BadRequestException.class, () -> client.delete(ids));
    assertEquals(java.util.Optional.of("VALIDATION_ERROR"), e.errorCode());
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
  }

  // ---------------------------------------------------------------- bulk delete (items 4 and 14)

  @Test
  void bulkIdsAreCheckedWithTheServersStricterUuidRule() {
    List<LinkId> ids = List.of(
        LinkId.of("550e8400-e29b-01d4-a716-446655440000"),   // version 0
        LinkId.of("550e8400-e29b-41d4-c716-446655440000"),   // variant c
        LinkId.of("550e8400-e29b-41d4-a716-446655440000"));  // fine
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.delete(ids));
    assertEquals(2, e.violations().size(), e.violations()::toString);
    assertTrue(e.violations().get(0).startsWith("ids[0]: must be a UUID of version 1 to 8"), e.violations()::toString);
    assertTrue(e.violations().get(0).endsWith("(was \"550e8400-e29b-01d4-a716-446655440000\")"), e.violations()::toString);
    assertTrue(e.violations().get(1).startsWith("ids[1]: must be a UUID of version 1 to 8"), e.violations()::toString);
    assertNoRequests();
  }

  @Test
  void theNilAndMaxUuidsPassTheBulkRuleAsTheyDoOnTheServer() {
    List<LinkId> ids = List.of(LinkId.of("00000000-0000-0000-0000-000000000000"),
        LinkId.of("ffffffff-ffff-ffff-ffff-ffffffffffff"), LinkId.of("550e8400-e29b-81d4-B716-446655440000"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false))
        .willReturn(json(200, deleted(0))));
    assertEquals(OptionalInt.of(0), client.delete(ids));
  }

  @Test
  void aBulkDeleteWhoseAnswerWasLostDoesNotReportTheResentAttemptsCount() {
    List<LinkId> ids = ids(10);
    // The first attempt is processed (the ten links are deleted) but its answer never arrives; the
    // resent request finds nothing left to delete, so SnipURL answers 0.
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("deleted"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs("deleted")
        .willReturn(json(200, deleted(0))));

    assertEquals(OptionalInt.empty(), client.delete(ids), "the count is unknown, not 0");
    wm.verify(2, deleteRequestedFor(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false)));
  }

  @Test
  void aBulkDeleteWhoseSecondRequestFailsSaysWhatTheFirstDeleted() {
    List<LinkId> ids = ids(120);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(48))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 100)), false, false))
        .willReturn(aResponse().withStatus(500)));

    BulkOperationException e = assertThrows(BulkOperationException.class, () -> client.delete(ids));

    assertEquals("snipurl", e.providerId());
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(ids.subList(0, 50), e.completed());
    assertEquals(OptionalLong.of(48), e.completedCount());
    assertEquals(ids.subList(50, 100), e.failed());
    assertEquals(ids.subList(100, 120), e.notSent());
    ServerException cause = assertInstanceOf(ServerException.class, e.failure());
    assertSame(cause, e.getCause());
    assertEquals(500, cause.statusCode());
    assertTrue(e.getMessage().contains("50 id(s) were in requests that succeeded (48 reported done)"), e.getMessage());
    assertTrue(e.getMessage().contains("20 id(s) were not sent"), e.getMessage());
    wm.verify(1 + RetryPolicy.defaults().maxAttempts(), deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
  }

  @Test
  void afterALostAnswerAPartWayFailureSaysTheCountIsUnknown() {
    List<LinkId> ids = ids(60);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("resent"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs("resent")
        .withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(0))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 60)), false, false))
        .willReturn(json(400, error("VALIDATION_ERROR", "Invalid request. Provide 1-50 link IDs."))));

    BulkOperationException e = assertThrows(BulkOperationException.class, () -> client.delete(ids));

    assertEquals(OptionalLong.empty(), e.completedCount());
    assertEquals(ids.subList(0, 50), e.completed());
    assertEquals(ids.subList(50, 60), e.failed());
    assertEquals(List.of(), e.notSent());
    assertInstanceOf(BadRequestException.class, e.failure());
    assertTrue(e.getMessage().contains("how many were done is unknown"), e.getMessage());
  }
}
