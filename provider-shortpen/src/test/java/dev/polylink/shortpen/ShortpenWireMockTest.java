package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.RecordingSleeper;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ShortPen client on a loopback WireMock, with a default domain of 1 and no real sleeps. */
abstract class ShortpenWireMockTest {
  static final String API_KEY = "sp_live_TOPSECRET0123456789";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  final RecordingSleeper sleeper = new RecordingSleeper();
  ShortpenClient client;

  @BeforeEach
  void startClient() {
    client = client(b -> b.defaultDomainId(1));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** A client on WireMock; {@code tweak} adds settings. */
  ShortpenClient client(UnaryOperator<ShortpenClient.Builder> tweak) {
    return tweak.apply(ShortpenClient.builder()
            .apiKey(API_KEY)
            .baseUrl(wm.baseUrl())
            .retryPolicy(RetryPolicy.defaults())
            .sleeper(sleeper))
        .build();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** {@code GET /v1/links?page=<page>&limit=100}. */
  static MappingBuilder listPage(int page) {
    return get(urlPathEqualTo("/v1/links"))
        .withQueryParam("page", equalTo(Integer.toString(page)))
        .withQueryParam("limit", equalTo("100"));
  }

  static RequestPatternBuilder listPageRequested(int page) {
    return getRequestedFor(urlPathEqualTo("/v1/links"))
        .withQueryParam("page", equalTo(Integer.toString(page)));
  }

  static void assertNoRequests() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
