package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.testkit.internal.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CarrierX emulator's rules at their edges, each error compared whole ({@code {message,
 * errors}}): credentials, routes and methods, the domain objects, field checks at their limits,
 * {@code reuse=true}, the list's order and {@code limit} bounds, and expiry at exactly {@code
 * maximum_ttl} seconds.
 */
class CarrierxEmulatorRulesTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("carrierx");

  private static final Instant T0 = Instant.parse("2024-01-18T19:26:02Z");

  private CarrierxEmulator carrierx;
  private Http http;
  private String links;
  private String domains;

  @BeforeEach
  void setUp() {
    carrierx = EXTENSION.emulator(CarrierxEmulator.class);
    carrierx.clock().set(T0);
    http = Http.bearer(carrierx.apiKey());
    links = carrierx.baseUrl() + "/shortener/links";
    domains = carrierx.baseUrl() + "/shortener/domains";
  }

  @Test
  void onlyTheTokenOrTheBasicCredentialsAreAccepted() {
    String basic = Base64.getEncoder().encodeToString(
        (carrierx.username() + ":" + carrierx.password()).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, Http.authorization("basic " + basic).get(links).status());
    assertError(Http.authorization("Basic " + Base64.getEncoder().encodeToString(
        (carrierx.username() + ":wrong").getBytes(StandardCharsets.UTF_8))).get(links), 401, "Bad credentials", "[]");
    assertError(Http.authorization("Basic !!!").get(links), 401, "Bad credentials", "[]");
    assertError(Http.authorization("Token " + carrierx.apiKey()).get(links), 401, "Bad credentials", "[]");
    assertError(Http.authorization(null).get(links), 401, "Unauthorized", "[]");
  }

  @Test
  void routesMethodsAndTheDomain() {
    String sid = carrierx.defaultDomainSid();
    String authority = URI.create(carrierx.serverUrl()).getAuthority();
    Object partner = create("{\"destination_url\":\"https://example.com\"}").get("partner_sid");
    Map<String, Object> domain = Json.parseObject("{\"domain_name\":\"" + authority + "\",\"domain_sid\":\"" + sid
        + "\",\"expired_mode\":\"proxy_pass\",\"expired_page\":\"This link has expired.\",\"expired_status_code\":410,"
        + "\"minimum_length\":6,\"not_found_mode\":\"proxy_pass\",\"not_found_page\":\"No link here.\","
        + "\"not_found_status_code\":404,\"partner_sid\":\"" + partner + "\",\"scope\":\"children\","
        + "\"secure\":\"disabled\",\"suffix_pattern\":null}").orElseThrow();
    Http.Reply one = http.get(domains + "/" + sid);
    assertEquals(200, one.status(), one.body());
    assertEquals(domain, one.json());
    Http.Reply all = http.get(domains);
    assertEquals(Map.of("count", 1, "has_more", false, "items", List.of(domain), "limit", 10, "offset", 0,
        "pagination", Map.of(), "total", 1), all.json());
    assertError(http.get(domains + "/00000000-0000-4000-8000-000000000000"), 404, "Cannot find item by SID", "[]");
    assertEquals(200, http.send("HEAD", domains + "/" + sid, null, null).status());

    Http.Reply postDomains = http.post(domains, "{}");
    assertError(postDomains, 405, "Method Not Allowed", "[]");
    assertEquals(Optional.of("GET"), postDomains.header("Allow"));
    Http.Reply putLinks = http.put(links, "{}");
    assertError(putLinks, 405, "Method Not Allowed", "[]");
    assertEquals(Optional.of("GET, POST"), putLinks.header("Allow"));
    Http.Reply postOne = http.post(links + "/00000000-0000-4000-8000-000000000000", "{}");
    assertError(postOne, 405, "Method Not Allowed", "[]");
    assertEquals(Optional.of("GET, PATCH, PUT, DELETE"), postOne.header("Allow"));
    assertError(http.get(links + "/not-a-sid"), 404, "Cannot find item by SID", "[]");
    assertError(http.get(carrierx.baseUrl() + "/shortener"), 404, "Not Found", "[]");
    assertError(http.get(carrierx.baseUrl() + "/shortener/links/a/b"), 404, "Not Found", "[]");
    assertError(http.get(carrierx.baseUrl() + "/shortener/other"), 404, "Not Found", "[]");
    assertError(http.get(carrierx.baseUrl() + "/other/links"), 404, "Not Found", "[]");
  }

  @Test
  void createChecksTheShortNameTheModeAndTheTtlAtItsLimit() {
    String sid = carrierx.defaultDomainSid();
    assertError(http.post(links, "{\"destination_url\":\"https://example.com\",\"domain_sid\":\"" + sid
            + "\",\"short_name\":\"a b\",\"mode\":\"teleport\",\"maximum_ttl\":-2}"), 422, "Object validation error",
        "[{\"field\":\"short_name\",\"message\":\"must be 1 to 128 letters, digits, hyphens or underscores\"},"
            + "{\"field\":\"mode\",\"message\":\"must be one of proxy_pass, redirect_permanent, redirect_temporary\"},"
            + "{\"field\":\"maximum_ttl\",\"message\":\"must be a whole number of seconds, -1 or more\"}]");
    Http.Reply forever = http.post(links, "{\"destination_url\":\"https://example.com\",\"domain_sid\":\"" + sid
        + "\",\"maximum_ttl\":-1}");
    assertEquals(200, forever.status(), forever.body());
    assertEquals(-1L, num(forever.json().get("maximum_ttl")));
    assertError(http.put(links + "/" + forever.json().get("link_sid"), "nope"), 400, "No JSON object could be decoded", "[]");
    assertError(http.post(links, "[]"), 400, "No JSON object could be decoded", "[]");
  }

  @Test
  void aLinkExpiresAtExactlyItsMaximumTtl() {
    create("{\"destination_url\":\"https://example.com\",\"short_name\":\"brief\",\"maximum_ttl\":60,"
        + "\"mode\":\"redirect_temporary\"}");
    Http anonymous = Http.authorization(null);
    carrierx.clock().advance(Duration.ofSeconds(59));
    assertEquals(302, anonymous.get(carrierx.serverUrl() + "/brief").status());
    carrierx.clock().advance(Duration.ofSeconds(1));
    assertEquals(410, anonymous.get(carrierx.serverUrl() + "/brief").status());
  }

  @Test
  void reuseAnswersTheLinkWithTheSameDestinationAndShortName() {
    Map<String, Object> first = create("{\"destination_url\":\"https://example.com/a\",\"short_name\":\"first\"}");
    Map<String, Object> again = create(links + "?reuse=true",
        "{\"destination_url\":\"https://example.com/a\",\"short_name\":\"first\"}");
    assertEquals(first, again);
    Map<String, Object> generated = create(links + "?reuse=true", "{\"destination_url\":\"https://example.com/a\"}");
    assertEquals(first, generated);
    Map<String, Object> other = create(links + "?reuse=true",
        "{\"destination_url\":\"https://example.com/a\",\"short_name\":\"second\"}");
    assertEquals("second", other.get("short_name"));
    Map<String, Object> elsewhere = create(links + "?reuse=true", "{\"destination_url\":\"https://example.com/b\"}");
    assertEquals("https://example.com/b", elsewhere.get("destination_url"));
    assertEquals(3, carrierx.links().size());

    Http.Reply conflict = http.post(links, "{\"destination_url\":\"https://example.com/c\",\"domain_sid\":\""
        + carrierx.defaultDomainSid() + "\",\"short_name\":\"first\"}");
    assertError(conflict, 409, "Conflict", "[{\"field\":\"short_name\",\"message\":\"already exists in this domain\"}]");
  }

  @Test
  void theListIsOldestFirstAndTheLimitRunsFromZeroTo1000() {
    String a = create("{\"destination_url\":\"https://example.com/1\"}").get("link_sid").toString();
    String b = create("{\"destination_url\":\"https://example.com/2\"}").get("link_sid").toString();
    String c = create("{\"destination_url\":\"https://example.com/3\"}").get("link_sid").toString();
    assertEquals(List.of(a, b, c), sids(http.get(links + "?limit=1000")));
    Http.Reply none = http.get(links + "?limit=0");
    assertEquals(List.of(), sids(none));
    assertEquals(true, none.json().get("has_more"));
    assertEquals(3L, num(none.json().get("total")));
    assertEquals(List.of(c), sids(http.get(links + "?offset=2")));
    assertError(http.get(links + "?limit=1001"), 400, "Bad Request",
        "[{\"field\":\"limit\",\"message\":\"must be a whole number from 0 to 1000\"}]");
    assertError(http.get(links + "?limit=-1&offset=-1"), 400, "Bad Request",
        "[{\"field\":\"limit\",\"message\":\"must be a whole number from 0 to 1000\"},"
            + "{\"field\":\"offset\",\"message\":\"must be a whole number from 0 to 2147483647\"}]");
    assertError(http.get(links + "?filter=short_name"), 400, "Bad Request",
        "[{\"field\":\"filter\",\"message\":\"cannot parse condition 'short_name'\"}]");
    assertEquals(List.of(b), sids(http.get(links + "?filter=destination_url%20eq%20'https://example.com/2'")));
  }

  private Map<String, Object> create(String body) {
    return create(links, body);
  }

  private Map<String, Object> create(String url, String body) {
    String withDomain = body.replaceFirst("^\\{", "{\"domain_sid\":\"" + carrierx.defaultDomainSid() + "\",");
    Http.Reply reply = http.post(url, withDomain);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static List<String> sids(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return arr(reply.json().get("items")).stream().map(l -> obj(l).get("link_sid").toString()).collect(Collectors.toList());
  }

  private static void assertError(Http.Reply reply, int status, String message, String errors) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(Json.parseObject("{\"message\":" + Json.write(message) + ",\"errors\":" + errors + "}").orElseThrow(),
        reply.json());
  }
}
