package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.RecordingSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on loopback and an {@link XqrClient} on it with the documented key. */
abstract class WireMockTestBase {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /** Records the waits between retries; nothing sleeps for real. */
  final RecordingSleeper sleeper = new RecordingSleeper();

  XqrClient client;

  @BeforeEach
  void startClient() {
    client = newClient();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  XqrClient newClient() {
    return XqrClient.builder()
        .apiKey(Fixtures.DOCUMENTED_KEY)
        .baseUrl(wm.baseUrl() + "/api")
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper)
        .build();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static void assertNoRequests() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  /** A link object of the documented shape with another id and code, for list pages. */
  static String linkJson(String id, String code) {
    return "{\"id\": \"" + id + "\", \"short_url\": \"https://xqr.co/" + code + "\", \"short_code\": \"" + code
        + "\", \"destination\": \"https://example.com/" + code + "\", \"enabled\": true, \"labels\": [],"
        + " \"routing_rules\": [], \"scan_count\": 0, \"last_scan_at\": null, \"expires_at\": null,"
        + " \"created_at\": \"2026-03-01T10:00:00Z\", \"updated_at\": \"2026-03-01T10:00:00Z\"}";
  }
}
