package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.WireMockTestBase;
import java.util.function.UnaryOperator;

/** The shared WireMock base with a {@link ShortpenClient} on it, with a default domain of 1. */
abstract class ShortpenWireMockTest extends WireMockTestBase<ShortpenClient> {
  static final String API_KEY = "sp_live_TOPSECRET0123456789";

  @Override
  protected ShortpenClient newClient() {
    return client(b -> b.defaultDomainId(1));
  }

  /** A client on WireMock; {@code tweak} adds settings. */
  ShortpenClient client(UnaryOperator<ShortpenClient.Builder> tweak) {
    return tweak.apply(ShortpenClient.builder()
            .apiKey(API_KEY)
            .baseUrl(wm.baseUrl())
            .retryPolicy(RetryPolicy.defaults())
            .clock(sleeper.clock())
        .sleeper(sleeper)
        .addListener(sleeper))
        .build();
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
}
