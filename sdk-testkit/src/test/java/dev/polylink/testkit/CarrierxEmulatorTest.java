package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CarrierxEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("carrierx");

  private static final List<String> FIELDS = List.of("date_accessed", "date_created", "destination_url",
      "domain_sid", "hits", "link_sid", "maximum_ttl", "mode", "partner_sid", "short_name", "url");

  private CarrierxEmulator carrierx;
  private Http http;
  private String links;

  @BeforeEach
  void setUp() {
    carrierx = EXTENSION.emulator(CarrierxEmulator.class);
    http = Http.bearer(carrierx.apiKey());
    links = carrierx.baseUrl() + "/shortener/links";
  }

  @Test
  void createAnswers200WithTheDocumentedObject() {
    carrierx.clock().set(Instant.parse("2024-01-18T19:26:02Z"));
    Http.Reply reply = http.post(links,
        "{\"destination_url\": \"http://destinationurl.com\", \"domain_sid\": \"" + carrierx.defaultDomainSid() + "\"}");

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> link = reply.json();
    assertEquals(FIELDS, List.copyOf(link.keySet()));
    assertNull(link.get("date_accessed"));
    assertEquals("2024-01-18T19:26:02.000Z", link.get("date_created"));
    assertEquals("http://destinationurl.com", link.get("destination_url"));
    assertEquals(carrierx.defaultDomainSid(), link.get("domain_sid"));
    assertEquals(0L, num(link.get("hits")));
    UUID.fromString(link.get("link_sid").toString());
    UUID.fromString(link.get("partner_sid").toString());
    assertEquals(-1L, num(link.get("maximum_ttl")));
    assertEquals("redirect_temporary", link.get("mode"));
    assertTrue(link.get("short_name").toString().matches("[A-Za-z0-9]{6}"), link.toString());
    assertEquals(carrierx.serverUrl() + "/" + link.get("short_name"), link.get("url"));
    assertEquals(link, http.get(links + "/" + link.get("link_sid")).json());
    assertEquals(link, carrierx.links().get(0));
  }

  @Test
  void theDocumentedPatchSampleChangesTheMode() {
    Map<String, Object> link = create("{\"destination_url\": \"http://destinationurl.com\"}");
    Http.Reply reply = http.patch(links + "/" + link.get("link_sid"), "{\"mode\":\"redirect_permanent\"}");

    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> patched = reply.json();
    assertEquals("redirect_permanent", patched.get("mode"));
    Map<String, Object> expected = new LinkedHashMap<>(link);
    expected.put("mode", "redirect_permanent");
    assertEquals(expected, patched);

    Http.Reply redirect = Http.authorization(null).get(link.get("url").toString());
    assertEquals(301, redirect.status());
    assertEquals(Optional.of("http://destinationurl.com"), redirect.header("Location"));
  }

  @Test
  void patchChangesTheFourModifiableFieldsAndIgnoresReadOnlyOnes() {
    Map<String, Object> link = create("{\"destination_url\": \"http://one.example\", \"short_name\": \"first\"}");
    String url = links + "/" + link.get("link_sid");
    Http.Reply reply = http.patch(url, "{\"destination_url\":\"https://two.example/x\",\"maximum_ttl\":3600,"
        + "\"short_name\":\"second\",\"hits\":99,\"link_sid\":\"" + UUID.randomUUID() + "\",\"date_created\":\"2020-01-01T00:00:00.000Z\"}");
    assertEquals(200, reply.status(), reply.body());
    Map<String, Object> patched = reply.json();
    assertEquals("https://two.example/x", patched.get("destination_url"));
    assertEquals(3600L, num(patched.get("maximum_ttl")));
    assertEquals("second", patched.get("short_name"));
    assertEquals(carrierx.serverUrl() + "/second", patched.get("url"));
    assertEquals(0L, num(patched.get("hits")));
    assertEquals(link.get("link_sid"), patched.get("link_sid"));
    assertEquals(link.get("date_created"), patched.get("date_created"));

    for (String body : List.of("{\"mode\":\"redirect_sideways\"}", "{\"maximum_ttl\":-2}", "{\"maximum_ttl\":1.5}",
        "{\"destination_url\":\"nope\"}", "{\"short_name\":\"\"}", "{\"mode\":null}")) {
      assertError(http.patch(url, body), 422, "Object validation error");
    }
  }

  @Test
  void putNeedsTheWholeObject() {
    Map<String, Object> link = create("{\"destination_url\": \"http://one.example\"}");
    String url = links + "/" + link.get("link_sid");

    Http.Reply partial = http.put(url, "{\"destination_url\":\"http://two.example\"}");
    assertError(partial, 422, "Object validation error");
    List<Object> missing = arr(partial.json().get("errors")).stream().map(e -> obj(e).get("field"))
        .collect(Collectors.toList());
    assertEquals(List.of("date_accessed", "date_created", "domain_sid", "hits", "link_sid", "maximum_ttl", "mode",
        "partner_sid", "short_name", "url"), missing);
    assertEquals("http://one.example", carrierx.links().get(0).get("destination_url"));

    Map<String, Object> whole = new LinkedHashMap<>(link);
    whole.put("destination_url", "http://two.example");
    whole.put("mode", "proxy_pass");
    whole.put("hits", 1234);
    Http.Reply put = http.put(url, Json.write(whole));
    assertEquals(200, put.status(), put.body());
    assertEquals("http://two.example", put.json().get("destination_url"));
    assertEquals("proxy_pass", put.json().get("mode"));
    assertEquals(0L, num(put.json().get("hits")));

    Http.Reply proxied = Http.authorization(null).get(link.get("url").toString());
    assertEquals(200, proxied.status());
    assertTrue(proxied.body().contains("http://two.example"), proxied.body());
  }

  @Test
  void aBodyWithoutJsonContentTypeIs415() {
    String body = "{\"destination_url\": \"http://destinationurl.com\", \"domain_sid\": \"" + carrierx.defaultDomainSid() + "\"}";
    assertError(http.send("POST", links, null, body), 415, "Unsupported Media Type");
    assertError(http.send("POST", links, "text/plain", body), 415, "Unsupported Media Type");
    assertError(http.send("POST", links, "application/x-www-form-urlencoded", "destination_url=x"), 415,
        "Unsupported Media Type");
    assertTrue(carrierx.links().isEmpty());
    assertEquals(200, http.send("POST", links, "application/json; charset=utf-8", body).status());
    assertError(http.post(links, "not json"), 400, "No JSON object could be decoded");
    assertError(http.post(links, ""), 400, "No JSON object could be decoded");
  }

  @Test
  void createValidatesAndShortNamesAreUniqueInTheDomain() {
    Http.Reply missing = http.post(links, "{}");
    assertError(missing, 422, "Object validation error");
    assertEquals(List.of("destination_url", "domain_sid"), arr(missing.json().get("errors")).stream()
        .map(e -> obj(e).get("field")).collect(Collectors.toList()));
    assertError(http.post(links, "{\"destination_url\":\"http://a.example\",\"domain_sid\":\"" + UUID.randomUUID() + "\"}"),
        422, "Object validation error");
    assertError(http.post(links, body("{\"destination_url\":\"http://a.example\",\"mode\":\"teleport\"}")),
        422, "Object validation error");

    Map<String, Object> first = create("{\"destination_url\":\"http://a.example\",\"short_name\":\"mine\"}");
    assertError(http.post(links, body("{\"destination_url\":\"http://b.example\",\"short_name\":\"mine\"}")),
        409, "Conflict");
    Http.Reply reused = http.post(links + "?reuse=true", body("{\"destination_url\":\"http://a.example\"}"));
    assertEquals(200, reused.status());
    assertEquals(first.get("link_sid"), reused.json().get("link_sid"));
    assertEquals(1, carrierx.links().size());
    Map<String, Object> fresh = create("{\"destination_url\":\"http://a.example\",\"maximum_ttl\":0,\"mode\":\"proxy_pass\"}");
    assertEquals(0L, num(fresh.get("maximum_ttl")));
    assertEquals(2, carrierx.links().size());
  }

  @Test
  void listPagesWithLimitAndOffsetOldestFirst() {
    carrierx.clock().set(Instant.parse("2024-01-18T19:26:02Z"));
    for (int i = 0; i < 5; i++) {
      create("{\"destination_url\":\"http://example.com/" + i + "\",\"short_name\":\"n" + i + "\",\"maximum_ttl\":" + (i * 100) + "}");
      carrierx.clock().advance(Duration.ofSeconds(1));
    }
    Http.Reply first = http.get(links + "?limit=2");
    assertEquals(200, first.status(), first.body());
    Map<String, Object> page = first.json();
    assertEquals(List.of("count", "has_more", "items", "limit", "offset", "pagination", "total"), List.copyOf(page.keySet()));
    assertEquals(List.of("n0", "n1"), names(page));
    assertEquals(2L, num(page.get("count")));
    assertEquals(true, page.get("has_more"));
    assertEquals(2L, num(page.get("limit")));
    assertEquals(0L, num(page.get("offset")));
    assertEquals(Map.of(), page.get("pagination"));
    assertEquals(5L, num(page.get("total")));

    Map<String, Object> last = http.get(links + "?limit=2&offset=4").json();
    assertEquals(List.of("n4"), names(last));
    assertEquals(false, last.get("has_more"));
    assertEquals(10L, num(http.get(links).json().get("limit")));
    assertEquals(List.of("n3", "n4"), names(http.get(links + "?filter=maximum_ttl+gt+250").json()));
    assertEquals(List.of("n2"), names(http.get(links + "?filter=short_name%20eq%20'n2'").json()));
    assertEquals(List.of("n1"), names(http.get(links + "?filter=destination_url%20like%20'%25/1'%20and%20hits%20eq%200").json()));

    for (String query : List.of("limit=1001", "limit=-1", "offset=-1", "limit=ten", "filter=hits%20resembles%201")) {
      assertError(http.get(links + "?" + query), 400, "Bad Request");
    }
    assertEquals(200, http.get(links + "?limit=1000").status());
  }

  @Test
  void unknownSidsAndDeletedLinksAreNotFound() {
    Map<String, Object> link = create("{\"destination_url\":\"http://example.com\"}");
    String url = links + "/" + link.get("link_sid");
    for (String sid : List.of(UUID.randomUUID().toString(), "not-a-sid")) {
      assertError(http.get(links + "/" + sid), 404, "Cannot find item by SID");
      assertError(http.patch(links + "/" + sid, "{\"mode\":\"proxy_pass\"}"), 404, "Cannot find item by SID");
      assertError(http.delete(links + "/" + sid), 404, "Cannot find item by SID");
    }
    Http.Reply deleted = http.delete(url);
    assertEquals(204, deleted.status());
    assertEquals("", deleted.body());
    assertError(http.get(url), 404, "Cannot find item by SID");
    assertEquals(404, Http.authorization(null).get(link.get("url").toString()).status());
    assertTrue(carrierx.links().isEmpty());
  }

  @Test
  void shortLinksCountHitsAndExpireAfterMaximumTtl() {
    carrierx.clock().set(Instant.parse("2024-01-18T19:26:02Z"));
    Map<String, Object> link = create("{\"destination_url\":\"http://example.com\",\"maximum_ttl\":60}");
    Http anonymous = Http.authorization(null);
    String shortUrl = link.get("url").toString();

    carrierx.clock().advance(Duration.ofSeconds(30));
    Http.Reply redirect = anonymous.get(shortUrl);
    assertEquals(302, redirect.status());
    assertEquals(Optional.of("http://example.com"), redirect.header("Location"));
    Map<String, Object> read = http.get(links + "/" + link.get("link_sid")).json();
    assertEquals(1L, num(read.get("hits")));
    assertEquals("2024-01-18T19:26:32.000Z", read.get("date_accessed"));

    carrierx.clock().advance(Duration.ofSeconds(29));
    assertEquals(302, anonymous.get(shortUrl).status());
    carrierx.clock().advance(Duration.ofSeconds(1));
    assertEquals(410, anonymous.get(shortUrl).status());
    assertEquals(200, http.get(links + "/" + link.get("link_sid")).status());

    http.patch(links + "/" + link.get("link_sid"), "{\"maximum_ttl\":-1}");
    assertEquals(302, anonymous.get(shortUrl).status());
  }

  @Test
  void bearerAndBasicAuthenticate() {
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (carrierx.username() + ":" + carrierx.password()).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, Http.authorization(basic).get(links).status());
    String wrongPassword = "Basic " + Base64.getEncoder().encodeToString(
        (carrierx.username() + ":nope").getBytes(StandardCharsets.UTF_8));
    assertError(Http.authorization(wrongPassword).get(links), 401, "Bad credentials");
    assertError(Http.bearer(UUID.randomUUID().toString()).get(links), 401, "Bad credentials");
    assertError(Http.authorization(null).get(links), 401, "Unauthorized");
    UUID.fromString(carrierx.apiKey());
  }

  @Test
  void theDomainIsReadable() {
    Map<String, Object> domains = http.get(carrierx.baseUrl() + "/shortener/domains").json();
    Map<String, Object> domain = obj(arr(domains.get("items")).get(0));
    assertEquals(carrierx.defaultDomainSid(), domain.get("domain_sid"));
    assertEquals(domain, http.get(carrierx.baseUrl() + "/shortener/domains/" + carrierx.defaultDomainSid()).json());
    assertError(http.get(carrierx.baseUrl() + "/shortener/domains/" + UUID.randomUUID()), 404, "Cannot find item by SID");
  }

  @Test
  void theRateLimitAnswers429WithRetryAfter() {
    carrierx.clock().set(Instant.parse("2024-01-18T19:26:02Z"));
    carrierx.rateLimit(1, Duration.ofSeconds(10));
    assertEquals(200, http.get(links).status());
    Http.Reply limited = http.get(links);
    assertError(limited, 429, "Too Many Requests");
    assertEquals(Optional.of("10"), limited.header("Retry-After"));
    carrierx.clock().advance(Duration.ofSeconds(10));
    assertEquals(200, http.get(links).status());
  }

  private Map<String, Object> create(String fields) {
    Http.Reply reply = http.post(links, body(fields));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** {@code fields} with the emulator's domain added. */
  private String body(String fields) {
    return fields.replaceFirst("\\{", "{\"domain_sid\":\"" + carrierx.defaultDomainSid() + "\",");
  }

  private static List<String> names(Map<String, Object> page) {
    return arr(page.get("items")).stream().map(i -> obj(i).get("short_name").toString()).collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status, String message) {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> body = reply.json();
    assertEquals(List.of("message", "errors"), List.copyOf(body.keySet()));
    assertEquals(message, body.get("message"));
    assertTrue(body.get("errors") instanceof List);
  }
}
