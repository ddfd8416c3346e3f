package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnipurlEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("snipurl");

  private static final String ARTICLE =
      "{\"url\": \"https://example.com/article\", \"custom_alias\": \"a8Kx2m\", \"title\": \"Example Article\"}";

  private SnipurlEmulator snipurl;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    snipurl = EXTENSION.emulator(SnipurlEmulator.class);
    http = Http.bearer(snipurl.apiKey());
    links = snipurl.baseUrl() + "/links";
  }

  @Test
  void createAnswers201WithTheLinkObject() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    Http.Reply reply = http.post(links, ARTICLE);

    assertEquals(201, reply.status(), reply.body());
    assertEquals(List.of("success", "data"), List.copyOf(reply.json().keySet()));
    assertEquals(true, reply.json().get("success"));
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals(List.of("id", "short_code", "short_url", "original_url", "title", "is_active", "has_password",
        "expires_at", "clicks_count", "analytics_public", "created_at", "updated_at"), List.copyOf(data.keySet()));
    assertTrue(UUID.fromString(data.get("id").toString()).toString().equals(data.get("id")));
    assertEquals("a8Kx2m", data.get("short_code"));
    assertEquals(snipurl.serverUrl() + "/a8Kx2m", data.get("short_url"));
    assertEquals("https://example.com/article", data.get("original_url"));
    assertEquals("Example Article", data.get("title"));
    assertEquals(true, data.get("is_active"));
    assertEquals(false, data.get("has_password"));
    assertEquals(null, data.get("expires_at"));
    assertEquals(0L, num(data.get("clicks_count")));
    assertEquals(false, data.get("analytics_public"));
    assertEquals("2025-06-20T10:00:00.000Z", data.get("created_at"));
    assertEquals("2025-06-20T10:00:00.000Z", data.get("updated_at"));
  }

  @Test
  void aMissingTitleBecomesTheUrlAndCodesAreGenerated() {
    Map<String, Object> data = obj(http.post(links, "{\"url\": \"https://example.com/x\"}").json().get("data"));
    assertEquals("https://example.com/x", data.get("title"));
    assertTrue(data.get("short_code").toString().matches("[A-Za-z0-9]{6}"), data.toString());
  }

  @Test
  void theFourDocumentedPatchExamplesWork() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    String id = create(ARTICLE);
    String link = links + "/" + id;
    snipurl.clock().set(Instant.parse("2025-06-24T11:30:00Z"));

    Map<String, Object> disabled = updated(http.patch(link, "{\"is_active\": false}"));
    assertEquals(false, disabled.get("is_active"));
    assertEquals("2025-06-24T11:30:00.000Z", disabled.get("updated_at"));
    assertEquals("2025-06-20T10:00:00.000Z", disabled.get("created_at"));

    Map<String, Object> protectedLink = updated(http.patch(link,
        "{\n\"password\": \"newsecret\",\n\"expires_at\": \"2025-12-31T23:59:59Z\"\n}"));
    assertEquals(true, protectedLink.get("has_password"));
    assertEquals("2025-12-31T23:59:59.000Z", protectedLink.get("expires_at"));

    assertEquals(false, updated(http.patch(link, "{\"password\": null}")).get("has_password"));

    Map<String, Object> shared = updated(http.patch(link,
        "{\n\"analytics_public\": true,\n\"analytics_shared_fields\": [\"overview\", \"locations\", \"devices\"]\n}"));
    assertEquals(true, shared.get("analytics_public"));
    assertFalse(shared.containsKey("analytics_shared_fields"));

    Map<String, Object> read = obj(http.get(link).json().get("data"));
    assertEquals(List.of("overview", "locations", "devices"), read.get("analytics_shared_fields"));
    assertEquals(List.of("id", "short_code", "short_url", "original_url", "title", "is_active", "has_password",
        "expires_at", "clicks_count", "analytics_public", "analytics_shared_fields", "created_at", "updated_at"),
        List.copyOf(read.keySet()));
    assertEquals("https://example.com/article", read.get("original_url"));
    assertEquals(read, snipurl.links().get(0));

    assertEquals(null, updated(http.patch(link, "{\"analytics_shared_fields\": null, \"expires_at\": null}"))
        .get("expires_at"));
    assertEquals(null, obj(http.get(link).json().get("data")).get("analytics_shared_fields"));
  }

  @Test
  void anEmptyPasswordIsIgnoredAndTheTitleCanChangeButNotBeRemoved() {
    String link = links + "/" + create("{\"url\": \"https://example.com\", \"password\": \"s3cret\"}");
    assertEquals(true, updated(http.patch(link, "{\"password\": \"\"}")).get("has_password"));
    assertEquals("New title", updated(http.patch(link, "{\"title\": \"New title\"}")).get("title"));
    Http.Reply nullTitle = http.patch(link, "{\"title\": null}");
    assertError(nullTitle, 400, "VALIDATION_ERROR");
    assertEquals(List.of("Expected string, received null"),
        obj(obj(obj(obj(nullTitle.json().get("error")).get("details"))).get("title")).get("_errors"));
  }

  @Test
  void changingTheUrlOrCodeIsABadRequest() {
    String link = links + "/" + create(ARTICLE);
    for (String body : List.of("{\"url\": \"https://example.com/other\"}",
        "{\"original_url\": \"https://example.com/other\"}", "{\"short_code\": \"other\", \"title\": \"x\"}")) {
      assertError(http.patch(link, body), 400, "BAD_REQUEST");
    }
    assertError(http.patch(links + "/" + UUID.randomUUID(), "{\"url\": \"https://example.com\"}"), 400, "BAD_REQUEST");
    assertError(http.patch(links + "/" + UUID.randomUUID(), "{\"title\": \"x\"}"), 404, "NOT_FOUND");
    assertEquals("https://example.com/article", snipurl.links().get(0).get("original_url"));
  }

  @Test
  void createValidatesAsTheServiceDoes() {
    Http.Reply badUrl = http.post(links, "{\"url\": \"not a url\"}");
    assertError(badUrl, 400, "VALIDATION_ERROR");
    Map<String, Object> details = obj(obj(badUrl.json().get("error")).get("details"));
    assertEquals(List.of(), details.get("_errors"));
    assertEquals(List.of("Please enter a valid URL"), obj(details.get("url")).get("_errors"));
    assertEquals(List.of("Required"),
        obj(obj(obj(http.post(links, "{}").json().get("error")).get("details")).get("url")).get("_errors"));

    for (String alias : List.of("ab", "-abc", "abc-", "has_underscore", "admin", "API", "a".repeat(51))) {
      Http.Reply reply = http.post(links, "{\"url\": \"https://example.com\", \"custom_alias\": \"" + alias + "\"}");
      assertError(reply, 400, "VALIDATION_ERROR");
      assertTrue(obj(obj(reply.json().get("error")).get("details")).containsKey("custom_alias"), reply.body());
    }
    assertError(http.post(links, "{\"url\": \"https://example.com\", \"expires_at\": \"2025-12-31\"}"),
        400, "VALIDATION_ERROR");
    assertError(http.post(links, "{\"url\": \"ftp://example.com/file\"}"), 400, "VALIDATION_ERROR");
    assertError(http.post(links, "[]"), 400, "BAD_REQUEST");
    assertTrue(snipurl.links().isEmpty());

    create("{\"url\": \"https://example.com\", \"custom_alias\": \"" + "a".repeat(50) + "\"}");
    create(ARTICLE);
    assertError(http.post(links, ARTICLE), 409, "CONFLICT");
  }

  @Test
  void listPagesSearchesAndFilters() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    for (int i = 0; i < 5; i++) {
      create("{\"url\": \"https://example.com/page-" + i + "\", \"custom_alias\": \"code-" + i
          + "\", \"title\": \"Title " + (i == 3 ? "Special" : "plain") + "\"}");
      snipurl.clock().advance(Duration.ofSeconds(1));
    }
    http.patch(links + "/" + idOfCode("code-2"), "{\"is_active\": false}");

    Http.Reply first = http.get(links + "?per_page=2");
    assertEquals(List.of("code-4", "code-3"), codes(first));
    Map<String, Object> meta = obj(first.json().get("meta"));
    assertEquals(1L, num(meta.get("page")));
    assertEquals(2L, num(meta.get("per_page")));
    assertEquals(5L, num(meta.get("total")));
    assertEquals(3L, num(meta.get("total_pages")));
    assertFalse(obj(arr(first.json().get("data")).get(0)).containsKey("analytics_shared_fields"));
    assertEquals(List.of("code-0"), codes(http.get(links + "?page=3&per_page=2")));
    assertEquals(20L, num(obj(http.get(links).json().get("meta")).get("per_page")));

    assertEquals(List.of("code-3"), codes(http.get(links + "?search=special")));
    assertEquals(List.of("code-1"), codes(http.get(links + "?search=PAGE-1")));
    assertEquals(List.of("code-4"), codes(http.get(links + "?search=code-4")));
    assertEquals(List.of("code-2"), codes(http.get(links + "?is_active=false")));
    assertEquals(4, codes(http.get(links + "?is_active=true")).size());

    for (String query : List.of("per_page=101", "per_page=0", "page=0", "is_active=yes", "page=one")) {
      assertError(http.get(links + "?" + query), 400, "VALIDATION_ERROR");
    }
  }

  @Test
  void deleteIsHardAndBulkDeleteSkipsUnknownIds() {
    String first = create(ARTICLE);
    String second = create("{\"url\": \"https://example.com/2\"}");
    String third = create("{\"url\": \"https://example.com/3\"}");

    Http.Reply deleted = http.delete(links + "/" + first);
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(Map.of("success", true, "data", Map.of("deleted", true)), deleted.json());
    Http.Reply missing = http.get(links + "/" + first);
    assertError(missing, 404, "NOT_FOUND");
    assertEquals("Link not found.", obj(missing.json().get("error")).get("message"));
    assertError(http.delete(links + "/" + first), 404, "NOT_FOUND");
    assertError(http.get(links + "/not-a-uuid"), 404, "NOT_FOUND");
    create(ARTICLE);

    Http.Reply bulk = http.delete(links + "/bulk",
        "{\"ids\": [\"" + second + "\", \"" + third + "\", \"" + UUID.randomUUID() + "\"]}");
    assertEquals(200, bulk.status(), bulk.body());
    assertEquals(2L, num(obj(bulk.json().get("data")).get("deleted")));
    assertEquals(1, snipurl.links().size());

    List<String> fiftyOne = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      fiftyOne.add("\"" + UUID.randomUUID() + "\"");
    }
    for (String body : List.of("{\"ids\": []}", "{\"ids\": [" + String.join(",", fiftyOne) + "]}",
        "{\"ids\": [\"nope\"]}", "{}")) {
      assertError(http.delete(links + "/bulk", body), 400, "VALIDATION_ERROR");
    }
    assertEquals(1, snipurl.links().size());
  }

  @Test
  void bulkDeleteChecksIdsLikeZod4AsTheServerDoes() {
    String link = create(ARTICLE);
    String versionZero = "550e8400-e29b-01d4-a716-446655440000";
    // a single GET of such an id is a 404, a bulk delete naming it fails as a whole
    assertError(http.get(links + "/" + versionZero), 404, "NOT_FOUND");
    assertError(http.delete(links + "/bulk", "{\"ids\": [\"" + link + "\", \"" + versionZero + "\"]}"),
        400, "VALIDATION_ERROR");
    assertError(http.delete(links + "/bulk", "{\"ids\": [\"550e8400-e29b-41d4-c716-446655440000\"]}"),
        400, "VALIDATION_ERROR");
    assertEquals(1, snipurl.links().size());
    Http.Reply special = http.delete(links + "/bulk", "{\"ids\": [\"00000000-0000-0000-0000-000000000000\","
        + " \"ffffffff-ffff-ffff-ffff-ffffffffffff\", \"" + link + "\"]}");
    assertEquals(200, special.status(), special.body());
    assertEquals(1L, num(obj(special.json().get("data")).get("deleted")));
  }

  @Test
  void aTitleOver255CharactersIsA500WithAnEmptyBodyLikeTheServersDatabaseError() {
    Http.Reply create = http.post(links, "{\"url\": \"https://example.com/a\", \"title\": \"" + "t".repeat(256) + "\"}");
    assertEquals(500, create.status());
    assertEquals("", create.body());
    assertEquals(0, snipurl.links().size());
    String link = create("{\"url\": \"https://example.com/a\", \"title\": \"" + "t".repeat(255) + "\"}");
    Http.Reply update = http.patch(links + "/" + link, "{\"title\": \"" + "t".repeat(256) + "\"}");
    assertEquals(500, update.status());
    assertEquals("", update.body());
    assertEquals("t".repeat(255), snipurl.links().get(0).get("title"));
  }

  @Test
  void shortLinksAnswerAsTheServersRedirectRouteDoes() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    String id = create("{\"url\": \"https://example.com/article\", \"custom_alias\": \"a8Kx2m\","
        + " \"expires_at\": \"2025-06-21T10:00:00Z\"}");
    Http anonymous = Http.authorization(null);
    String shortUrl = snipurl.serverUrl() + "/a8Kx2m";

    Http.Reply redirect = anonymous.get(shortUrl);
    assertEquals(302, redirect.status());
    assertEquals(Optional.of("https://example.com/article"), redirect.header("Location"));
    assertEquals(1L, num(obj(http.get(links + "/" + id).json().get("data")).get("clicks_count")));

    http.patch(links + "/" + id, "{\"is_active\": false}");
    Http.Reply deactivated = anonymous.get(shortUrl);
    assertEquals(200, deactivated.status());
    assertEquals(Optional.empty(), deactivated.header("Location"));
    assertTrue(deactivated.body().contains("This link has been deactivated"), deactivated.body());
    assertEquals(Optional.of("text/html; charset=utf-8"), deactivated.header("Content-Type"));

    http.patch(links + "/" + id, "{\"is_active\": true, \"password\": \"pw\"}");
    Http.Reply challenge = anonymous.get(shortUrl);
    assertEquals(307, challenge.status());
    assertEquals(Optional.of(shortUrl + "/challenge"), challenge.header("Location"));
    assertEquals(200, anonymous.get(shortUrl + "/challenge").status());
    http.patch(links + "/" + id, "{\"password\": null}");
    assertEquals(404, anonymous.get(shortUrl + "/challenge").status(), "no form without a password");
    assertEquals(302, anonymous.get(shortUrl).status());
    assertEquals(2L, num(obj(http.get(links + "/" + id).json().get("data")).get("clicks_count")),
        "the pages count no click");

    snipurl.clock().advance(Duration.ofDays(1).plusMillis(1));
    Http.Reply expired = anonymous.get(shortUrl);
    assertEquals(200, expired.status());
    assertTrue(expired.body().contains("This link has expired"), expired.body());
    http.patch(links + "/" + id, "{\"expires_at\": null}");
    assertEquals(302, anonymous.get(shortUrl).status());

    http.delete(links + "/" + id);
    Http.Reply unknown = anonymous.get(shortUrl);
    assertEquals(307, unknown.status());
    assertEquals(Optional.of(snipurl.serverUrl() + "/not-found"), unknown.header("Location"));
    assertEquals(404, anonymous.get(snipurl.serverUrl() + "/not-found").status());
  }

  @Test
  void bulkCreateAnswers201WithTheShortSuccessItemsAndFailuresByIndex() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    create("{\"url\": \"https://example.com/old\", \"custom_alias\": \"taken\"}");
    Http.Reply reply = http.post(links + "/bulk", "{\"links\": ["
        + "{\"url\": \"https://example.com/a\", \"custom_alias\": \"first\", \"title\": \"First\"},"
        + "{\"url\": \"https://example.com/b\", \"custom_alias\": \"taken\"},"
        + "{\"url\": \"https://example.com/c\", \"custom_alias\": \"admin\"},"
        + "{\"url\": \"https://example.com/d\", \"custom_alias\": \"first\"},"
        + "{\"url\": \"https://example.com/e\", \"title\": \"" + "t".repeat(256) + "\"},"
        + "{\"url\": \"https://example.com/f\", \"custom_alias\": null, \"title\": null, \"password\": \"pw\","
        + " \"expires_at\": \"2025-12-31T23:59:59Z\"}]}");

    assertEquals(201, reply.status(), reply.body());
    assertEquals(true, reply.json().get("success"));
    Map<String, Object> data = obj(reply.json().get("data"));
    assertEquals(List.of("success", "failed"), List.copyOf(data.keySet()));
    List<Object> success = arr(data.get("success"));
    assertEquals(2, success.size(), reply.body());
    Map<String, Object> first = obj(success.get(0));
    assertEquals(List.of("id", "short_code", "short_url", "original_url", "title", "created_at"),
        List.copyOf(first.keySet()));
    assertEquals("first", first.get("short_code"));
    assertEquals(snipurl.serverUrl() + "/first", first.get("short_url"));
    assertEquals("https://example.com/a", first.get("original_url"));
    assertEquals("First", first.get("title"));
    assertEquals("2025-06-20T10:00:00.000Z", first.get("created_at"));
    Map<String, Object> last = obj(success.get(1));
    assertEquals("https://example.com/f", last.get("title"), "a null title becomes the URL");
    assertTrue(last.get("short_code").toString().matches("[A-Za-z0-9]{6}"), last.toString());

    assertEquals(List.of(
        Map.of("index", 1, "error", "Alias already taken"),
        Map.of("index", 2, "error", "\"admin\" is a reserved word and cannot be used as an alias."),
        Map.of("index", 3, "error", "Alias already taken"),
        Map.of("index", 4, "error", "Internal error creating link")), data.get("failed"));

    assertEquals(3, snipurl.links().size());
    Map<String, Object> stored = obj(http.get(links + "/" + last.get("id")).json().get("data"));
    assertEquals(true, stored.get("has_password"));
    assertEquals("2025-12-31T23:59:59.000Z", stored.get("expires_at"));
  }

  @Test
  void bulkCreateRejectsABadBodyAsAWholeAndCreatesNothing() {
    List<String> fiftyOne = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      fiftyOne.add("{\"url\": \"https://example.com/" + i + "\"}");
    }
    String bulk = links + "/bulk";
    for (String body : List.of("{}", "{\"links\": []}", "{\"links\": {}}",
        "{\"links\": [" + String.join(",", fiftyOne) + "]}")) {
      Http.Reply reply = http.post(bulk, body);
      assertError(reply, 400, "VALIDATION_ERROR");
      assertEquals("Invalid request. Provide 1-50 links.", obj(reply.json().get("error")).get("message"));
      assertTrue(obj(obj(reply.json().get("error")).get("details")).containsKey("links"), reply.body());
    }
    Http.Reply badItem = http.post(bulk, "{\"links\": [{\"url\": \"https://example.com/ok\"},"
        + " {\"url\": \"not a url\"}, {\"url\": \"https://example.com\", \"expires_at\": \"2025-12-31\"}]}");
    assertError(badItem, 400, "VALIDATION_ERROR");
    Map<String, Object> itemsTree = obj(obj(obj(badItem.json().get("error")).get("details")).get("links"));
    assertEquals(List.of("Please enter a valid URL"), obj(obj(itemsTree.get("1")).get("url")).get("_errors"));
    assertEquals(List.of("Invalid datetime"), obj(obj(itemsTree.get("2")).get("expires_at")).get("_errors"));
    assertFalse(itemsTree.containsKey("0"), badItem.body());
    assertError(http.post(bulk, "[]"), 400, "BAD_REQUEST");
    assertError(http.put(bulk, "{}"), 405, "METHOD_NOT_ALLOWED");

    List<String> fifty = fiftyOne.subList(0, 50);
    Http.Reply max = http.post(bulk, "{\"links\": [" + String.join(",", fifty) + "]}");
    assertEquals(201, max.status(), max.body());
    assertEquals(50, arr(obj(max.json().get("data")).get("success")).size());
    assertEquals(50, snipurl.links().size());
  }

  @Test
  void theLinkLimitRefusesASingleCreateAtTheLimitAndABatchThatWouldPassIt() {
    snipurl.linkLimit(3);
    create("{\"url\": \"https://example.com/1\"}");
    String three = "{\"links\": [{\"url\": \"https://example.com/a\"}, {\"url\": \"https://example.com/b\"},"
        + " {\"url\": \"https://example.com/c\"}]}";
    Http.Reply over = http.post(links + "/bulk", three);
    assertError(over, 403, "FORBIDDEN");
    assertEquals("Link limit would be exceeded. Current: 1, limit: 3, requested: 3.",
        obj(over.json().get("error")).get("message"));
    assertEquals(1, snipurl.links().size(), "nothing of the batch was created");

    Http.Reply two = http.post(links + "/bulk",
        "{\"links\": [{\"url\": \"https://example.com/a\"}, {\"url\": \"https://example.com/b\"}]}");
    assertEquals(201, two.status(), two.body());
    assertEquals(3, snipurl.links().size());
    Http.Reply full = http.post(links, "{\"url\": \"https://example.com/4\"}");
    assertError(full, 403, "FORBIDDEN");
    assertEquals("Link limit reached (3). Delete existing links or upgrade your plan.",
        obj(full.json().get("error")).get("message"));
    assertEquals(3L, num(obj(http.get(snipurl.baseUrl() + "/account/usage").json().get("data")).get("link_limit")));

    snipurl.reset();
    assertEquals(1000L, num(obj(Http.bearer(snipurl.apiKey()).get(snipurl.baseUrl() + "/account").json().get("data"))
        .get("link_limit")));
  }

  @Test
  void theAccountDefaultExpiryAppliesToLinksCreatedWithoutOne() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    Map<String, Object> account = obj(http.get(snipurl.baseUrl() + "/account").json().get("data"));
    assertEquals(List.of("id", "email", "link_limit", "default_expiry_hours", "total_links", "total_clicks",
        "created_at"), List.copyOf(account.keySet()));
    assertEquals(null, account.get("default_expiry_hours"));
    assertEquals(null, obj(http.post(links, "{\"url\": \"https://example.com/none\"}").json().get("data"))
        .get("expires_at"));

    snipurl.defaultExpiryHours(48);
    assertEquals(48L, num(obj(http.get(snipurl.baseUrl() + "/account").json().get("data")).get("default_expiry_hours")));
    Map<String, Object> single = obj(http.post(links, "{\"url\": \"https://example.com/a\"}").json().get("data"));
    assertEquals("2025-06-22T10:00:00.000Z", single.get("expires_at"));
    Map<String, Object> explicitNull = obj(http.post(links,
        "{\"url\": \"https://example.com/b\", \"expires_at\": null}").json().get("data"));
    assertEquals("2025-06-22T10:00:00.000Z", explicitNull.get("expires_at"), "null cannot opt out");
    Map<String, Object> given = obj(http.post(links,
        "{\"url\": \"https://example.com/c\", \"expires_at\": \"2025-07-01T00:00:00Z\"}").json().get("data"));
    assertEquals("2025-07-01T00:00:00.000Z", given.get("expires_at"));

    Http.Reply bulk = http.post(links + "/bulk", "{\"links\": [{\"url\": \"https://example.com/d\"}]}");
    String bulkId = obj(arr(obj(bulk.json().get("data")).get("success")).get(0)).get("id").toString();
    assertEquals("2025-06-22T10:00:00.000Z", obj(http.get(links + "/" + bulkId).json().get("data")).get("expires_at"));

    assertEquals(null, updated(http.patch(links + "/" + single.get("id"), "{\"expires_at\": null}")).get("expires_at"),
        "a later PATCH clears it");
    snipurl.defaultExpiryHours(null);
    assertEquals(null, obj(http.post(links, "{\"url\": \"https://example.com/e\"}").json().get("data"))
        .get("expires_at"));
  }

  @Test
  void oneBulkRequestCountsAsOneRequestOfTheRateLimit() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    snipurl.rateLimit(2, Duration.ofMinutes(1));
    List<String> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add("{\"url\": \"https://example.com/" + i + "\"}");
    }
    Http.Reply bulk = http.post(links + "/bulk", "{\"links\": [" + String.join(",", fifty) + "]}");
    assertEquals(201, bulk.status(), bulk.body());
    assertEquals(Optional.of("1"), bulk.header("X-RateLimit-Remaining"));
    Http.Reply delete = http.delete(links + "/bulk", "{\"ids\": [\"" + snipurl.links().get(0).get("id") + "\"]}");
    assertEquals(200, delete.status(), delete.body());
    assertEquals(Optional.of("0"), delete.header("X-RateLimit-Remaining"));
    assertError(http.post(links + "/bulk", "{\"links\": [{\"url\": \"https://example.com/x\"}]}"),
        429, "RATE_LIMIT_EXCEEDED");
    assertEquals(49, snipurl.links().size());
  }

  @Test
  void badKeysGetTheDocumented401() {
    String wellFormed = "snip_live_" + "A".repeat(32);
    for (Http caller : List.of(Http.bearer(wellFormed), Http.bearer("snip_test_" + "A".repeat(32)),
        Http.bearer("snip_live_short"), Http.authorization(null), Http.authorization(snipurl.apiKey()))) {
      Http.Reply reply = caller.get(links);
      assertError(reply, 401, "UNAUTHORIZED");
    }
    assertTrue(snipurl.apiKey().matches("snip_live_[A-Za-z0-9]{32}"), snipurl.apiKey());
  }

  @Test
  void theRateLimitSendsHeadersAnd429WithDetails() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    assertEquals(Optional.empty(), http.get(links).header("X-RateLimit-Limit"));
    snipurl.rateLimit(2, Duration.ofMinutes(1));

    Http.Reply first = http.get(links);
    assertEquals(Optional.of("2"), first.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("1"), first.header("X-RateLimit-Remaining"));
    long reset = Instant.parse("2025-06-20T10:01:00Z").getEpochSecond();
    assertEquals(Optional.of(Long.toString(reset)), first.header("X-RateLimit-Reset"));
    assertEquals(201, http.post(links, ARTICLE).status());

    snipurl.clock().advance(Duration.ofSeconds(15));
    Http.Reply limited = http.get(links);
    assertError(limited, 429, "RATE_LIMIT_EXCEEDED");
    assertEquals(Map.of("limit", 2, "window", "1m", "retry_after", 45),
        obj(obj(limited.json().get("error")).get("details")));
    assertEquals(Optional.of("45"), limited.header("Retry-After"));
    assertEquals(Optional.of("0"), limited.header("X-RateLimit-Remaining"));

    snipurl.clock().advance(Duration.ofSeconds(45));
    assertEquals(200, http.get(links).status());
  }

  @Test
  void theHourWindowRefusesPastItsLimitThoughEveryMinuteStayedUnderItsOwn() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    snipurl.rateLimits(3, 5);
    assertMinuteHeaders(http.get(links), 2, "2025-06-20T10:01:00Z");
    assertMinuteHeaders(http.get(links), 1, "2025-06-20T10:01:00Z");
    snipurl.clock().advance(Duration.ofMinutes(1));
    assertMinuteHeaders(http.get(links), 2, "2025-06-20T10:02:00Z");
    assertMinuteHeaders(http.get(links), 1, "2025-06-20T10:02:00Z");
    snipurl.clock().advance(Duration.ofMinutes(1));
    assertMinuteHeaders(http.get(links), 2, "2025-06-20T10:03:00Z");

    long hourEnd = Instant.parse("2025-06-20T11:00:00Z").getEpochSecond();
    for (int i = 0; i < 3; i++) {
      // a refused request counts in neither window: the minute window (1 used of 3) never refuses
      Http.Reply refused = http.get(links);
      assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
      assertEquals(Map.of("limit", 5, "window", "1h", "retry_after", 3480),
          obj(obj(refused.json().get("error")).get("details")));
      assertEquals("Rate limit exceeded. Retry after 3480 seconds.",
          obj(refused.json().get("error")).get("message"));
      assertEquals(Optional.of("3480"), refused.header("Retry-After"));
      assertEquals(Optional.of("5"), refused.header("X-RateLimit-Limit"));
      assertEquals(Optional.of("0"), refused.header("X-RateLimit-Remaining"));
      assertEquals(Optional.of(Long.toString(hourEnd)), refused.header("X-RateLimit-Reset"));
    }

    snipurl.clock().set(Instant.parse("2025-06-20T10:59:59.999Z"));
    Http.Reply last = http.get(links);
    assertEquals(429, last.status(), last.body());
    assertEquals(Optional.of("1"), last.header("Retry-After"));
    snipurl.clock().set(Instant.parse("2025-06-20T11:00:00Z"));
    assertMinuteHeaders(http.get(links), 2, "2025-06-20T11:01:00Z");
    assertMinuteHeaders(http.get(links), 1, "2025-06-20T11:01:00Z");
  }

  @Test
  void whenBothWindowsAreFullTheMinuteWindowIsReportedWithTheServersRounding() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00.500Z"));
    snipurl.rateLimits(3, 3);
    for (int remaining = 2; remaining >= 0; remaining--) {
      assertMinuteHeaders(http.get(links), remaining, "2025-06-20T10:01:01Z");
    }
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:10.700Z"));
    Http.Reply refused = http.get(links);
    assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
    // window end 10:01:00.500 rounded up, now rounded down: 61 - 10 s, not the 49.8 s left
    assertEquals(Map.of("limit", 3, "window", "1m", "retry_after", 51),
        obj(obj(refused.json().get("error")).get("details")));
    assertEquals(Optional.of("51"), refused.header("Retry-After"));
    assertEquals(Optional.of("3"), refused.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("0"), refused.header("X-RateLimit-Remaining"));
    assertEquals(Optional.of(Long.toString(Instant.parse("2025-06-20T10:01:01Z").getEpochSecond())),
        refused.header("X-RateLimit-Reset"));

    snipurl.clock().set(Instant.parse("2025-06-20T10:01:00.500Z"));
    Http.Reply hour = http.get(links);
    assertError(hour, 429, "RATE_LIMIT_EXCEEDED");
    assertEquals(Map.of("limit", 3, "window", "1h", "retry_after", 3541),
        obj(obj(hour.json().get("error")).get("details")));
    assertEquals(Optional.of(Long.toString(Instant.parse("2025-06-20T11:00:01Z").getEpochSecond())),
        hour.header("X-RateLimit-Reset"));
  }

  @Test
  void twoWindowsCountABulkRequestOnceReportTheirNumbersAndGiveWayToTheOneWindowLimit() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    snipurl.rateLimits(3, 5);
    List<String> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add("{\"url\": \"https://example.com/" + i + "\"}");
    }
    Http.Reply bulk = http.post(links + "/bulk", "{\"links\": [" + String.join(",", fifty) + "]}");
    assertEquals(201, bulk.status(), bulk.body());
    assertMinuteHeaders(bulk, 2, "2025-06-20T10:01:00Z");
    Http.Reply usage = http.get(snipurl.baseUrl() + "/account/usage");
    assertMinuteHeaders(usage, 1, "2025-06-20T10:01:00Z");
    assertEquals(3L, num(obj(usage.json().get("data")).get("rate_limit_per_minute")));
    assertEquals(5L, num(obj(usage.json().get("data")).get("rate_limit_per_hour")));

    snipurl.rateLimit(10, Duration.ofMinutes(1));
    Http.Reply one = http.get(snipurl.baseUrl() + "/account/usage");
    assertEquals(Optional.of("10"), one.header("X-RateLimit-Limit"));
    assertEquals(Optional.of("9"), one.header("X-RateLimit-Remaining"));
    assertEquals(60L, num(obj(one.json().get("data")).get("rate_limit_per_minute")));
    assertEquals(1000L, num(obj(one.json().get("data")).get("rate_limit_per_hour")));

    snipurl.rateLimits(1, 5);
    assertEquals(200, http.get(links).status());
    assertEquals(429, http.get(links).status());
    snipurl.rateLimitOff();
    Http.Reply off = http.get(links);
    assertEquals(200, off.status(), off.body());
    assertEquals(Optional.empty(), off.header("X-RateLimit-Limit"));

    snipurl.rateLimits(1, 5);
    assertEquals(200, http.get(links).status());
    snipurl.reset();
    Http.Reply afterReset = http.get(links);
    assertEquals(200, afterReset.status(), afterReset.body());
    assertEquals(Optional.empty(), afterReset.header("X-RateLimit-Limit"));

    IllegalArgumentException zero = assertThrows(
        IllegalArgumentException.class, () -> snipurl.rateLimits(0, 5));
    assertTrue(zero.getMessage().contains("perMinute"), zero.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> snipurl.rateLimits(5, 0)).getMessage().contains("perHour"));
  }

  private static void assertMinuteHeaders(Http.Reply reply, int remaining, String reset) {
    assertTrue(reply.status() == 200 || reply.status() == 201, reply.status() + " " + reply.body());
    assertEquals(Optional.of("3"), reply.header("X-RateLimit-Limit"));
    assertEquals(Optional.of(Integer.toString(remaining)), reply.header("X-RateLimit-Remaining"));
    assertEquals(Optional.of(Long.toString(Instant.parse(reset).getEpochSecond())), reply.header("X-RateLimit-Reset"));
    assertEquals(Optional.empty(), reply.header("Retry-After"));
  }

  private String create(String body) {
    Http.Reply reply = http.post(links, body);
    assertEquals(201, reply.status(), reply.body());
    return obj(reply.json().get("data")).get("id").toString();
  }

  private String idOfCode(String code) {
    return snipurl.links().stream().filter(l -> code.equals(l.get("short_code"))).findFirst()
        .orElseThrow().get("id").toString();
  }

  private static Map<String, Object> updated(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals(true, reply.json().get("success"));
    Map<String, Object> data = obj(reply.json().get("data"));
    assertFalse(data.containsKey("analytics_shared_fields"), data.toString());
    return data;
  }

  private static List<String> codes(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return arr(reply.json().get("data")).stream().map(l -> obj(l).get("short_code").toString())
        .collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status, String code) {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(false, body.get("success"));
    Map<String, Object> error = obj(body.get("error"));
    assertEquals(code, error.get("code"), reply.body());
    assertTrue(error.get("message") instanceof String && !error.get("message").toString().isBlank());
  }
}
