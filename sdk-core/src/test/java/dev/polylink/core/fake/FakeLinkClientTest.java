package dev.polylink.core.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake provider's patch bodies are exact, as a real provider's must be. */
class FakeLinkClientTest {
  private static final String ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private FakeLinkClient client;

  @BeforeEach
  void start() {
    wm.stubFor(patch(urlPathEqualTo("/api/links/" + ID)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"link\": {\"id\": \"" + ID + "\", \"short_url\": \"https://fk.example/abc\", \"code\": \"abc\"}}")));
    client = FakeLinkClient.builder().apiKey("k").baseUrl(wm.baseUrl() + "/api").retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void aClearedTitleIsSentAsAnExplicitNull() {
    client.update(LinkId.of(ID), LinkPatch.builder().clearTitle().build());
    wm.verify(patchRequestedFor(urlPathEqualTo("/api/links/" + ID)).withRequestBody(equalToJson("{\"title\": null}")));
  }

  @Test
  void anAbsentTitleIsNotSentAtAll() {
    client.update(LinkId.of(ID), LinkPatch.builder().destination("https://example.com/new").build());
    wm.verify(patchRequestedFor(urlPathEqualTo("/api/links/" + ID))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/new\"}")));
  }
}
