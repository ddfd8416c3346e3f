package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.polylink.core.LinkId;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.WireMockTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The shared WireMock base with an {@link XqrClient} on it, authenticated with the documented key. */
abstract class XqrWireMockTest extends WireMockTestBase<XqrClient> {

  @Override
  protected XqrClient newClient() {
    return XqrClient.builder()
        .apiKey(XqrFixtures.DOCUMENTED_KEY)
        .baseUrl(wm.baseUrl() + "/api")
        .retryPolicy(RetryPolicy.defaults())
        .clock(sleeper.clock())
        .sleeper(sleeper)
        .addListener(sleeper)
        .build();
  }

  /** A link object of the documented shape with another id and code, for list pages. */
  static String linkJson(String id, String code) {
    return "{\"id\": \"" + id + "\", \"short_url\": \"https://xqr.co/" + code + "\", \"short_code\": \"" + code
        + "\", \"destination\": \"https://example.com/" + code + "\", \"enabled\": true, \"labels\": [],"
        + " \"routing_rules\": [], \"scan_count\": 0, \"last_scan_at\": null, \"expires_at\": null,"
        + " \"created_at\": \"2026-03-01T10:00:00Z\", \"updated_at\": \"2026-03-01T10:00:00Z\"}";
  }

  static String updateResponse() {
    return fixture("update-link-response.json");
  }

  void expectPatch(String body, String responseBody) {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .withRequestBody(equalToJson(body, false, false))
        .willReturn(json(200, responseBody)));
  }

  static final RoutingRule MOBILE = RoutingRule.builder()
      .destination("https://m.example.com/promo").priority(2).deviceTypes(DeviceType.MOBILE).build();

  static List<String> labels(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "l" + i).collect(Collectors.toList());
  }

  static final LinkId ID = LinkId.of(XqrFixtures.DOCUMENTED_ID);

  /** The path of the documented link. */
  static final String LINK_PATH = "/api/v1/links/" + XqrFixtures.DOCUMENTED_ID;

  static Map<String, Object> documentedFields(String destination, List<String> labels, String updatedAt) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", XqrFixtures.DOCUMENTED_ID);
    fields.put("short_url", "https://xqr.co/summer24");
    fields.put("short_code", "summer24");
    fields.put("destination", destination);
    fields.put("enabled", true);
    fields.put("labels", labels);
    fields.put("routing_rules", List.of());
    fields.put("scan_count", 1483);
    fields.put("last_scan_at", "2026-03-20T09:12:44Z");
    fields.put("expires_at", "2026-09-30T23:59:59Z");
    fields.put("created_at", "2026-03-01T10:00:00Z");
    fields.put("updated_at", updatedAt);
    return fields;
  }
}
