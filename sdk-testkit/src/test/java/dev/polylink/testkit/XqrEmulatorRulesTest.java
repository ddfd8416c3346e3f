package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.testkit.internal.ClickLog;
import dev.polylink.testkit.internal.QrImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The xQR emulator's rules at their edges: the two 401 messages, the monthly quota at zero, the
 * workspace usage and plan features, the analytics summary's periods, the per-link stats, the QR
 * image's sizes and the list's tie-break, each answer compared member by member.
 */
class XqrEmulatorRulesTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("xqr");

  private static final Instant T0 = Instant.parse("2026-03-21T14:30:00Z");

  private XqrEmulator xqr;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    xqr = EXTENSION.emulator(XqrEmulator.class);
    xqr.clock().set(T0);
    http = Http.bearer(xqr.apiKey());
    links = xqr.baseUrl() + "/v1/links";
  }

  @Test
  void aMissingAndAWrongKeyAreToldApart() {
    assertError(Http.authorization(null).get(links), 401, "INVALID_API_KEY", "Missing API key.");
    assertError(Http.bearer("nope").get(links), 401, "INVALID_API_KEY", "Invalid API key.");
  }

  @Test
  void aQuotaOfZeroRefusesEveryCallAndANegativeOneIsRejected() {
    assertEquals("calls must not be negative (was -1)",
        assertThrows(IllegalArgumentException.class, () -> xqr.monthlyQuota(-1)).getMessage());
    xqr.monthlyQuota(0);
    Http.Reply refused = http.get(links);
    assertError(refused, 429, "RATE_LIMIT_EXCEEDED",
        "Monthly API quota of 0 calls exceeded. It resets at the next billing cycle.");
    assertEquals(Optional.of("0"), refused.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("0"), refused.header("X-RateLimit-Remaining"));
  }

  @Test
  void usageReportsLinksCallsTheQuotaThePlanAndItsFeatures() {
    xqr.monthlyQuota(100);
    create("{\"url\":\"https://example.com/1\"}");
    create("{\"url\":\"https://example.com/2\"}");
    xqr.plan("starter");
    xqr.planFeature("csv_export", false);
    Map<String, Object> data = data(http.get(xqr.baseUrl() + "/v1/workspace/usage"));
    assertEquals(Map.of("plan", "starter", "usage", Map.of("links", 2, "api_calls", 3),
        "features", Map.of("routing_rules", true, "csv_export", false, "bulk_ops", true)),
        Map.of("plan", data.get("plan"), "usage", obj(data.get("usage")), "features", obj(data.get("features"))));
    Map<String, Object> limits = obj(data.get("limits"));
    assertEquals(List.of("links", "api_calls"), List.copyOf(limits.keySet()));
    assertEquals(null, limits.get("links"));
    assertEquals(100L, num(limits.get("api_calls")));
    assertError(http.post(xqr.baseUrl() + "/v1/workspace/usage", "{}"), 405, "METHOD_NOT_ALLOWED", "Allowed methods: GET.");

    xqr.planFeature("routing_rules", false);
    String rules = "[{\"type\":\"device\",\"value\":\"ios\",\"destination\":\"https://example.com/ios\"}]";
    assertError(http.post(links, "{\"url\":\"https://example.com/3\",\"routing_rules\":" + rules + "}"), 403,
        "FEATURE_NOT_AVAILABLE", "Your plan does not include routing_rules.");
    assertEquals(201, http.post(links, "{\"url\":\"https://example.com/3\",\"routing_rules\":[]}").status());

    xqr.reset();
    xqr.clock().set(T0);
    Map<String, Object> fresh = data(http.get(xqr.baseUrl() + "/v1/workspace/usage"));
    assertEquals("enterprise", fresh.get("plan"));
    assertEquals(Map.of("routing_rules", true, "csv_export", true, "bulk_ops", true), obj(fresh.get("features")));
    assertEquals(Map.of("links", 0, "api_calls", 1), obj(fresh.get("usage")));
  }

  @Test
  void theBulkRoutesTakeOneMethodAndEveryBodyMustBeAnObject() {
    Http.Reply bulkGet = http.get(links + "/bulk");
    assertError(bulkGet, 405, "METHOD_NOT_ALLOWED", "Allowed methods: POST.");
    assertEquals(Optional.of("POST"), bulkGet.header("Allow"));
    Http.Reply statusGet = http.get(links + "/bulk/status");
    assertError(statusGet, 405, "METHOD_NOT_ALLOWED", "Allowed methods: PATCH.");
    assertEquals(Optional.of("PATCH"), statusGet.header("Allow"));
    String id = create("{\"url\":\"https://example.com\"}");
    for (Http.Reply reply : List.of(http.post(links + "/bulk", "[]"), http.patch(links + "/bulk/status", "1"),
        http.patch(links + "/" + id, "[\"url\"]"), http.post(links, "\"https://example.com\""))) {
      assertError(reply, 400, "VALIDATION_ERROR", "The request body must be a JSON object.");
    }
  }

  @Test
  void updateChecksLabelsAndRoutingRules() {
    String id = create("{\"url\":\"https://example.com\"}");
    assertError(http.patch(links + "/" + id, "{\"labels\":[1]}"), 400, "VALIDATION_ERROR",
        "labels: must be an array of strings");
    assertError(http.patch(links + "/" + id, "{\"routing_rules\":[5]}"), 400, "VALIDATION_ERROR",
        "routing_rules[0]: must be an object");
  }

  @Test
  void theListBreaksTiesInCreationOrderNewestFirst() {
    String first = create("{\"url\":\"https://example.com/1\"}");
    String second = create("{\"url\":\"https://example.com/2\"}");
    String third = create("{\"url\":\"https://example.com/3\"}");
    Http.Reply list = http.get(links + "?limit=200&offset=0");
    assertEquals(List.of(third, second, first),
        arr(list.json().get("data")).stream().map(l -> obj(l).get("id").toString()).collect(Collectors.toList()));
    assertError(http.get(links + "?limit=201"), 400, "VALIDATION_ERROR", "limit: must be a whole number from 1 to 200");
    assertError(http.get(links + "?offset=-1"), 400, "VALIDATION_ERROR",
        "offset: must be a whole number from 0 to 2147483647");
  }

  @Test
  void statsAndTheSummaryCountTheClicksServed() throws Exception {
    String one = create("{\"url\":\"https://example.com/1\",\"custom_slug\":\"one\"}");
    String two = create("{\"url\":\"https://example.com/2\",\"custom_slug\":\"two\"}");
    xqr.clock().set(Instant.parse("2026-02-19T12:00:00Z"));
    visit("/one", "FR");
    xqr.clock().set(Instant.parse("2026-02-20T00:00:00Z"));
    visit("/two", null);
    xqr.clock().set(Instant.parse("2026-03-21T23:59:00Z"));
    visit("/one", "FR");
    visit("/two", "DE");
    visit("/two", null);

    Map<String, Object> stats = data(http.get(xqr.baseUrl() + "/v1/analytics/links/" + one));
    assertEquals(one, stats.get("link_id"));
    assertEquals("one", stats.get("short_code"));
    assertEquals(2L, num(stats.get("total_scans")));
    assertEquals("2026-03-21T23:59:00Z", stats.get("last_scan_at"));
    assertEquals(List.of(Map.of("country", "FR", "scans", 2)), stats.get("countries"));
    assertEquals(List.of(Map.of("date", "2026-02-19", "scans", 1), Map.of("date", "2026-03-21", "scans", 1)),
        stats.get("daily_scans"));
    assertEquals(stats, data(http.get(xqr.baseUrl() + "/v1/analytics/links/" + one + "/stats")));
    assertError(http.get(xqr.baseUrl() + "/v1/analytics/links/" + one + "/other"), 404, "NOT_FOUND", "No such endpoint.");

    String summary = xqr.baseUrl() + "/v1/analytics/summary";
    // 30d ends today (2026-03-21) and starts 29 days before: 2026-02-20 is in, 2026-02-19 is out.
    Map<String, Object> month = data(http.get(summary));
    assertEquals("30d", month.get("period"));
    assertEquals(2L, num(month.get("total_links")));
    assertEquals(4L, num(month.get("total_scans")));
    assertEquals(List.of(Map.of("link_id", two, "short_code", "two", "scans", 3),
        Map.of("link_id", one, "short_code", "one", "scans", 1)), month.get("top_links"));
    Map<String, Object> week = data(http.get(summary + "?period=7d"));
    assertEquals(3L, num(week.get("total_scans")));
    assertEquals(5L, num(data(http.get(summary + "?period=all")).get("total_scans")));
    assertEquals(5L, num(data(http.get(summary + "?period=90d")).get("total_scans")));
    assertError(http.get(summary + "?period=1y"), 400, "VALIDATION_ERROR", "period: must be 7d, 30d, 90d or all");

    assertEquals(204, http.delete(links + "/" + two).status());
    Map<String, Object> after = data(http.get(summary + "?period=all"));
    assertEquals(2L, num(after.get("total_scans")));
    assertEquals(List.of(Map.of("link_id", one, "short_code", "one", "scans", 2)), after.get("top_links"));
  }

  @Test
  void theQrImageIsSizeTimes21PixelsASide() {
    String id = create("{\"url\":\"https://example.com\",\"custom_slug\":\"qr-me\"}");
    String qr = xqr.baseUrl() + "/v1/links/" + id + "/qr";
    Http.Reply png = http.get(qr + "?format=png&size=1");
    assertEquals(200, png.status());
    assertEquals(Optional.of("image/png"), png.header("Content-Type"));
    Http.Reply svg = http.get(qr + "?size=50");
    assertEquals(new String(QrImages.svg(xqr.serverUrl() + "/qr-me", 1050, "#000000", "#FFFFFF"), StandardCharsets.UTF_8),
        svg.body());
    assertError(http.get(qr + "?size=0"), 400, "VALIDATION_ERROR", "size: must be a whole number from 1 to 50");
    assertError(http.get(qr + "?size=51&format=gif&template_id=x"), 400, "VALIDATION_ERROR",
        "format: must be svg or png; size: must be a whole number from 1 to 50; template_id: must be a UUID");
    Http.Reply missing = http.get(xqr.baseUrl() + "/v1/links/00000000-0000-4000-8000-000000000000/qr");
    assertEquals(404, missing.status());
    Map<String, Object> error = obj(missing.json().get("error"));
    assertEquals(Map.of("code", "not_found", "message", "Link not found."), error);
    assertEquals(missing.header("X-Request-Id").orElseThrow(), obj(missing.json().get("meta")).get("request_id"));
    assertTrue(Arrays.equals(QrImages.png(xqr.serverUrl() + "/qr-me", 21),
        rawBytes(qr + "?format=png&size=1")));
  }

  private byte[] rawBytes(String url) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + xqr.apiKey()).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void visit(String path, String country) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(xqr.serverUrl() + path));
    if (country != null) {
      builder.header(ClickLog.COUNTRY_HEADER, country);
    }
    HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(builder.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(true, response.statusCode() >= 300 && response.statusCode() < 400, "status " + response.statusCode());
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

  private static void assertError(Http.Reply reply, int status, String code, String message) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(Map.of("code", code, "message", message, "status", status), obj(reply.json().get("error")));
    assertTrue(obj(reply.json().get("meta")).get("request_id") instanceof String, reply.body());
  }
}
