package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The xQR emulator's bulk create and bulk status: limits, partial failures, rate-limit accounting, and the client on them. */
class XqrEmulatorBulkTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("xqr");

  private XqrEmulator xqr;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    xqr = EXTENSION.emulator(XqrEmulator.class);
    http = Http.bearer(xqr.apiKey());
    links = xqr.baseUrl() + "/v1/links";
  }

  private static String bulk(int n) {
    return "{\"links\":[" + IntStream.range(0, n).mapToObj(i -> "{\"url\":\"https://example.com/" + i + "\"}")
        .collect(Collectors.joining(",")) + "]}";
  }

  @Test
  void bulkCreateCreatesEachLinkAndReportsTheFailedOnes() {
    http.post(links, "{\"url\":\"https://example.com/old\",\"custom_slug\":\"taken-one\"}");
    Http.Reply reply = http.post(links + "/bulk", "{\"links\":["
        + "{\"url\":\"https://example.com/a\",\"custom_slug\":\"fresh-one\"},"
        + "{\"url\":\"https://example.com/b\",\"custom_slug\":\"taken-one\"},"
        + "{\"url\":\"ftp://example.com/c\"},"
        + "{\"url\":\"https://example.com/d\",\"custom_slug\":\"fresh-one\"},"
        + "{\"url\":\"https://example.com/e\"}]}");

    assertEquals(201, reply.status(), reply.body());
    Map<String, Object> data = obj(reply.json().get("data"));
    List<Object> created = arr(data.get("created"));
    assertEquals(2, created.size());
    assertEquals("fresh-one", obj(created.get(0)).get("short_code"));
    assertEquals("https://example.com/e", obj(created.get(1)).get("destination"));
    List<Object> errors = arr(data.get("errors"));
    assertEquals(3, errors.size());
    Map<String, Object> taken = obj(errors.get(0));
    assertEquals(1L, num(taken.get("index")));
    assertEquals("taken-one", taken.get("custom_slug"));
    assertEquals("SLUG_TAKEN", taken.get("code"));
    assertEquals(409L, num(taken.get("status")));
    assertEquals(2L, num(obj(errors.get(1)).get("index")));
    assertEquals("VALIDATION_ERROR", obj(errors.get(1)).get("code"));
    // taken by the first item of the same request
    assertEquals(3L, num(obj(errors.get(2)).get("index")));
    assertEquals("SLUG_TAKEN", obj(errors.get(2)).get("code"));
    assertEquals(3, xqr.links().size());
  }

  @Test
  void bulkCreateTakesOneToOneHundredLinks() {
    assertError(http.post(links + "/bulk", bulk(0)), 400, "VALIDATION_ERROR");
    assertError(http.post(links + "/bulk", bulk(101)), 400, "VALIDATION_ERROR");
    assertError(http.post(links + "/bulk", "{\"links\":{}}"), 400, "VALIDATION_ERROR");
    assertTrue(xqr.links().isEmpty());
    assertEquals(201, http.post(links + "/bulk", bulk(100)).status());
    assertEquals(100, xqr.links().size());
  }

  @Test
  void bulkStatusSetsTheMatchingLinksAndCountsThem() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(obj(http.post(links, "{\"url\":\"https://example.com/" + i + "\"}").json().get("data")).get("id").toString());
    }
    String unknown = "00000000-0000-4000-8000-000000000099";
    Http.Reply reply = http.patch(links + "/bulk/status",
        "{\"ids\":[\"" + ids.get(0) + "\",\"" + unknown + "\",\"" + ids.get(2) + "\",\"" + ids.get(0) + "\"],\"enabled\":false}");

    assertEquals(200, reply.status(), reply.body());
    assertEquals(2L, num(obj(reply.json().get("data")).get("updated")));
    assertEquals(false, obj(http.get(links + "/" + ids.get(0)).json().get("data")).get("enabled"));
    assertEquals(true, obj(http.get(links + "/" + ids.get(1)).json().get("data")).get("enabled"));
    assertEquals(false, obj(http.get(links + "/" + ids.get(2)).json().get("data")).get("enabled"));
  }

  @Test
  void bulkStatusTakesOneToTwoHundredUuids() {
    String id = "\"00000000-0000-4000-8000-000000000001\"";
    assertError(http.patch(links + "/bulk/status", "{\"ids\":[],\"enabled\":true}"), 400, "VALIDATION_ERROR");
    String many = IntStream.range(0, 201).mapToObj(i -> id).collect(Collectors.joining(","));
    assertError(http.patch(links + "/bulk/status", "{\"ids\":[" + many + "],\"enabled\":true}"), 400, "VALIDATION_ERROR");
    assertError(http.patch(links + "/bulk/status", "{\"ids\":[\"nope\"],\"enabled\":true}"), 400, "VALIDATION_ERROR");
    assertError(http.patch(links + "/bulk/status", "{\"ids\":[" + id + "]}"), 400, "VALIDATION_ERROR");
    String twoHundred = IntStream.range(0, 200).mapToObj(i -> id).collect(Collectors.joining(","));
    assertEquals(200, http.patch(links + "/bulk/status", "{\"ids\":[" + twoHundred + "],\"enabled\":true}").status());
  }

  @Test
  void oneBulkRequestIsOneQuotaCallAndOneBurstToken() {
    xqr.clock().set(Instant.parse("2026-03-21T14:30:00Z"));
    xqr.rateLimit(2, Duration.ofSeconds(1));
    Http.Reply reply = http.post(links + "/bulk", bulk(100));
    assertEquals(201, reply.status());
    assertEquals(Optional.of("99999"), reply.header("X-RateLimit-Remaining"));
    assertEquals(Optional.of("1"), reply.header("X-RateLimit-Burst-Remaining"));
    String ids = xqr.links().stream().map(l -> "\"" + l.get("id") + "\"").limit(100).collect(Collectors.joining(","));
    Http.Reply status = http.patch(links + "/bulk/status", "{\"ids\":[" + ids + "],\"enabled\":false}");
    assertEquals(200, status.status());
    assertEquals(Optional.of("99998"), status.header("X-RateLimit-Remaining"));
    assertEquals(Optional.of("0"), status.header("X-RateLimit-Burst-Remaining"));
    assertError(http.post(links + "/bulk", bulk(1)), 429, "BURST_LIMIT_EXCEEDED");
  }

  @Test
  void aThousandCreatesThroughTheClientAreTenRequests() {
    LinkClient client = xqr.client();
    List<CreateLinkRequest> requests = IntStream.range(0, 1000)
        .mapToObj(i -> CreateLinkRequest.builder().destination("https://example.com/" + i).build())
        .collect(Collectors.toList());
    requests.set(500, CreateLinkRequest.builder().destination("https://example.com/x").slug("dup-slug").build());
    requests.set(501, CreateLinkRequest.builder().destination("https://example.com/y").slug("dup-slug").build());

    BulkResult<Link> result = client.createAll(requests);

    assertEquals(10, xqr.wireMock().getAllServeEvents().size());
    assertEquals(999, result.succeededCount());
    assertEquals("dup-slug", result.items().get(500).value().orElseThrow().shortCode());
    assertInstanceOf(ConflictException.class, result.items().get(501).failure().orElseThrow());
    for (int i = 0; i < 1000; i += 97) {
      if (i != 501) {
        Link link = result.items().get(i).value().orElseThrow();
        assertEquals(requests.get(i).destination(), link.destination().orElseThrow());
        assertEquals(link.shortCode(), client.get(link.id()).shortCode());
      }
    }
    assertEquals(999, xqr.links().size());

    // and disabling all of them is 5 bulk status requests of 200 ids
    List<LinkId> ids = result.values().stream().map(Link::id).collect(Collectors.toList());
    int before = xqr.wireMock().getAllServeEvents().size();
    BulkResult<Link> disabled = client.updateAll(ids, LinkPatch.builder().enabled(false).build());
    assertEquals(5, xqr.wireMock().getAllServeEvents().size() - before);
    assertEquals(999, disabled.succeededCount());
    assertTrue(xqr.links().stream().noneMatch(l -> Boolean.TRUE.equals(l.get("enabled"))));
  }

  @Test
  void aThousandAsynchronousCreatesAreTenRequestsToo() throws Exception {
    LinkClient client = xqr.client();
    List<CreateLinkRequest> requests = IntStream.range(0, 1000)
        .mapToObj(i -> CreateLinkRequest.builder().destination("https://example.com/" + i).build())
        .collect(Collectors.toList());
    requests.set(500, CreateLinkRequest.builder().destination("https://example.com/x").slug("dup-slug").build());
    requests.set(501, CreateLinkRequest.builder().destination("https://example.com/y").slug("dup-slug").build());
    requests.set(502, CreateLinkRequest.builder().destination("https://example.com/z").title("no titles at xQR").build());

    BulkResult<Link> result = client.async().createAll(requests).get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertEquals(10, xqr.wireMock().getAllServeEvents().size());
    assertTrue(xqr.wireMock().getAllServeEvents().stream()
        .allMatch(e -> e.getRequest().getUrl().endsWith("/v1/links/bulk")), "bulk create requests only");
    assertEquals(998, result.succeededCount());
    assertEquals("dup-slug", result.items().get(500).value().orElseThrow().shortCode());
    assertInstanceOf(ConflictException.class, result.items().get(501).failure().orElseThrow());
    assertInstanceOf(dev.polylink.core.UnsupportedFieldException.class, result.items().get(502).failure().orElseThrow());
    for (int i = 0; i < 1000; i += 97) {
      Link link = result.items().get(i).value().orElseThrow();
      assertEquals(requests.get(i).destination(), link.destination().orElseThrow());
    }
    assertEquals(998, xqr.links().size());

    List<LinkId> ids = result.values().stream().map(Link::id).collect(Collectors.toList());
    int before = xqr.wireMock().getAllServeEvents().size();
    BulkResult<Link> disabled = client.async().updateAll(ids, LinkPatch.builder().enabled(false).build())
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(5, xqr.wireMock().getAllServeEvents().size() - before);
    assertEquals(998, disabled.succeededCount());
    assertTrue(xqr.links().stream().noneMatch(l -> Boolean.TRUE.equals(l.get("enabled"))));
  }

  @Test
  void asynchronousDisablingReadsBackAShortCount() throws Exception {
    LinkClient client = xqr.client();
    List<LinkId> ids = client.createAll(IntStream.range(0, 5)
            .mapToObj(i -> CreateLinkRequest.builder().destination("https://example.com/" + i).build())
            .collect(Collectors.toList()))
        .values().stream().map(Link::id).collect(Collectors.toList());
    client.delete(ids.get(3));
    int before = xqr.wireMock().getAllServeEvents().size();

    BulkResult<Link> result = client.async().updateAll(ids, LinkPatch.builder().enabled(false).build())
        .get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertEquals(6, xqr.wireMock().getAllServeEvents().size() - before);
    assertInstanceOf(NotFoundException.class, result.items().get(3).failure().orElseThrow());
    assertEquals(4, result.succeededCount());
    assertEquals(false, result.items().get(0).value().orElseThrow().enabled().orElseThrow());
  }

  @Test
  void disablingThroughTheClientUsesBulkStatus() {
    LinkClient client = xqr.client();
    List<LinkId> ids = client.createAll(IntStream.range(0, 5)
            .mapToObj(i -> CreateLinkRequest.builder().destination("https://example.com/" + i).build())
            .collect(Collectors.toList()))
        .values().stream().map(Link::id).collect(Collectors.toList());
    client.delete(ids.get(3));
    int before = xqr.wireMock().getAllServeEvents().size();

    BulkResult<Link> result = client.updateAll(ids, LinkPatch.builder().enabled(false).build());

    // One bulk status (count 4 of 5), then the five ids read back to tell which one was missing.
    assertEquals(6, xqr.wireMock().getAllServeEvents().size() - before);
    assertInstanceOf(NotFoundException.class, result.items().get(3).failure().orElseThrow());
    assertEquals(4, result.succeededCount());
    assertEquals(false, result.items().get(0).value().orElseThrow().enabled().orElseThrow());
    assertEquals(false, client.get(ids.get(4)).enabled().orElseThrow());
  }

  private static void assertError(Http.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> error = obj(reply.json().get("error"));
    assertEquals(code, error.get("code"), reply.body());
    assertEquals((long) status, num(error.get("status")));
    assertTrue(obj(reply.json().get("meta")).get("request_id").toString().matches("req_[0-9a-f]{16}"));
  }
}
