package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.BulkResult;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code deleteAll} on ShortPen's multi-id delete: batches of 100, the count attributed as documented. */
class ShortpenDeleteAllTest extends ShortpenWireMockTest {
  private static String deleted(int count) {
    return "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": " + count + "}, \"message\": \"\"}";
  }

  private static String body(int from, int to) {
    return "{\"url_id\": [" + IntStream.range(from, to).mapToObj(i -> Integer.toString(1000 + i))
        .collect(Collectors.joining(", ")) + "]}";
  }

  private static List<LinkId> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> LinkId.of(1000 + i)).collect(Collectors.toList());
  }

  private void stub(int from, int to, int status, String answer) {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(from, to), false, false))
        .willReturn(json(status, answer)));
  }

  @Test
  void capabilitiesDeclareTheMultiIdDelete() {
    assertEquals(100, ShortpenClient.CAPABILITIES.bulk(Operation.DELETE).orElseThrow().maxBatchSize());
  }

  @Test
  void twoHundredFiftyIdsAreThreeRequestsOf100_100_50() {
    stub(0, 100, 200, deleted(100));
    stub(100, 200, 200, deleted(100));
    stub(200, 250, 200, deleted(50));

    BulkResult<LinkId> result = client.deleteAll(ids(250));

    wm.verify(3, deleteRequestedFor(urlEqualTo("/v1/links")));
    for (int[] range : new int[][] {{0, 100}, {100, 200}, {200, 250}}) {
      wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links"))
          .withRequestBody(equalToJson(body(range[0], range[1]), false, false)));
    }
    assertEquals(250, result.succeededCount());
    assertEquals(ids(250), result.values());
  }

  @Test
  void invalidIdsFailAloneAndAreNotSent() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson("{\"url_id\": [1000, 1002]}", false, false))
        .willReturn(json(200, deleted(2))));
    List<LinkId> ids = new ArrayList<>(List.of(LinkId.of(1000), LinkId.of("abc"), LinkId.of(1002), LinkId.of("-4")));

    BulkResult<LinkId> result = client.deleteAll(ids);

    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links")));
    assertEquals(List.of(LinkId.of(1000), LinkId.of(1002)), result.values());
    assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(3).failure().orElseThrow());
  }

  @Test
  void duplicatesAreSentOnceAndBothSucceed() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson("{\"url_id\": [1000, 1001]}", false, false))
        .willReturn(json(200, deleted(2))));
    BulkResult<LinkId> result = client.deleteAll(List.of(LinkId.of(1000), LinkId.of(1001), LinkId.of(1000)));
    assertEquals(3, result.succeededCount());
  }

  @Test
  void noneMatchedFailsEveryItemOfThatRequestWithNotFound() {
    stub(0, 100, 200, deleted(100));
    stub(100, 150, 404, ShortpenFixtures.error(404, "No matching links found."));

    BulkResult<LinkId> result = client.deleteAll(ids(150));

    assertEquals(100, result.succeededCount());
    PolylinkException notFound = result.items().get(100).failure().orElseThrow();
    assertInstanceOf(NotFoundException.class, notFound);
    for (int i = 100; i < 150; i++) {
      assertSame(notFound, result.items().get(i).failure().orElseThrow());
    }
  }

  @Test
  void aCountOfZeroIsNotFoundForEachItem() {
    stub(0, 2, 200, deleted(0));
    BulkResult<LinkId> result = client.deleteAll(ids(2));
    assertInstanceOf(NotFoundException.class, result.items().get(0).failure().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
  }

  @Test
  void aShortCountSucceedsForEveryIdOfTheRequest() {
    // Two of three matched; ShortPen does not say which: none of the three is a live link afterwards.
    stub(0, 3, 200, deleted(2));
    BulkResult<LinkId> result = client.deleteAll(ids(3));
    assertEquals(3, result.succeededCount());
  }

  @Test
  void anUnreadableOrImpossibleCountLeavesEveryItemUnaccounted() {
    stub(0, 2, 200, deleted(5));
    BulkResult<LinkId> result = client.deleteAll(ids(2));
    TransportException e = assertInstanceOf(TransportException.class, result.items().get(0).failure().orElseThrow());
    assertTrue(e.requestMayHaveBeenProcessed());
    assertEquals(2, result.failedCount());
  }

  @Test
  void aWholeRequestFailureFailsEachOfItsIdsOnly() {
    stub(0, 100, 429, ShortpenFixtures.error(429, "Monthly links quota reached."));
    stub(100, 120, 200, deleted(20));

    BulkResult<LinkId> result = client.deleteAll(ids(120));

    PolylinkException quota = result.items().get(0).failure().orElseThrow();
    assertInstanceOf(RateLimitException.class, quota);
    for (int i = 0; i < 100; i++) {
      assertSame(quota, result.items().get(i).failure().orElseThrow());
    }
    assertEquals(20, result.succeededCount());
  }

  @Test
  void aRequestResentAfterALostAnswerAndAnswered404SucceedsForEachId() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("deleted"));
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs("deleted")
        .willReturn(json(404, ShortpenFixtures.error(404, "No links found for the given url_id."))));

    BulkResult<LinkId> result = client.deleteAll(ids(2));

    wm.verify(2, deleteRequestedFor(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(0, 2), false, false)));
    assertEquals(ids(2), result.values());
  }
}
