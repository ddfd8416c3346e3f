package dev.polylink.snipurl;

import dev.polylink.core.LinkId;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.WireMockTestBase;

/** The shared WireMock base with a {@link SnipurlClient} on it, with SnipURL's documented id and key shape. */
abstract class SnipurlWireMockTest extends WireMockTestBase<SnipurlClient> {
  /** The 32 alphanumerics after {@code snip_live_}: must never be shown. */
  static final String KEY_SECRET = "Q7f3Kx9LmN2pR5tV8wY1zA4cE6gH0jB3";

  static final String API_KEY = "snip_live_" + KEY_SECRET;

  /** The id of SnipURL's documented examples. */
  static final LinkId DOC_ID = LinkId.of("550e8400-e29b-41d4-a716-446655440000");

  static final String LINK_PATH = "/api/v1/links/" + DOC_ID;

  @Override
  protected SnipurlClient newClient() {
    return builder().build();
  }

  /** A builder on WireMock with the default retry policy and the recording sleeper. */
  SnipurlClient.Builder builder() {
    return SnipurlClient.builder()
        .apiKey(API_KEY)
        .baseUrl(wm.baseUrl() + "/api/v1")
        .retryPolicy(RetryPolicy.defaults())
        .clock(sleeper.clock())
        .sleeper(sleeper)
        .addListener(sleeper);
  }

  /** SnipURL's error envelope. */
  static String error(String code, String message) {
    return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  }

  /** A link object as SnipURL's handlers write it, with the given id and code. */
  static String linkJson(String id, String code) {
    return "{\"id\":\"" + id + "\",\"short_code\":\"" + code + "\",\"short_url\":\"https://snipurl.click/" + code
        + "\",\"original_url\":\"https://example.com/" + code + "\",\"title\":\"Title " + code
        + "\",\"is_active\":true,\"has_password\":false,\"expires_at\":null,\"clicks_count\":0,"
        + "\"analytics_public\":false,\"created_at\":\"2025-06-20T10:00:00.000Z\","
        + "\"updated_at\":\"2025-06-20T10:00:00.000Z\"}";
  }
}
