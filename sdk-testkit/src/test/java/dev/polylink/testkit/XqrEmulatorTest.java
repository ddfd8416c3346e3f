package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XqrEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("xqr");

  /** The Create Link page's request body, verbatim. */
  private static final String CREATE_EXAMPLE = "{ \"url\": \"https://example.com/summer-sale?utm_source=qr\", "
      + "\"custom_slug\": \"summer24\", \"labels\": [\"campaign\", \"summer\"], \"expires_at\": \"2026-09-30T23:59:59Z\" }";
  /** The Update Link page's request body, verbatim. */
  private static final String UPDATE_EXAMPLE = "{ \"url\": \"https://example.com/summer-sale-v2?utm_source=qr\", "
      + "\"labels\": [\"campaign\", \"summer\", \"updated\"] }";

  private XqrEmulator xqr;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    xqr = EXTENSION.emulator(XqrEmulator.class);
    http = Http.bearer(xqr.apiKey());
    links = xqr.baseUrl() + "/v1/links";
  }

  @Test
  void createAnswersTheDocumentedLinkObject() {
    xqr.clock().set(Instant.parse("2026-03-21T14:30:00Z"));
    Http.Reply reply = http.post(links, CREATE_EXAMPLE);

    assertEquals(201, reply.status(), reply.body());
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals(List.of("id", "short_url", "short_code", "destination", "enabled", "labels", "routing_rules",
        "scan_count", "last_scan_at", "expires_at", "created_at", "updated_at"), List.copyOf(data.keySet()));
    assertTrue(data.get("id").toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    assertEquals(xqr.serverUrl() + "/summer24", data.get("short_url"));
    assertEquals("summer24", data.get("short_code"));
    assertEquals("https://example.com/summer-sale?utm_source=qr", data.get("destination"));
    assertEquals(true, data.get("enabled"));
    assertEquals(List.of("campaign", "summer"), data.get("labels"));
    assertEquals(List.of(), data.get("routing_rules"));
    assertEquals(0L, num(data.get("scan_count")));
    assertNull(data.get("last_scan_at"));
    assertEquals("2026-09-30T23:59:59Z", data.get("expires_at"));
    assertEquals("2026-03-21T14:30:00Z", data.get("created_at"));
    assertEquals("2026-03-21T14:30:00Z", data.get("updated_at"));

    Map<String, Object> meta = obj(reply.json().get("meta"));
    assertTrue(meta.get("request_id").toString().matches("req_[0-9a-f]{16}"), meta.toString());
    Map<String, Object> rateLimit = obj(meta.get("rate_limit"));
    assertEquals(100_000L, num(rateLimit.get("limit")));
    assertEquals(99_999L, num(rateLimit.get("remaining")));
    assertEquals(Instant.parse("2026-04-01T00:00:00Z").getEpochSecond(), num(rateLimit.get("reset")));
    assertEquals(Optional.of("100000"), reply.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("99999"), reply.header("X-RateLimit-Remaining"));
    assertEquals(Optional.empty(), reply.header("X-RateLimit-Burst-Limit"));
  }

  @Test
  void generatedCodesAreSevenLettersAndDigits() {
    Map<String, Object> data = obj(http.post(links, "{\"url\":\"https://example.com\"}").json().get("data"));
    assertTrue(data.get("short_code").toString().matches("[A-Za-z0-9]{7}"), data.toString());
    assertEquals(xqr.serverUrl() + "/" + data.get("short_code"), data.get("short_url"));
  }

  @Test
  void updateAppliesTheDocumentedExample() {
    xqr.clock().set(Instant.parse("2026-03-01T10:00:00Z"));
    String id = create(CREATE_EXAMPLE);
    xqr.clock().set(Instant.parse("2026-03-21T15:45:00Z"));

    Http.Reply reply = http.patch(links + "/" + id, UPDATE_EXAMPLE);

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals("https://example.com/summer-sale-v2?utm_source=qr", data.get("destination"));
    assertEquals(List.of("campaign", "summer", "updated"), data.get("labels"));
    assertEquals("summer24", data.get("short_code"));
    assertEquals("2026-09-30T23:59:59Z", data.get("expires_at"));
    assertEquals("2026-03-01T10:00:00Z", data.get("created_at"));
    assertEquals("2026-03-21T15:45:00Z", data.get("updated_at"));
    assertEquals(data, obj(http.get(links + "/" + id).json().get("data")));
  }

  @Test
  void updateReplacesRoutingRulesAndTogglesEnabled() {
    String id = create("{\"url\":\"https://example.com\"}");
    String rules = "[{\"destination\":\"https://example.com/de\",\"priority\":1,"
        + "\"conditions\":{\"countries\":[\"DE\"],\"country_mode\":\"include\"}}]";
    Http.Reply reply = http.patch(links + "/" + id, "{\"routing_rules\":" + rules + ",\"enabled\":false}");

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals(false, data.get("enabled"));
    Map<String, Object> rule = obj(arr(data.get("routing_rules")).get(0));
    assertEquals("https://example.com/de", rule.get("destination"));
    assertEquals(List.of("DE"), obj(rule.get("conditions")).get("countries"));
    assertEquals(200, http.patch(links + "/" + id, "{\"labels\":[]}").status());
    assertEquals(List.of(), obj(http.get(links + "/" + id).json().get("data")).get("labels"));
  }

  @Test
  void updateRejectsFieldsTheDocsDoNotListAndNulls() {
    String id = create(CREATE_EXAMPLE);
    for (String body : List.of("{\"custom_slug\":\"other\"}", "{\"expires_at\":\"2027-01-01T00:00:00Z\"}",
        "{\"title\":\"x\"}", "{\"url\":null}", "{\"labels\":null}", "{\"enabled\":\"yes\"}",
        "{\"url\":\"mailto:someone@example.com\"}", "[1]")) {
      Http.Reply reply = http.patch(links + "/" + id, body);
      assertEquals(400, reply.status(), body + " -> " + reply.body());
      assertError(reply, 400, "VALIDATION_ERROR");
    }
    assertEquals("https://example.com/summer-sale?utm_source=qr",
        obj(http.get(links + "/" + id).json().get("data")).get("destination"));
  }

  @Test
  void createValidatesItsFields() {
    for (String body : List.of("{}", "{\"url\":\"example.com\"}", "{\"url\":\"ftp://example.com\"}",
        "{\"url\":\"https://example.com\",\"custom_slug\":\"ab\"}",
        "{\"url\":\"https://example.com\",\"custom_slug\":\"has space\"}",
        "{\"url\":\"https://example.com\",\"custom_slug\":\"" + "a".repeat(65) + "\"}",
        "{\"url\":\"https://example.com\",\"labels\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
        "{\"url\":\"https://example.com\",\"labels\":[1]}",
        "{\"url\":\"https://example.com\",\"routing_rules\":[{\"priority\":1}]}",
        "{\"url\":\"https://example.com\",\"expires_at\":\"next week\"}",
        "not json")) {
      Http.Reply reply = http.post(links, body);
      assertError(reply, 400, "VALIDATION_ERROR");
    }
    assertEquals(201, http.post(links, "{\"url\":\"https://example.com\",\"custom_slug\":\"" + "a".repeat(64)
        + "\",\"labels\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\"]}").status());
    assertEquals(1, xqr.links().size());
  }

  @Test
  void aTakenSlugIsAConflictUntilTheLinkIsDeleted() {
    String id = create(CREATE_EXAMPLE);
    assertError(http.post(links, CREATE_EXAMPLE), 409, "SLUG_TAKEN");

    Http.Reply deleted = http.delete(links + "/" + id);
    assertEquals(204, deleted.status());
    assertEquals("", deleted.body());
    assertEquals(201, http.post(links, CREATE_EXAMPLE).status());
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    create(CREATE_EXAMPLE);
    for (String id : List.of("d47f2e1a-8c3b-4a5d-9e6f-1234567890ab", "not-a-uuid", "42")) {
      assertError(http.get(links + "/" + id), 404, "NOT_FOUND");
      assertError(http.patch(links + "/" + id, "{\"enabled\":false}"), 404, "NOT_FOUND");
      assertError(http.delete(links + "/" + id), 404, "NOT_FOUND");
    }
  }

  @Test
  void listPagesNewestFirstAndFilters() {
    xqr.clock().set(Instant.parse("2026-03-01T00:00:00Z"));
    for (int i = 0; i < 5; i++) {
      String labels = i % 2 == 0 ? "[\"even\"]" : "[\"odd\"]";
      create("{\"url\":\"https://example.com/" + i + "\",\"custom_slug\":\"link-" + i + "\",\"labels\":" + labels + "}");
      xqr.clock().advance(Duration.ofSeconds(1));
    }
    http.patch(links + "/" + idOfCode("link-1"), "{\"enabled\":false}");

    Http.Reply first = http.get(links + "?limit=2");
    assertEquals(List.of("link-4", "link-3"), codes(first));
    Map<String, Object> meta = obj(first.json().get("meta"));
    assertEquals(5L, num(meta.get("total")));
    assertEquals(2L, num(meta.get("limit")));
    assertEquals(0L, num(meta.get("offset")));
    assertEquals(List.of("link-2", "link-1"), codes(http.get(links + "?limit=2&offset=2")));
    assertEquals(List.of("link-0"), codes(http.get(links + "?limit=2&offset=4")));
    assertEquals(50L, num(obj(http.get(links).json().get("meta")).get("limit")));

    assertEquals(List.of("link-4", "link-2", "link-0"), codes(http.get(links + "?label=even")));
    Http.Reply disabled = http.get(links + "?enabled=false");
    assertEquals(List.of("link-1"), codes(disabled));
    assertEquals(1L, num(obj(disabled.json().get("meta")).get("total")));
    assertEquals(List.of("link-3"), codes(http.get(links + "?enabled=true&label=odd")));

    for (String query : List.of("limit=0", "limit=201", "offset=-1", "limit=ten", "enabled=yes")) {
      assertError(http.get(links + "?" + query), 400, "VALIDATION_ERROR");
    }
    assertEquals(200, http.get(links + "?limit=200").status());
  }

  @Test
  void shortLinksRedirectCountScansAndGoAway() {
    xqr.clock().set(Instant.parse("2026-03-21T14:30:00Z"));
    String id = create(CREATE_EXAMPLE);
    Http anonymous = Http.authorization(null);
    String shortUrl = xqr.serverUrl() + "/summer24";

    Http.Reply redirect = anonymous.get(shortUrl);
    assertEquals(302, redirect.status());
    assertEquals(Optional.of("https://example.com/summer-sale?utm_source=qr"), redirect.header("Location"));
    xqr.clock().advance(Duration.ofMinutes(1));
    anonymous.get(shortUrl);
    Map<String, Object> data = obj(http.get(links + "/" + id).json().get("data"));
    assertEquals(2L, num(data.get("scan_count")));
    assertEquals("2026-03-21T14:31:00Z", data.get("last_scan_at"));

    http.patch(links + "/" + id, UPDATE_EXAMPLE);
    assertEquals(Optional.of("https://example.com/summer-sale-v2?utm_source=qr"),
        anonymous.get(shortUrl).header("Location"));

    http.patch(links + "/" + id, "{\"enabled\":false}");
    assertEquals(410, anonymous.get(shortUrl).status());
    http.patch(links + "/" + id, "{\"enabled\":true}");
    assertEquals(302, anonymous.get(shortUrl).status());

    xqr.clock().set(Instant.parse("2026-09-30T23:59:59Z"));
    assertEquals(302, anonymous.get(shortUrl).status());
    xqr.clock().advance(Duration.ofSeconds(1));
    assertEquals(410, anonymous.get(shortUrl).status());
    assertEquals(200, http.get(links + "/" + id).status());

    assertEquals(204, http.delete(links + "/" + id).status());
    assertEquals(404, anonymous.get(shortUrl).status());
    assertEquals(404, anonymous.get(xqr.serverUrl() + "/nothing").status());
  }

  /** The object shows whole seconds; the link must expire at the instant it shows, not a fraction later. */
  @Test
  void aFractionalExpiryIsKeptToTheSecondItShows() {
    Map<String, Object> data = obj(http.post(links,
        "{\"url\":\"https://example.com\",\"custom_slug\":\"half\",\"expires_at\":\"2026-09-30T23:59:59.500Z\"}")
        .json().get("data"));
    assertEquals("2026-09-30T23:59:59Z", data.get("expires_at"));
    Http anonymous = Http.authorization(null);
    xqr.clock().set(Instant.parse("2026-09-30T23:59:59Z"));
    assertEquals(302, anonymous.get(xqr.serverUrl() + "/half").status());
    xqr.clock().set(Instant.parse("2026-09-30T23:59:59.200Z"));
    assertEquals(410, anonymous.get(xqr.serverUrl() + "/half").status(), "expired at 23:59:59, as shown");
  }

  @Test
  void aWrongOrMissingKeyGetsTheDocumented401() {
    for (Http caller : List.of(Http.bearer("xqr_pk_a1b2c3d4." + "x".repeat(64)), Http.authorization(null),
        Http.authorization(xqr.apiKey()))) {
      Http.Reply reply = caller.get(links);
      assertError(reply, 401, "INVALID_API_KEY");
      assertTrue(reply.header("X-RateLimit-Limit").isPresent());
    }
    assertTrue(xqr.apiKey().matches("xqr_pk_[0-9a-f]{8}\\.[A-Za-z0-9_-]{64}"), xqr.apiKey());
  }

  @Test
  void theBurstLimitAnswers429WithRetryAfterUntilTheWindowPasses() {
    xqr.clock().set(Instant.parse("2026-03-21T14:30:00Z"));
    xqr.rateLimit(2, Duration.ofSeconds(1));

    Http.Reply first = http.get(links);
    assertEquals(200, first.status());
    assertEquals(Optional.of("2"), first.header("X-RateLimit-Burst-Limit"));
    assertEquals(Optional.of("1"), first.header("X-RateLimit-Burst-Remaining"));
    assertEquals(Optional.of("0"), http.get(links).header("X-RateLimit-Burst-Remaining"));

    Http.Reply limited = http.post(links, CREATE_EXAMPLE);
    assertError(limited, 429, "BURST_LIMIT_EXCEEDED");
    assertEquals(Optional.of("1"), limited.header("Retry-After"));
    assertEquals(Optional.of("99998"), limited.header("X-RateLimit-Remaining"));
    assertTrue(xqr.links().isEmpty());

    xqr.clock().advance(Duration.ofMillis(999));
    assertEquals(429, http.get(links).status());
    xqr.clock().advance(Duration.ofMillis(1));
    assertEquals(201, http.post(links, CREATE_EXAMPLE).status());

    xqr.rateLimitOff();
    for (int i = 0; i < 5; i++) {
      Http.Reply reply = http.get(links);
      assertEquals(200, reply.status());
      assertFalse(reply.header("X-RateLimit-Burst-Limit").isPresent());
    }
  }

  /** The Business plan's 50 requests a second (issue 13's benchmark): the 51st in a second is refused. */
  @Test
  void aBurstLimitOfFiftyASecondPassesFiftyAndRefusesTheFiftyFirst() {
    xqr.clock().set(Instant.parse("2026-03-21T14:30:00Z"));
    xqr.rateLimit(50, Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) {
      Http.Reply reply = http.get(links);
      assertEquals(200, reply.status(), "request " + i);
      assertEquals(Optional.of("50"), reply.header("X-RateLimit-Burst-Limit"));
      assertEquals(Optional.of(Integer.toString(49 - i)), reply.header("X-RateLimit-Burst-Remaining"));
      xqr.clock().advance(Duration.ofMillis(19)); // 50 within 950 ms
    }
    Http.Reply limited = http.get(links);
    assertError(limited, 429, "BURST_LIMIT_EXCEEDED");
    assertEquals(Optional.of("1"), limited.header("Retry-After"));
    xqr.clock().advance(Duration.ofMillis(50)); // the window opened 1 s ago
    assertEquals(200, http.get(links).status());
  }

  @Test
  void aUsedUpMonthlyQuotaAnswers429WithoutRetryAfterUntilNextMonth() {
    xqr.clock().set(Instant.parse("2026-03-31T23:00:00Z"));
    xqr.monthlyQuota(2);
    assertEquals(Optional.of("1"), http.get(links).header("X-RateLimit-Remaining"));
    assertEquals(Optional.of("0"), http.get(links).header("X-RateLimit-Remaining"));

    Http.Reply exhausted = http.get(links);
    assertError(exhausted, 429, "RATE_LIMIT_EXCEEDED");
    assertEquals(Optional.empty(), exhausted.header("Retry-After"));
    assertEquals(Optional.of("2"), exhausted.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("0"), exhausted.header("X-RateLimit-Remaining"));

    xqr.clock().advance(Duration.ofHours(1));
    Http.Reply nextMonth = http.get(links);
    assertEquals(200, nextMonth.status());
    assertEquals(Optional.of("1"), nextMonth.header("X-RateLimit-Remaining"));
  }

  @Test
  void linksRendersTheLiveLinksAsTheApiDoes() {
    String id = create(CREATE_EXAMPLE);
    create("{\"url\":\"https://example.com/two\"}");
    http.delete(links + "/" + id);

    List<Map<String, Object>> state = xqr.links();
    assertEquals(1, state.size());
    assertEquals("https://example.com/two", state.get(0).get("destination"));
    String secondId = state.get(0).get("id").toString();
    assertEquals(obj(http.get(links + "/" + secondId).json().get("data")), state.get(0));
    assertNotEquals(id, secondId);
  }

  private String create(String body) {
    Http.Reply reply = http.post(links, body);
    assertEquals(201, reply.status(), reply.body());
    return obj(reply.json().get("data")).get("id").toString();
  }

  private String idOfCode(String code) {
    return xqr.links().stream().filter(l -> code.equals(l.get("short_code"))).findFirst()
        .orElseThrow().get("id").toString();
  }

  private static List<String> codes(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return arr(reply.json().get("data")).stream().map(l -> obj(l).get("short_code").toString())
        .collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(Set.of("error", "meta"), body.keySet());
    Map<String, Object> error = obj(body.get("error"));
    assertEquals(code, error.get("code"), reply.body());
    assertEquals((long) status, num(error.get("status")));
    assertTrue(error.get("message") instanceof String && !error.get("message").toString().isBlank());
    assertTrue(obj(body.get("meta")).get("request_id").toString().matches("req_[0-9a-f]{16}"));
  }
}
