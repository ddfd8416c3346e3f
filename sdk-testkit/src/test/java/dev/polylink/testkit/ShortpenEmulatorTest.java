package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShortpenEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("shortpen");

  private ShortpenEmulator shortpen;
  private Http http;
  private String generate;
  private String links;
  private long domainId;

  @BeforeEach
  void setUp() {
    shortpen = EXTENSION.emulator(ShortpenEmulator.class);
    http = Http.bearer(shortpen.apiKey());
    generate = shortpen.baseUrl() + "/v1/generate";
    links = shortpen.baseUrl() + "/v1/links";
    domainId = shortpen.defaultDomainId();
  }

  @Test
  void generateAnswersTheDocumentedEnvelopeWithoutAnId() {
    Http.Reply reply = http.post(generate,
        "{\"url\": \"example.com/launch\", \"domain_id\": " + domainId + ", \"custom_slug\": \"summer-2025\"}");

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(List.of("success", "status_code", "data", "message"), List.copyOf(body.keySet()));
    assertEquals(true, body.get("success"));
    assertEquals(200L, num(body.get("status_code")));
    assertEquals("", body.get("message"));
    Map<String, Object> data = obj(body.get("data"));
    assertEquals(List.of("link", "short_url", "created", "qr"), List.copyOf(data.keySet()));
    assertEquals(shortpen.serverUrl() + "/summer-2025", data.get("link"));
    assertEquals(data.get("link"), data.get("short_url"));
    assertEquals(true, data.get("created"));
    assertNull(data.get("qr"));

    Map<String, Object> item = shortpen.links().get(0);
    assertEquals("https://example.com/launch", item.get("url"));
    assertEquals(501L, num(item.get("id")));
  }

  @Test
  void listItemsCarryTheDocumentedFields() {
    shortpen.clock().set(Instant.parse("2025-06-20T10:00:00.123456Z"));
    http.post(generate, "{\"url\":\"https://example.com\",\"domain_id\":" + domainId
        + ",\"title\":\"Launch\",\"generate_qr\":true,\"redirect_type\":302,\"param\":{\"utm_source\":\"qr\",\"empty\":\"\"}}");

    Http.Reply reply = http.get(links);
    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(true, body.get("success"));
    assertEquals(1L, num(body.get("count")));
    assertEquals(1L, num(body.get("total")));
    assertEquals(1L, num(body.get("page")));
    Map<String, Object> item = obj(arr(body.get("data")).get(0));
    assertEquals(List.of("id", "title", "url", "link", "short_url", "qr", "starred", "redirect_type", "domain_id",
        "folder_id", "pixel_id", "workspace_id", "organization_id", "link_cloak", "hide_referer", "with_password",
        "params", "social_share_title", "social_share_description", "social_share_image", "created_at",
        "updated_at"), List.copyOf(item.keySet()));
    assertEquals(501L, num(item.get("id")));
    assertEquals("Launch", item.get("title"));
    assertEquals(302L, num(item.get("redirect_type")));
    assertEquals(domainId, num(item.get("domain_id")));
    assertEquals(Map.of("utm_source", "qr"), item.get("params"));
    assertTrue(item.get("qr") instanceof String && !item.get("qr").toString().isEmpty());
    assertEquals(false, item.get("with_password"));
    assertEquals("2025-06-20T10:00:00.123456Z", item.get("created_at"));
    assertEquals(item, shortpen.links().get(0));
  }

  @Test
  void generateValidatesWithTheEnvelope() {
    for (String body : List.of("{}", "{\"url\":\"https://example.com\"}", "{\"domain_id\":" + domainId + "}",
        "{\"url\":\"https://example.com\",\"domain_id\":999}",
        "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"redirect_type\":307}",
        "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"custom_slug\":\"v1\"}",
        "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"with_password\":true}",
        "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"enable_tracking\":true}",
        "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"r\":256}",
        "{\"url\":\"ht tp://bad\",\"domain_id\":" + domainId + "}", "[]")) {
      assertError(http.post(generate, body), 400);
    }
    assertTrue(shortpen.links().isEmpty());
    assertEquals(200, http.post(generate, "{\"url\":\"https://example.com\",\"domain_id\":\"" + domainId
        + "\",\"link_cloak\":1,\"enable_tracking\":true,\"pixel_id\":31}").status());
    assertEquals(31L, num(shortpen.links().get(0).get("pixel_id")));
    assertEquals(true, shortpen.links().get(0).get("link_cloak"));
  }

  @Test
  void aTakenSlugIsRejected() {
    create("{\"url\":\"https://example.com\",\"domain_id\":" + domainId + ",\"custom_slug\":\"taken\"}");
    Http.Reply reply = http.post(generate, "{\"url\":\"https://example.com/2\",\"domain_id\":" + domainId
        + ",\"custom_slug\":\"taken\"}");
    assertError(reply, 400);
    assertEquals("The custom slug has already been taken.", reply.json().get("message"));
  }

  @Test
  void editNeedsUrlIdAndAnotherFieldAndAnswersCreatedFalse() {
    shortpen.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    create("{\"url\":\"https://example.com/launch\",\"domain_id\":" + domainId + ",\"custom_slug\":\"summer-2025\"}");
    shortpen.clock().advance(Duration.ofHours(1));

    Http.Reply reply = http.put(links,
        "{\"url_id\": 501, \"url\": \"https://example.com/new-destination\", \"domain_id\": " + domainId + "}");

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals(shortpen.serverUrl() + "/summer-2025", data.get("link"));
    assertEquals(data.get("link"), data.get("short_url"));
    assertEquals(false, data.get("created"));
    Map<String, Object> item = shortpen.links().get(0);
    assertEquals("https://example.com/new-destination", item.get("url"));
    assertEquals("2025-06-20T10:00:00.000000Z", item.get("created_at"));
    assertEquals("2025-06-20T11:00:00.000000Z", item.get("updated_at"));

    assertEquals(200, http.patch(links, "{\"url_id\": \"501\", \"title\": \"Patched\"}").status());
    assertEquals("Patched", shortpen.links().get(0).get("title"));
    assertEquals("https://example.com/new-destination", shortpen.links().get(0).get("url"));
    assertEquals(200, http.patch(links, "{\"url_id\": 501, \"title\": null}").status());
    assertNull(shortpen.links().get(0).get("title"));

    assertError(http.put(links, "{\"url_id\": 501}"), 400);
    assertError(http.put(links, "{\"url_id\": 501, \"unknown\": 1}"), 400);
    assertError(http.patch(links, "{\"title\": \"no id\"}"), 400);
    assertError(http.patch(links, "{\"url_id\": 777, \"title\": \"x\"}"), 404);
    assertError(http.patch(links, "{\"url_id\": 501, \"redirect_type\": 303}"), 400);
  }

  @Test
  void passwordsProtectTheShortLinkUntilRemoved() {
    create("{\"url\":\"https://example.com\",\"domain_id\":" + domainId
        + ",\"custom_slug\":\"secret\",\"with_password\":true,\"url_password\":\"hunter2\"}");
    Http anonymous = Http.authorization(null);
    assertEquals(true, shortpen.links().get(0).get("with_password"));
    assertEquals(401, anonymous.get(shortpen.serverUrl() + "/secret").status());

    assertEquals(200, http.patch(links, "{\"url_id\": 501, \"with_password\": false}").status());
    assertEquals(false, shortpen.links().get(0).get("with_password"));
    Http.Reply redirect = anonymous.get(shortpen.serverUrl() + "/secret");
    assertEquals(301, redirect.status());
    assertEquals(Optional.of("https://example.com"), redirect.header("Location"));
  }

  @Test
  void shortLinksFollowTheRedirectTypeAndParams() {
    create("{\"url\":\"https://example.com/a?x=1\",\"domain_id\":" + domainId
        + ",\"custom_slug\":\"params\",\"param\":{\"utm_source\":\"qr code\"}}");
    create("{\"url\":\"https://example.com/b\",\"domain_id\":" + domainId + ",\"custom_slug\":\"temp\",\"redirect_type\":302}");
    Http anonymous = Http.authorization(null);

    Http.Reply permanent = anonymous.get(shortpen.serverUrl() + "/params");
    assertEquals(301, permanent.status());
    assertEquals(Optional.of("https://example.com/a?x=1&utm_source=qr+code"), permanent.header("Location"));
    assertEquals(302, anonymous.get(shortpen.serverUrl() + "/temp").status());

    http.patch(links, "{\"url_id\": 502, \"url\": \"https://example.com/c\", \"redirect_type\": 301}");
    Http.Reply retargeted = anonymous.get(shortpen.serverUrl() + "/temp");
    assertEquals(301, retargeted.status());
    assertEquals(Optional.of("https://example.com/c"), retargeted.header("Location"));
  }

  @Test
  void deleteIsSoftAndFreesTheSlug() {
    for (int i = 0; i < 4; i++) {
      create("{\"url\":\"https://example.com/" + i + "\",\"domain_id\":" + domainId + ",\"custom_slug\":\"s" + i + "\"}");
    }
    Http.Reply one = http.delete(links, "{\"url_id\": 501}");
    assertEquals(200, one.status(), one.body());
    assertEquals(1L, num(obj(one.json().get("data")).get("deleted")));
    assertEquals(List.of(504L, 503L, 502L), ids(http.get(links)));
    assertEquals(404, Http.authorization(null).get(shortpen.serverUrl() + "/s0").status());
    assertError(http.delete(links, "{\"url_id\": 501}"), 404);
    assertError(http.patch(links, "{\"url_id\": 501, \"title\": \"x\"}"), 404);

    Http.Reply many = http.delete(links, "{\"url_id\": [502, 503, 999]}");
    assertEquals(2L, num(obj(many.json().get("data")).get("deleted")));
    assertEquals(List.of(504L), ids(http.get(links)));
    assertEquals(1, shortpen.links().size());

    assertError(http.delete(links, "{}"), 400);
    assertError(http.delete(links, "{\"url_id\": \"five\"}"), 400);
    assertError(http.delete(links, "{\"url_id\": []}"), 400);

    create("{\"url\":\"https://example.com/again\",\"domain_id\":" + domainId + ",\"custom_slug\":\"s0\"}");
    assertEquals(List.of(505L, 504L), ids(http.get(links)));
    assertEquals(Optional.of("https://example.com/again"),
        Http.authorization(null).get(shortpen.serverUrl() + "/s0").header("Location"));
  }

  @Test
  void listPagesWithPageAndLimit() {
    for (int i = 0; i < 5; i++) {
      create("{\"url\":\"https://example.com/" + i + "\",\"domain_id\":" + domainId + "}");
    }
    Http.Reply first = http.get(links + "?page=1&limit=2");
    assertEquals(List.of(505L, 504L), ids(first));
    assertEquals(2L, num(first.json().get("count")));
    assertEquals(5L, num(first.json().get("total")));
    assertEquals(List.of(501L), ids(http.get(links + "?page=3&limit=2")));
    Http.Reply past = http.get(links + "?page=4&limit=2");
    assertEquals(List.of(), ids(past));
    assertEquals(4L, num(past.json().get("page")));
    assertEquals(5, ids(http.get(links + "?workspace_id=3")).size());
    assertEquals(List.of(), ids(http.get(links + "?workspace_id=4")));
    for (String query : List.of("limit=101", "limit=0", "page=0", "page=x")) {
      assertError(http.get(links + "?" + query), 400);
    }
  }

  @Test
  void resourcesListTheEmulatorsDomain() {
    Http.Reply reply = http.post(shortpen.baseUrl() + "/v1/get", "{\"resource\": \"domain\"}");
    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> domain = obj(arr(reply.json().get("data")).get(0));
    assertEquals(List.of("id", "domain", "url", "active", "is_default"), List.copyOf(domain.keySet()));
    assertEquals(domainId, num(domain.get("id")));
    assertEquals(shortpen.serverUrl(), domain.get("url"));
    assertEquals(true, domain.get("active"));
    assertEquals(true, domain.get("is_default"));
    assertEquals(200, http.post(shortpen.baseUrl() + "/v1/get", "{\"resource\": \"folder\"}").status());
    assertEquals(200, http.post(shortpen.baseUrl() + "/v1/get", "{\"resource\": \"organization\"}").status());
    assertError(http.post(shortpen.baseUrl() + "/v1/get", "{\"resource\": \"planet\"}"), 400);
    assertEquals("PONG", Http.authorization(null).get(shortpen.baseUrl() + "/v1/ping").body());
  }

  @Test
  void aWrongKeyGets401InTheEnvelope() {
    Http.Reply reply = Http.bearer("not-the-key").get(links);
    assertError(reply, 401);
    assertEquals("Unauthenticated.", reply.json().get("message"));
    assertError(Http.authorization(null).post(generate, "{}"), 401);
  }

  @Test
  void theRateLimitAnswers429WithRetryAfter() {
    shortpen.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    shortpen.rateLimit(1, Duration.ofMinutes(1));
    assertEquals(200, http.get(links).status());
    Http.Reply limited = http.get(links);
    assertError(limited, 429);
    assertEquals(Optional.of("60"), limited.header("Retry-After"));
    shortpen.clock().advance(Duration.ofSeconds(59));
    assertEquals(Optional.of("1"), http.get(links).header("Retry-After"));
    shortpen.clock().advance(Duration.ofSeconds(1));
    assertEquals(200, http.get(links).status());
  }

  @Test
  void anExhaustedFeatureQuotaAnswers429WithoutRetryAfter() {
    shortpen.featureQuotaExhausted(true);
    Http.Reply reply = http.post(generate, "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + "}");
    assertError(reply, 429);
    assertEquals(Optional.empty(), reply.header("Retry-After"));
    assertEquals(200, http.get(links).status());
    shortpen.featureQuotaExhausted(false);
    assertEquals(200, http.post(generate, "{\"url\":\"https://example.com\",\"domain_id\":" + domainId + "}").status());
  }

  private void create(String body) {
    Http.Reply reply = http.post(generate, body);
    assertEquals(200, reply.status(), reply.body());
  }

  private static List<Long> ids(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return arr(reply.json().get("data")).stream().map(l -> num(obj(l).get("id"))).collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(List.of("success", "status_code", "message"), List.copyOf(body.keySet()));
    assertEquals(false, body.get("success"));
    assertEquals((long) status, num(body.get("status_code")));
    assertTrue(body.get("message") instanceof String && !body.get("message").toString().isBlank());
  }
}
