package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DELETE links/{id} and DELETE links/bulk split into requests of at most 50 ids. */
class SnipurlDeleteTest extends SnipurlTestSupport {
  private static final String BULK_PATH = "/api/v1/links/bulk";

  private static List<LinkId> ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> LinkId.of(new UUID(0x1111_0000_4000L, 0x8000_0000_0000_0000L | (i + 1L))))
        .collect(Collectors.toList());
  }

  private static String idsJson(List<LinkId> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}"));
  }

  private static String deleted(int n) {
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
}
