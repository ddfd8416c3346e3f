package dev.polylink.testkit;

import static dev.polylink.testkit.Http.arr;
import static dev.polylink.testkit.Http.num;
import static dev.polylink.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.polylink.testkit.internal.ClickLog;
import dev.polylink.testkit.internal.Json;
import dev.polylink.testkit.internal.QrImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The ShortPen emulator's rules at their edges, each answer compared whole: the method and route
 * errors, the validation of every documented field (Laravel's rules, at the boundary values), the
 * resources of {@code POST /v1/get}, {@code /v1/me}, {@code /v1/analytics}, cloaked links and reset.
 */
class ShortpenEmulatorRulesTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("shortpen");

  private static final Instant T0 = Instant.parse("2025-06-20T10:00:00Z");

  private ShortpenEmulator shortpen;
  private Http http;
  private String generate;
  private String links;

  @BeforeEach
  void setUp() {
    shortpen = EXTENSION.emulator(ShortpenEmulator.class);
    shortpen.clock().set(T0);
    http = Http.bearer(shortpen.apiKey());
    generate = shortpen.baseUrl() + "/v1/generate";
    links = shortpen.baseUrl() + "/v1/links";
  }

  @Test
  void wrongMethodsAnswer405WithAllowAndUnknownRoutes404() {
    Http.Reply ping = http.post(shortpen.baseUrl() + "/v1/ping", "{}");
    assertError(ping, 405, "The POST method is not supported for this route. Supported methods: GET.");
    assertEquals(Optional.of("GET"), ping.header("Allow"));
    assertEquals(200, Http.authorization(null).send("HEAD", shortpen.baseUrl() + "/v1/ping", null, null).status());

    Http.Reply generateGet = http.get(generate);
    assertError(generateGet, 405, "The GET method is not supported for this route. Supported methods: POST.");
    assertEquals(Optional.of("POST"), generateGet.header("Allow"));
    Http.Reply getGet = http.get(shortpen.baseUrl() + "/v1/get");
    assertError(getGet, 405, "The GET method is not supported for this route. Supported methods: POST.");
    assertEquals(Optional.of("POST"), getGet.header("Allow"));
    Http.Reply linksPost = http.post(links, "{}");
    assertError(linksPost, 405,
        "The POST method is not supported for this route. Supported methods: GET, PUT, PATCH, DELETE.");
    assertEquals(Optional.of("GET, PUT, PATCH, DELETE"), linksPost.header("Allow"));

    assertError(http.get(shortpen.baseUrl() + "/v1/me"), 405, "The GET method is not supported for this route.");
    assertError(http.get(shortpen.baseUrl() + "/v1/analytics"), 405, "The GET method is not supported for this route.");
    assertError(http.post(shortpen.baseUrl() + "/v1/nothing", "{}"), 404, "Not Found.");
  }

  @Test
  void validationJoinsTheFirstMessageWithTheCountOfTheOthers() {
    assertError(http.post(generate, "{}"), 400, "The url field is required. (and 1 more error)");
    assertError(http.post(generate, "{\"r\":256}"), 400, "The url field is required. (and 2 more errors)");
    assertError(http.post(generate, "{\"url\":\"https://example.com\"}"), 400, "The domain id field is required.");
    assertError(http.post(generate, "[1]"), 400, "The request body must be a JSON object.");
    assertError(http.put(links, "not json"), 400, "The request body must be a JSON object.");
    assertError(http.put(links, "{\"url_id\":\"abc\",\"title\":\"x\"}"), 400, "The url id field must be an integer.");
    assertError(http.put(links, "{\"url_id\":501}"), 400, "Provide at least one field to update besides url_id.");
  }

  @Test
  void everyFieldIsCheckedAtItsBoundaries() {
    create("{\"url\":\"https://example.com\",\"domain_id\":12,\"custom_slug\":\"base\"}");
    Map<String, String> rejected = new java.util.LinkedHashMap<>();
    rejected.put("\"url\":null", "The url field must be a valid URL.");
    rejected.put("\"url\":123", "The url field must be a valid URL.");
    rejected.put("\"domain_id\":null", "The selected domain id is invalid.");
    rejected.put("\"domain_id\":13", "The selected domain id is invalid.");
    rejected.put("\"workspace_id\":4", "The selected workspace id is invalid.");
    rejected.put("\"folder_id\":22", "The selected folder id is invalid.");
    rejected.put("\"title\":5", "The title field must be a string.");
    rejected.put("\"custom_slug\":null", "The custom slug may only contain letters, numbers, dashes and underscores.");
    rejected.put("\"custom_slug\":\"a b\"", "The custom slug may only contain letters, numbers, dashes and underscores.");
    rejected.put("\"custom_slug\":\"ADMIN\"", "The custom slug is a reserved word.");
    rejected.put("\"param\":\"utm\"", "The param field must be an object.");
    rejected.put("\"param\":{\"a\":{\"b\":1}}", "The param.a field must be a string.");
    rejected.put("\"generate_qr\":\"yes\"", "The generate qr field must be true or false.");
    rejected.put("\"generate_qr\":2", "The generate qr field must be true or false.");
    rejected.put("\"link_cloak\":\"true\"", "The link cloak field must be true or false.");
    rejected.put("\"hide_referer\":[]", "The hide referer field must be true or false.");
    rejected.put("\"enable_tracking\":true", "The pixel id field is required when enable tracking is true.");
    rejected.put("\"pixel_id\":30", "The selected pixel id is invalid.");
    rejected.put("\"redirect_type\":\"x\"", "The selected redirect type is invalid.");
    rejected.put("\"with_password\":true,\"url_password\":\"\"", "The url password field is required when with password is true.");
    rejected.put("\"url_password\":7", "The url password field must be a string.");
    rejected.put("\"r\":-1", "The r field must be between 0 and 255.");
    rejected.put("\"g\":256", "The g field must be between 0 and 255.");
    rejected.put("\"b\":\"x\"", "The b field must be between 0 and 255.");
    rejected.put("\"uploaded_logo_type\":\"bogus\"", "The selected uploaded logo type is invalid.");
    rejected.put("\"uploaded_logo_data\":5", "The uploaded logo data field must be a string.");
    rejected.put("\"uploaded_logo_type\":\"uploaded\"",
        "The uploaded logo data field is required when uploaded logo type is uploaded.");
    rejected.put("\"social_share_title\":1", "The social share title field must be a string.");
    rejected.put("\"social_share_description\":false", "The social share description field must be a string.");
    rejected.put("\"social_share_image_data\":{}", "The social share image data field must be a string.");
    Map<String, Object> before = shortpen.links().get(0);
    for (Map.Entry<String, String> field : rejected.entrySet()) {
      assertError(http.patch(links, "{\"url_id\":501," + field.getKey() + "}"), 400, field.getValue());
    }
    assertEquals(List.of(before), shortpen.links());

    for (String accepted : List.of("\"r\":0", "\"g\":255", "\"b\":\"128\"", "\"uploaded_logo_type\":\"custom\"",
        "\"uploaded_logo_type\":\"uploaded\",\"uploaded_logo_data\":\"aGk=\"", "\"uploaded_logo_type\":\"uploaded\"",
        "\"uploaded_logo_data\":null,\"uploaded_logo_type\":\"none\"", "\"workspace_id\":3", "\"folder_id\":\"21\"",
        "\"domain_id\":\"12\"", "\"custom_slug\":\"base\"")) {
      Http.Reply reply = http.patch(links, "{\"url_id\":501," + accepted + "}");
      assertEquals(200, reply.status(), accepted + " -> " + reply.body());
    }
    assertEquals(21L, num(shortpen.links().get(0).get("folder_id")));
    assertEquals(200, http.patch(links, "{\"url_id\":501,\"folder_id\":null}").status());
    assertEquals(null, shortpen.links().get(0).get("folder_id"));
  }

  @Test
  void createSkipsNullIdsAndAnEmptySlugAndEditsWhenGivenUrlId() {
    Http.Reply created = http.post(generate,
        "{\"url\":\"example.com\",\"domain_id\":12,\"workspace_id\":null,\"folder_id\":21,\"custom_slug\":\"\"}");
    assertEquals(200, created.status(), created.body());
    Map<String, Object> item = shortpen.links().get(0);
    assertEquals(3L, num(item.get("workspace_id")));
    assertEquals(21L, num(item.get("folder_id")));
    String slug = item.get("link").toString().substring(shortpen.serverUrl().length() + 1);
    assertEquals(true, slug.matches("[A-Za-z0-9]{6}"), slug);

    Http.Reply edited = http.post(generate, "{\"url_id\":501,\"title\":\"Via generate\"}");
    assertJson(edited, 200, "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":{\"link\":\""
        + shortpen.serverUrl() + "/" + slug + "\",\"short_url\":\"" + shortpen.serverUrl() + "/" + slug
        + "\",\"created\":false,\"qr\":null}}");
    assertEquals("Via generate", shortpen.links().get(0).get("title"));
    assertEquals(1, shortpen.links().size());

    create("{\"url\":\"https://example.com/2\",\"domain_id\":12,\"custom_slug\":null}");
    String second = shortpen.links().get(1).get("link").toString().substring(shortpen.serverUrl().length() + 1);
    assertEquals(true, second.matches("[A-Za-z0-9]{6}"), second);
  }

  @Test
  void booleansTrackingPasswordsAndSocialFieldsChangeWhatTheListShows() {
    create("{\"url\":\"https://example.com\",\"domain_id\":12,\"custom_slug\":\"flags\",\"link_cloak\":\"1\","
        + "\"hide_referer\":1,\"social_share_title\":\"T\",\"social_share_description\":\"D\","
        + "\"social_share_image_data\":\"aGk=\",\"pixel_id\":31}");
    Map<String, Object> item = shortpen.links().get(0);
    assertEquals(true, item.get("link_cloak"));
    assertEquals(true, item.get("hide_referer"));
    assertEquals(31L, num(item.get("pixel_id")));
    assertEquals("T", item.get("social_share_title"));
    assertEquals("D", item.get("social_share_description"));
    assertEquals(shortpen.serverUrl() + "/social/501.png", item.get("social_share_image"));

    patch("{\"url_id\":501,\"link_cloak\":0,\"hide_referer\":\"0\",\"enable_tracking\":false,"
        + "\"social_share_title\":null,\"social_share_description\":null,\"social_share_image_data\":null}");
    item = shortpen.links().get(0);
    assertEquals(false, item.get("link_cloak"));
    assertEquals(false, item.get("hide_referer"));
    assertEquals(null, item.get("pixel_id"));
    assertEquals(null, item.get("social_share_title"));
    assertEquals(null, item.get("social_share_description"));
    assertEquals(null, item.get("social_share_image"));

    patch("{\"url_id\":501,\"enable_tracking\":true,\"pixel_id\":\"31\"}");
    assertEquals(31L, num(shortpen.links().get(0).get("pixel_id")));

    patch("{\"url_id\":501,\"url_password\":\"only-a-password\"}");
    assertEquals(false, shortpen.links().get(0).get("with_password"));
    patch("{\"url_id\":501,\"with_password\":1,\"url_password\":\"first\"}");
    assertEquals(true, shortpen.links().get(0).get("with_password"));
    patch("{\"url_id\":501,\"url_password\":\"second\"}");
    patch("{\"url_id\":501,\"with_password\":true}");
    assertEquals(true, shortpen.links().get(0).get("with_password"));
    patch("{\"url_id\":501,\"with_password\":\"0\"}");
    assertEquals(false, shortpen.links().get(0).get("with_password"));

    patch("{\"url_id\":501,\"param\":{\"utm\":\"a\",\"n\":1,\"gone\":null}}");
    assertEquals(Map.of("utm", "a", "n", "1"), shortpen.links().get(0).get("params"));
    patch("{\"url_id\":501,\"param\":{\"empty\":\"\"}}");
    assertEquals(null, shortpen.links().get(0).get("params"));
    patch("{\"url_id\":501,\"param\":{\"utm\":\"b\"}}");
    patch("{\"url_id\":501,\"param\":null}");
    assertEquals(null, shortpen.links().get(0).get("params"));
  }

  @Test
  void aCloakedLinkFramesItsDestinationAndParamsGoBeforeTheFragment() {
    create("{\"url\":\"https://example.com/a#top\",\"domain_id\":12,\"custom_slug\":\"cloak\",\"link_cloak\":true,"
        + "\"title\":\"Fish & <Chips>\",\"param\":{\"utm\":\"x y\"}}");
    create("{\"url\":\"https://example.com/b\",\"domain_id\":12,\"custom_slug\":\"bare\",\"link_cloak\":true}");
    Http anonymous = Http.authorization(null);

    Http.Reply framed = anonymous.get(shortpen.serverUrl() + "/cloak");
    assertEquals(200, framed.status());
    assertEquals(Optional.of("text/html; charset=utf-8"), framed.header("Content-Type"));
    assertEquals("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Fish &amp; &lt;Chips&gt;</title></head>"
        + "<body style=\"margin:0\"><iframe src=\"https://example.com/a?utm=x+y#top\" "
        + "style=\"border:0;width:100%;height:100vh\"></iframe></body></html>\n", framed.body());
    Http.Reply bare = anonymous.get(shortpen.serverUrl() + "/bare");
    assertEquals("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title></title></head>"
        + "<body style=\"margin:0\"><iframe src=\"https://example.com/b\" "
        + "style=\"border:0;width:100%;height:100vh\"></iframe></body></html>\n", bare.body());

    patch("{\"url_id\":501,\"link_cloak\":false}");
    Http.Reply redirect = anonymous.get(shortpen.serverUrl() + "/cloak");
    assertEquals(301, redirect.status());
    assertEquals(Optional.of("https://example.com/a?utm=x+y#top"), redirect.header("Location"));
  }

  @Test
  void editingInAQrCodeRendersThePngOfTheShortUrl() {
    create("{\"url\":\"https://example.com\",\"domain_id\":12,\"custom_slug\":\"qr-later\"}");
    assertEquals(null, shortpen.links().get(0).get("qr"));
    Http.Reply reply = http.patch(links, "{\"url_id\":501,\"generate_qr\":true}");
    assertEquals(200, reply.status(), reply.body());
    String expected = Base64.getEncoder().encodeToString(QrImages.png(shortpen.serverUrl() + "/qr-later", 84));
    assertEquals(expected, obj(reply.json().get("data")).get("qr"));
    assertEquals(expected, shortpen.links().get(0).get("qr"));
    patch("{\"url_id\":501,\"generate_qr\":0}");
    assertEquals(expected, shortpen.links().get(0).get("qr"));

    create("{\"url\":\"https://example.com/2\",\"domain_id\":12,\"custom_slug\":\"no-qr\",\"generate_qr\":\"0\"}");
    assertEquals(null, shortpen.links().get(1).get("qr"));
  }

  @Test
  void deleteChecksEveryIdAndCountsEachLinkOnce() {
    create("{\"url\":\"https://example.com\",\"domain_id\":12}");
    assertError(http.delete(links, "{\"url_id\":[501,\"x\"]}"), 400,
        "The url id field must be an integer or an array of integers.");
    assertError(http.delete(links, "{\"url_id\":{}}"), 400,
        "The url id field must be an integer or an array of integers.");
    assertError(http.delete(links, "nope"), 400, "The url id field is required.");
    assertError(http.delete(links, "{\"url_id\":[]}"), 400, "The url id field is required.");
    assertError(http.delete(links, "{\"url_id\":999}"), 404, "No links found for the given url_id.");
    assertJson(http.delete(links, "{\"url_id\":[501,\"501\"]}"), 200,
        "{\"success\":true,\"status_code\":200,\"data\":{\"deleted\":1},\"message\":\"\"}");
    assertEquals(List.of(), shortpen.links());
  }

  @Test
  void theListIsNewestFirstThenByIdAndRejectsOutOfRangeQueries() {
    create("{\"url\":\"https://example.com/1\",\"domain_id\":12}");
    create("{\"url\":\"https://example.com/2\",\"domain_id\":12}");
    shortpen.clock().advance(Duration.ofSeconds(1));
    create("{\"url\":\"https://example.com/3\",\"domain_id\":12}");
    Http.Reply list = http.get(links);
    assertEquals(List.of(503L, 502L, 501L),
        arr(list.json().get("data")).stream().map(l -> num(obj(l).get("id"))).collect(Collectors.toList()));
    assertEquals(List.of("success", "status_code", "data", "count", "total", "page", "message"),
        List.copyOf(list.json().keySet()));
    assertEquals("", list.json().get("message"));
    assertEquals(200L, num(list.json().get("status_code")));

    assertError(http.get(links + "?limit=101"), 400, "The limit field must be an integer between 1 and 100.");
    assertError(http.get(links + "?page=0&limit=0"), 400,
        "The page field must be an integer between 1 and 2147483647. (and 1 more error)");
    assertError(http.get(links + "?workspace_id=0"), 400,
        "The workspace id field must be an integer between 1 and 9223372036854775807.");
    assertEquals(3L, num(http.get(links + "?limit=100&page=1").json().get("count")));
    assertEquals(1L, num(http.get(links + "?limit=1&page=3").json().get("count")));
  }

  @Test
  void resourcesAnswerTheDocumentedShapes() {
    String get = shortpen.baseUrl() + "/v1/get";
    String authority = URI.create(shortpen.serverUrl()).getAuthority();
    assertJson(http.post(get, "{\"resource\":\"domain\"}"), 200, "{\"success\":true,\"status_code\":200,\"message\":\"\","
        + "\"data\":[{\"id\":12,\"domain\":\"" + authority + "\",\"url\":\"" + shortpen.serverUrl()
        + "\",\"active\":true,\"is_default\":true}]}");
    assertJson(http.post(get, "{\"resource\":\"folder\"}"), 200,
        "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":[{\"id\":21,\"name\":\"Campaigns\"}]}");
    assertJson(http.post(get, "{\"resource\":\"pixel\",\"workspace_id\":3}"), 200,
        "{\"success\":true,\"status_code\":200,\"message\":\"\","
            + "\"data\":[{\"id\":31,\"name\":\"Main pixel\",\"unique_id\":\"px_emulator01\"}]}");
    assertJson(http.post(get, "{\"resource\":\"organization\"}"), 200,
        "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":{\"name\":\"Emulator organization\","
            + "\"logo\":null,\"is_default_logo\":true,\"workspaces\":[{\"id\":3,\"name\":\"Default workspace\"}],"
            + "\"updated_at\":\"2025-06-20T10:00:00.000000Z\"}}");
    assertError(http.post(get, "{}"), 400, "The resource field is required.");
    assertError(http.post(get, "[\"domain\"]"), 400, "The resource field is required.");
    assertError(http.post(get, "{\"resource\":\"tag\"}"), 400, "The selected resource is invalid.");
  }

  @Test
  void meCountsLiveLinksAndLinksWithQrCodes() {
    create("{\"url\":\"https://example.com/1\",\"domain_id\":12,\"generate_qr\":true}");
    create("{\"url\":\"https://example.com/2\",\"domain_id\":12,\"generate_qr\":true}");
    create("{\"url\":\"https://example.com/3\",\"domain_id\":12}");
    assertEquals(200, http.delete(links, "{\"url_id\":501}").status());
    String me = shortpen.baseUrl() + "/v1/me";
    assertJson(http.post(me, "{}"), 200, "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":{\"id\":7,"
        + "\"enabledFeatures\":{\"links\":{\"name\":\"Links\",\"enabled\":true,\"limit\":1000,\"used\":2,\"remaining\":998},"
        + "\"qr_codes\":{\"name\":\"QR Codes\",\"enabled\":true,\"limit\":1000,\"used\":1,\"remaining\":999}}}}");
    shortpen.featureQuotaExhausted(true);
    assertJson(http.post(me, "{}"), 200, "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":{\"id\":7,"
        + "\"enabledFeatures\":{\"links\":{\"name\":\"Links\",\"enabled\":true,\"limit\":1000,\"used\":1000,\"remaining\":0},"
        + "\"qr_codes\":{\"name\":\"QR Codes\",\"enabled\":true,\"limit\":1000,\"used\":1,\"remaining\":999}}}}");
    assertError(http.post(generate, "{\"url\":\"https://example.com\",\"domain_id\":12}"), 429,
        "You have reached the monthly limit of links for your plan.");
  }

  @Test
  void analyticsListsTheClicksOfTheInclusiveDaysOldestFirst() throws Exception {
    create("{\"url\":\"https://example.com/1\",\"domain_id\":12,\"custom_slug\":\"one\"}");
    create("{\"url\":\"https://example.com/2\",\"domain_id\":12,\"custom_slug\":\"two\"}");
    shortpen.clock().set(Instant.parse("2025-06-19T23:59:59Z"));
    visit("/one", "Mozilla/5.0 (iPhone) Mobile Safari/604.1", "https://ref.example/", "DE");
    shortpen.clock().set(Instant.parse("2025-06-20T00:00:00Z"));
    visit("/two", null, null, null);
    shortpen.clock().set(Instant.parse("2025-06-21T12:00:00Z"));
    visit("/one", "Mozilla/5.0 Chrome/120.0", null, null);
    String analytics = shortpen.baseUrl() + "/v1/analytics";
    String authority = URI.create(shortpen.serverUrl()).getAuthority();

    assertJson(http.post(analytics, "{\"start\":\"2025-06-19\",\"end\":\"2025-06-19\"}"), 200,
        "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":[{\"id\":1,\"workspace_id\":3,"
            + "\"organization_id\":7,\"url_id\":501,\"url_slug\":\"one\",\"domain\":\"" + authority + "\","
            + "\"device_type\":\"mobile\",\"platform\":null,\"browser\":\"Safari\",\"country\":\"DE\","
            + "\"referrer\":\"https://ref.example/\",\"created_at\":\"2025-06-19T23:59:59.000000Z\"}]}");
    Http.Reply filtered = http.post(analytics, "{\"start\":\"2025-06-20\",\"end\":\"2025-06-21\",\"url_id\":501}");
    assertJson(filtered, 200,
        "{\"success\":true,\"status_code\":200,\"message\":\"\",\"data\":[{\"id\":3,\"workspace_id\":3,"
            + "\"organization_id\":7,\"url_id\":501,\"url_slug\":\"one\",\"domain\":\"" + authority + "\","
            + "\"device_type\":\"desktop\",\"platform\":null,\"browser\":\"Chrome\",\"country\":null,"
            + "\"referrer\":null,\"created_at\":\"2025-06-21T12:00:00.000000Z\"}]}");
    List<Object> all = arr(http.post(analytics, "{\"start\":\"2025-06-19\",\"end\":\"2025-06-21\"}").json().get("data"));
    assertEquals(List.of(1L, 2L, 3L), all.stream().map(e -> num(obj(e).get("id"))).collect(Collectors.toList()));
    assertEquals(List.of(501L, 502L, 501L), all.stream().map(e -> num(obj(e).get("url_id"))).collect(Collectors.toList()));

    assertEquals(200, http.delete(links, "{\"url_id\":502}").status());
    Map<String, Object> deleted = obj(arr(http.post(analytics, "{\"start\":\"2025-06-20\",\"end\":\"2025-06-20\"}")
        .json().get("data")).get(0));
    assertEquals(502L, num(deleted.get("url_id")));
    assertEquals("two", deleted.get("url_slug"));

    assertError(http.post(analytics, "{\"start\":\"2025-06-21\",\"end\":\"2025-06-20\"}"), 422,
        "The end field must be a date after or equal to start.");
    assertError(http.post(analytics, "{}"), 422, "The start field is required. The end field is required.");
    assertError(http.post(analytics, "{\"start\":\"2025-13-01\",\"end\":\"2025-06-20\",\"url_id\":\"501\"}"), 422,
        "The start field must be a valid date. The url id field must be an integer.");
    assertEquals(List.of(), arr(http.post(analytics, "{\"start\":\"2025-06-22\",\"end\":\"2025-06-30\"}")
        .json().get("data")));
  }

  @Test
  void resetForgetsLinksIdsClicksAndTheQuota() throws Exception {
    create("{\"url\":\"https://example.com\",\"domain_id\":12,\"custom_slug\":\"again\"}");
    visit("/again", null, null, null);
    shortpen.featureQuotaExhausted(true);
    shortpen.reset();
    shortpen.clock().set(T0);
    assertEquals(List.of(), shortpen.links());
    assertEquals(List.of(), arr(http.post(shortpen.baseUrl() + "/v1/analytics",
        "{\"start\":\"2025-06-20\",\"end\":\"2025-06-20\"}").json().get("data")));
    create("{\"url\":\"https://example.com\",\"domain_id\":12,\"custom_slug\":\"again\"}");
    assertEquals(501L, num(shortpen.links().get(0).get("id")));
  }

  private void visit(String path, String agent, String referer, String country) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(shortpen.serverUrl() + path));
    if (agent != null) {
      builder.header("User-Agent", agent);
    }
    if (referer != null) {
      builder.header("Referer", referer);
    }
    if (country != null) {
      builder.header(ClickLog.COUNTRY_HEADER, country);
    }
    HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(builder.build(), HttpResponse.BodyHandlers.ofString());
    assertNotEquals(404, response.statusCode());
  }

  private void create(String body) {
    Http.Reply reply = http.post(generate, body);
    assertEquals(200, reply.status(), reply.body());
  }

  private void patch(String body) {
    Http.Reply reply = http.patch(links, body);
    assertEquals(200, reply.status(), body + " -> " + reply.body());
  }

  private static void assertJson(Http.Reply reply, int status, String expected) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(Json.parseObject(expected).orElseThrow(), reply.json());
  }

  private static void assertError(Http.Reply reply, int status, String message) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(List.of("success", "status_code", "message"), List.copyOf(reply.json().keySet()));
    assertJson(reply, status, "{\"success\":false,\"status_code\":" + status + ",\"message\":" + Json.write(message) + "}");
  }
}
