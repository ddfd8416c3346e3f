package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.RecordingSleeper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WireMock on loopback, a client with the documented token, a fixed clock and no real sleeps. */
abstract class WireMockTestBase {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /** "Now" for every client built here. */
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  final RecordingSleeper sleeper = new RecordingSleeper();
  CarrierxClient client;

  @BeforeEach
  void startClient() {
    client = builder().build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** A builder on WireMock with the documented token and domain, the fixed clock and the sleeper. */
  CarrierxClient.Builder builder() {
    return baseBuilder().apiKey(Fixtures.TOKEN);
  }

  /** Like {@link #builder()} without credentials. */
  CarrierxClient.Builder baseBuilder() {
    return CarrierxClient.builder()
        .baseUrl(wm.baseUrl() + Fixtures.BASE_PATH)
        .defaultDomainSid(Fixtures.DOMAIN_SID)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** The requests WireMock received, oldest first. */
  static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    wm.getAllServeEvents().forEach(e -> requests.add(e.getRequest()));
    Collections.reverse(requests);
    return requests;
  }

  /** "METHOD /path?query" of every request, oldest first. */
  static List<String> requestLines() {
    List<String> lines = new ArrayList<>();
    requests().forEach(r -> lines.add(r.getMethod() + " " + r.getUrl()));
    return lines;
  }
}
