package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.LinkId;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A SnipURL client on WireMock (loopback, dynamic port) with a recording sleeper. */
abstract class SnipurlTestSupport {
  /** The 32 alphanumerics after {@code snip_live_}: must never be shown. */
  static final String KEY_SECRET = "Q7f3Kx9LmN2pR5tV8wY1zA4cE6gH0jB3";

  static final String API_KEY = "snip_live_" + KEY_SECRET;

  /** The id of SnipURL's documented examples. */
  static final LinkId DOC_ID = LinkId.of("550e8400-e29b-41d4-a716-446655440000");

  static final String LINK_PATH = "/api/v1/links/" + DOC_ID;

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  final RecordingSleeper sleeper = new RecordingSleeper();

  SnipurlClient client;

  @BeforeEach
  void startClient() {
    client = builder().build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** A builder on WireMock with the default retry policy and the recording sleeper. */
  SnipurlClient.Builder builder() {
    return SnipurlClient.builder()
        .apiKey(API_KEY)
        .baseUrl(wm.baseUrl() + "/api/v1")
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper);
  }

  static void assertNoRequests() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** A file under {@code src/test/resources/fixtures/}. */
  static String fixture(String name) {
    try (InputStream in = SnipurlTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
