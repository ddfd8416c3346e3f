package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polylink.core.BulkResult;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code client.async().deleteAll} on ShortPen's multi-id delete: the blocking path's batches of 100 and bodies. */
class ShortpenAsyncDeleteAllTest extends ShortpenWireMockTest {
  @Override
  protected ShortpenClient newClient() {
    return client(b -> b.defaultDomainId(1).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()));
  }

  private static String deleted(int count) {
    return "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": " + count + "}, \"message\": \"\"}";
  }

  private static String body(List<Integer> ids) {
    return "{\"url_id\": [" + ids.stream().map(i -> Integer.toString(1000 + i)).collect(Collectors.joining(", ")) + "]}";
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void twoHundredFiftyIdsAreThreeRequestsOf100_100_50AndInvalidIdsFailAloneUnsent() throws Exception {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(range(0, 100)), false, false))
        .willReturn(json(200, deleted(100))));
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(range(100, 200)), false, false))
        .willReturn(json(200, deleted(0))));
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(range(200, 250)), false, false))
        .willReturn(json(200, deleted(50))));
    List<LinkId> ids = new ArrayList<>(IntStream.range(0, 250).mapToObj(i -> LinkId.of(1000 + i)).toList());
    ids.add(120, LinkId.of("abc"));

    BulkResult<LinkId> result = client.async().deleteAll(ids).get(10, TimeUnit.SECONDS);

    wm.verify(3, deleteRequestedFor(urlEqualTo("/v1/links")));
    for (List<Integer> batch : List.of(range(0, 100), range(100, 200), range(200, 250))) {
      wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(batch), false, false)));
    }
    assertEquals(251, result.items().size());
    assertInstanceOf(RequestValidationException.class, result.items().get(120).failure().orElseThrow());
    for (int i = 0; i < 100; i++) {
      assertEquals(LinkId.of(1000 + i), result.items().get(i).value().orElseThrow());
    }
    // the batch answered "deleted: 0" fails each of its ids with the same NotFoundException, as the blocking path
    for (int i = 100; i < 201; i++) {
      if (i != 120) {
        assertInstanceOf(NotFoundException.class, result.items().get(i).failure().orElseThrow(), "item " + i);
      }
    }
    for (int i = 201; i < 251; i++) {
      assertEquals(LinkId.of(1000 + i - 1), result.items().get(i).value().orElseThrow());
    }
  }

  @Test
  void aBatchAnswered404FailsEachOfItsIds() throws Exception {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson(body(range(0, 2)), false, false))
        .willReturn(json(404, "{\"success\": false, \"status_code\": 404, \"message\": \"Link not found\"}")));
    BulkResult<LinkId> result = client.async().deleteAll(List.of(LinkId.of(1000), LinkId.of(1001)))
        .get(10, TimeUnit.SECONDS);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links")));
    assertInstanceOf(NotFoundException.class, result.items().get(0).failure().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
  }
}
