package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.testkit.internal.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SnipURL emulator's rules at their edges, each answer compared whole: the key check (prefix
 * and minimum length of 30, as the server checks it), routes and methods, zod's {@code format()}
 * details for every field, the limits at their boundaries, the account endpoints and reset.
 */
class SnipurlEmulatorRulesTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("snipurl");

  private static final Instant T0 = Instant.parse("2025-06-20T10:00:00Z");

  private SnipurlEmulator snipurl;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    snipurl = EXTENSION.emulator(SnipurlEmulator.class);
    snipurl.clock().set(T0);
    http = Http.bearer(snipurl.apiKey());
    links = snipurl.baseUrl() + "/links";
  }

  @Test
  void aKeyOfThirtyCharactersWithThePrefixIsLookedUp() {
    String thirty = "snip_live_" + "a".repeat(20);
    assertError(Http.bearer(thirty).get(links), 401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid API key.\"}");
    assertError(Http.bearer("snip_test_" + "a".repeat(20)).get(links), 401,
        "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid API key format.\"}");
    assertError(Http.bearer("snip_live_" + "a".repeat(19)).get(links), 401,
        "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid API key format.\"}");
  }

  @Test
  void routesAndMethods() {
    assertError(http.get(snipurl.baseUrl() + "/nothing"), 404, "{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\"}");
    assertError(http.get(links + "/a/b"), 404, "{\"code\":\"NOT_FOUND\",\"message\":\"Not found.\"}");
    Http.Reply put = http.put(links, "{}");
    assertError(put, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"Allowed methods: GET, POST.\"}");
    assertEquals(Optional.of("GET, POST"), put.header("Allow"));
    Http.Reply bulk = http.get(links + "/bulk");
    assertError(bulk, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"Allowed methods: POST, DELETE.\"}");
    assertEquals(Optional.of("POST, DELETE"), bulk.header("Allow"));
    String id = create("{\"url\":\"https://example.com\"}");
    Http.Reply one = http.put(links + "/" + id, "{}");
    assertError(one, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"Allowed methods: GET, PATCH, DELETE.\"}");
    assertEquals(Optional.of("GET, PATCH, DELETE"), one.header("Allow"));
    Http.Reply usage = http.post(snipurl.baseUrl() + "/account/usage", "{}");
    assertError(usage, 405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"Method not allowed.\"}");
    assertEquals(Optional.of("GET"), usage.header("Allow"));
    assertError(http.get(snipurl.baseUrl() + "/analytics/not-a-uuid"), 404,
        "{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\"}");
    assertError(http.get(snipurl.baseUrl() + "/qr/nope"), 404, "{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\"}");
  }

  @Test
  void createChecksEveryFieldAndTheUrlLengthAtItsLimit() {
    assertError(http.post(links, "{\"url\":123,\"title\":5,\"custom_alias\":false,\"password\":[]}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request data.\",\"details\":{\"_errors\":[],"
            + "\"url\":{\"_errors\":[\"Expected string, received number\"]},"
            + "\"custom_alias\":{\"_errors\":[\"Expected string, received boolean\"]},"
            + "\"title\":{\"_errors\":[\"Expected string, received number\"]},"
            + "\"password\":{\"_errors\":[\"Expected string, received array\"]}}}");
    String base = "https://example.com/";
    String longest = base + "a".repeat(2048 - base.length());
    assertEquals(201, http.post(links, "{\"url\":\"" + longest + "\"}").status());
    assertError(http.post(links, "{\"url\":\"" + longest + "a\"}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request data.\",\"details\":{\"_errors\":[],"
            + "\"url\":{\"_errors\":[\"URL must be 2,048 characters or fewer\"]}}}");
    assertError(http.post(links, "{\"url\":\"https://example.com\",\"custom_alias\":\"ab\"}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Alias must be at least 3 characters.\",\"details\":{\"_errors\":[],"
            + "\"custom_alias\":{\"_errors\":[\"Alias must be at least 3 characters.\"]}}}");
    assertEquals(201, http.post(links, "{\"url\":\"https://example.com\",\"custom_alias\":\"abc\"}").status());
  }

  @Test
  void bulkRequestsReportEachBadItemAtItsIndex() {
    assertError(http.post(links + "/bulk", "{\"links\":[5,{\"url\":true}]}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request. Provide 1-50 links.\",\"details\":{\"_errors\":[],"
            + "\"links\":{\"_errors\":[],\"0\":{\"_errors\":[\"Expected object, received number\"]},"
            + "\"1\":{\"_errors\":[],\"url\":{\"_errors\":[\"Expected string, received boolean\"]}}}}}");
    assertError(http.delete(links + "/bulk", "{\"ids\":\"x\"}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request. Provide 1-50 link IDs.\",\"details\":{"
            + "\"_errors\":[],\"ids\":{\"_errors\":[\"Expected array, received string\"]}}}");
    assertError(http.delete(links + "/bulk", "[]"), 400,
        "{\"code\":\"BAD_REQUEST\",\"message\":\"The request body must be a JSON object.\"}");
  }

  @Test
  void deletedLinksTakeTheirClicksWithThem() throws Exception {
    String one = create("{\"url\":\"https://example.com/1\",\"custom_alias\":\"one\"}");
    String two = create("{\"url\":\"https://example.com/2\",\"custom_alias\":\"two\"}");
    create("{\"url\":\"https://example.com/3\",\"custom_alias\":\"three\"}");
    visit("/one");
    visit("/two");
    visit("/three");
    assertEquals(3L, num(data(http.get(snipurl.baseUrl() + "/account")).get("total_clicks")));
    assertEquals(200, http.delete(links + "/" + one).status());
    assertEquals(2L, num(data(http.get(snipurl.baseUrl() + "/account/usage")).get("total_clicks")));
    assertEquals(200, http.delete(links + "/bulk", "{\"ids\":[\"" + two + "\"]}").status());
    Map<String, Object> summary = data(http.get(snipurl.baseUrl() + "/analytics/summary"));
    assertEquals(1L, num(summary.get("total_clicks")));
    assertEquals(1L, num(summary.get("total_links")));
    assertEquals(1L, num(data(http.get(snipurl.baseUrl() + "/account")).get("total_clicks")));
  }

  @Test
  void theQrImageChecksItsParametersAtTheirLimits() {
    create("{\"url\":\"https://example.com\",\"custom_alias\":\"qr-code\"}");
    String qr = snipurl.baseUrl() + "/qr/qr-code";
    Http.Reply smallest = http.get(qr + "?format=svg&size=100&margin=0&bg=transparent&color=abc");
    assertEquals(200, smallest.status(), smallest.body());
    assertEquals(Optional.of("image/svg+xml"), smallest.header("Content-Type"));
    assertEquals(Optional.of("public, max-age=86400"), smallest.header("Cache-Control"));
    assertEquals(new String(dev.polylink.testkit.internal.QrImages.svg(snipurl.serverUrl() + "/qr-code", 100, "abc",
        "transparent"), java.nio.charset.StandardCharsets.UTF_8), smallest.body());
    Http.Reply largest = http.get(qr + "?format=svg&size=1000&margin=4&ec=H");
    assertEquals(new String(dev.polylink.testkit.internal.QrImages.svg(snipurl.serverUrl() + "/qr-code", 1000, "#1A1410",
        "#FFFFFF"), java.nio.charset.StandardCharsets.UTF_8), largest.body());
    assertEquals(Optional.of("image/png"), http.get(qr).header("Content-Type"));
    assertError(http.get(qr + "?size=99&margin=5"), 400, "{\"code\":\"VALIDATION_ERROR\",\"message\":"
        + "\"size: must be a whole number from 100 to 1000; margin: must be a whole number from 0 to 4\"}");
    assertError(http.get(qr + "?size=1001&format=gif&ec=X&color=red&bg=blue"), 400, "{\"code\":\"VALIDATION_ERROR\","
        + "\"message\":\"format: must be png or svg; size: must be a whole number from 100 to 1000; ec: must be L, M, Q or H;"
        + " color: must be a hex colour; bg: must be a hex colour or transparent\"}");
  }

  @Test
  void statsCountTheClicksOfAnInclusiveRange() throws Exception {
    String id = create("{\"url\":\"https://example.com\",\"custom_alias\":\"counted\"}");
    String other = create("{\"url\":\"https://example.com/o\",\"custom_alias\":\"other\"}");
    visit("/counted");
    snipurl.clock().set(Instant.parse("2025-06-21T10:00:00Z"));
    visit("/counted");
    visit("/other");
    String stats = snipurl.baseUrl() + "/analytics/" + id;
    assertEquals(2L, num(data(http.get(stats)).get("total_clicks")));
    assertEquals(0L, num(data(http.get(snipurl.baseUrl() + "/analytics/" + other + "?start=2025-06-20T00:00:00Z"
        + "&end=2025-06-20T23:59:59Z")).get("total_clicks")));
    Map<String, Object> exact = data(http.get(stats + "?start=2025-06-20T10:00:00Z&end=2025-06-21T10:00:00Z"));
    assertEquals(2L, num(exact.get("total_clicks")));
    assertEquals(List.of(Map.of("date", "2025-06-20", "clicks", 1), Map.of("date", "2025-06-21", "clicks", 1)),
        exact.get("time_series"));
    assertEquals(1L, num(data(http.get(stats + "?start=2025-06-20T10:00:00.001Z&end=2025-06-21T10:00:00Z"))
        .get("total_clicks")));
    assertEquals(1L, num(data(http.get(stats + "?start=2025-06-20T10:00:00Z&end=2025-06-21T09:59:59.999Z"))
        .get("total_clicks")));
    assertError(http.get(stats + "?start=2025-06-20T10:00:00Z"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"start and end must be given together.\"}");
    assertError(http.get(stats + "?start=yesterday&end=2025-06-21T10:00:00Z"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"start and end must be ISO 8601 date-times.\"}");
    assertError(http.get(snipurl.baseUrl() + "/analytics/00000000-0000-4000-8000-000000000000"), 404,
        "{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\"}");
  }

  @Test
  void updateChecksEveryFieldBeforeLookingTheLinkUp() {
    String missing = links + "/00000000-0000-4000-8000-000000000000";
    assertError(http.patch(missing, "{\"title\":1,\"is_active\":\"yes\",\"password\":2,\"analytics_public\":0,"
            + "\"expires_at\":\"tomorrow\",\"analytics_shared_fields\":[1]}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request data.\",\"details\":{\"_errors\":[],"
            + "\"title\":{\"_errors\":[\"Expected string, received number\"]},"
            + "\"is_active\":{\"_errors\":[\"Expected boolean, received string\"]},"
            + "\"password\":{\"_errors\":[\"Expected string, received number\"]},"
            + "\"analytics_public\":{\"_errors\":[\"Expected boolean, received number\"]},"
            + "\"expires_at\":{\"_errors\":[\"Invalid datetime\"]},"
            + "\"analytics_shared_fields\":{\"_errors\":[\"Expected string, received a non-string element\"]}}}");
    assertError(http.patch(missing, "{\"expires_at\":5,\"analytics_shared_fields\":\"clicks\"}"), 400,
        "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid request data.\",\"details\":{\"_errors\":[],"
            + "\"expires_at\":{\"_errors\":[\"Expected string, received number\"]},"
            + "\"analytics_shared_fields\":{\"_errors\":[\"Expected array, received string\"]}}}");
    assertError(http.patch(missing, "{\"title\":\"ok\"}"), 404, "{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\"}");
    assertError(http.patch(missing, "[]"), 400,
        "{\"code\":\"BAD_REQUEST\",\"message\":\"The request body must be a JSON object.\"}");
  }

  @Test
  void theListSearchesPagesAndBreaksTiesByCreationOrder() {
    String first = create("{\"url\":\"https://example.com/1\",\"title\":\"Alpha\"}");
    String second = create("{\"url\":\"https://example.com/2\",\"title\":\"Beta\"}");
    assertEquals(List.of(second, first), ids(http.get(links + "?search=")));
    assertEquals(List.of(first), ids(http.get(links + "?search=ALPHA")));
    assertEquals(List.of(second), ids(http.get(links + "?page=1&per_page=1")));
    assertEquals(List.of(first), ids(http.get(links + "?page=2&per_page=1")));
    assertEquals(2, ids(http.get(links + "?per_page=100")).size());
    assertError(http.get(links + "?page=0"), 400, "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid query parameters.\","
        + "\"details\":{\"_errors\":[],\"page\":{\"_errors\":[\"Number must be greater than or equal to 1\"]}}}");
    assertError(http.get(links + "?per_page=101"), 400, "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid query parameters.\","
        + "\"details\":{\"_errors\":[],\"per_page\":{\"_errors\":[\"Number must be less than or equal to 100\"]}}}");
  }

  @Test
  void theAccountSettingsAreCheckedAndShown() throws Exception {
    assertEquals("limit: must not be negative (was -1)",
        assertThrows(IllegalArgumentException.class, () -> snipurl.linkLimit(-1)).getMessage());
    assertEquals("hours: must be positive (was 0)",
        assertThrows(IllegalArgumentException.class, () -> snipurl.defaultExpiryHours(0)).getMessage());
    snipurl.defaultExpiryHours(1);
    Map<String, Object> link = obj(http.post(links, "{\"url\":\"https://example.com\",\"custom_alias\":\"acct\"}")
        .json().get("data"));
    assertEquals("2025-06-20T11:00:00.000Z", link.get("expires_at"));
    visit("/acct");
    snipurl.linkLimit(1);
    assertError(http.post(links, "{\"url\":\"https://example.com/2\"}"), 403, "{\"code\":\"FORBIDDEN\","
        + "\"message\":\"Link limit reached (1). Delete existing links or upgrade your plan.\"}");
    snipurl.linkLimit(0);
    Map<String, Object> account = data(http.get(snipurl.baseUrl() + "/account"));
    assertEquals(0L, num(account.get("link_limit")));
    assertEquals(1L, num(account.get("default_expiry_hours")));
    assertEquals(1L, num(account.get("total_links")));
    assertEquals(false, Instant.parse(account.get("created_at").toString()).isAfter(Instant.now()));
    assertEquals(1L, num(account.get("total_clicks")));

    assertEquals(200, http.patch(links + "/" + link.get("id"), "{\"is_active\":false}").status());
    Map<String, Object> summary = data(http.get(snipurl.baseUrl() + "/analytics/summary"));
    assertEquals(1L, num(summary.get("total_links")));
    assertEquals(0L, num(summary.get("active_links")));

    snipurl.rateLimits(5, 50);
    Map<String, Object> usage = data(http.get(snipurl.baseUrl() + "/account/usage"));
    assertEquals(5L, num(usage.get("rate_limit_per_minute")));
    assertEquals(50L, num(usage.get("rate_limit_per_hour")));

    snipurl.reset();
    snipurl.clock().set(T0);
    Map<String, Object> fresh = data(http.get(snipurl.baseUrl() + "/account"));
    assertEquals(1000L, num(fresh.get("link_limit")));
    assertEquals(null, fresh.get("default_expiry_hours"));
    assertEquals(0L, num(fresh.get("total_links")));
    assertEquals(0L, num(fresh.get("total_clicks")));
    Http.Reply afterReset = http.get(snipurl.baseUrl() + "/account/usage");
    assertEquals(Optional.empty(), afterReset.header("X-RateLimit-Limit"));
    assertEquals(60L, num(data(afterReset).get("rate_limit_per_minute")));
    assertEquals(List.of(), arr(http.get(links).json().get("data")));
  }

  @Test
  void theOneWindowLimitNamesItsWindow() {
    for (Map.Entry<Duration, String> window : Map.of(Duration.ofHours(2), "2h", Duration.ofMinutes(2), "2m",
        Duration.ofSeconds(90), "90s", Duration.ofMillis(1500), "2s").entrySet()) {
      snipurl.reset();
      snipurl.clock().set(T0);
      snipurl.rateLimit(1, window.getKey());
      assertEquals(200, http.get(links).status());
      Http.Reply refused = http.get(links);
      assertEquals(429, refused.status(), refused.body());
      assertEquals(window.getValue(), obj(obj(refused.json().get("error")).get("details")).get("window"),
          window.getKey().toString());
    }
    snipurl.rateLimits(1, 10);
    assertEquals(200, http.get(links).status());
    Http.Reply minute = http.get(links);
    assertEquals("1m", obj(obj(minute.json().get("error")).get("details")).get("window"));
    snipurl.rateLimit(1, Duration.ofHours(1));
    Map<String, Object> usage = data(http.get(snipurl.baseUrl() + "/account/usage"));
    assertEquals(60L, num(usage.get("rate_limit_per_minute")));
  }

  private void visit(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(HttpRequest.newBuilder(URI.create(snipurl.serverUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, response.statusCode());
  }

  private String create(String body) {
    Http.Reply reply = http.post(links, body);
    assertEquals(201, reply.status(), reply.body());
    return obj(reply.json().get("data")).get("id").toString();
  }

  private static Map<String, Object> data(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return obj(reply.json().get("data"));
  }

  private static List<String> ids(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return arr(reply.json().get("data")).stream().map(l -> obj(l).get("id").toString()).collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status, String error) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(Json.parseObject("{\"success\":false,\"error\":" + error + "}").orElseThrow(), reply.json());
  }
}
