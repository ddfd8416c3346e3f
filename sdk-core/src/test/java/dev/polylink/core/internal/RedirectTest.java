package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.ApiException;
import dev.polylink.core.RedirectException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, item 3: a redirect is never followed, whatever the method and status; nothing reaches
 * the other host, and the answer is a {@link RedirectException} naming the {@code Location}.
 */
class RedirectTest {
  @RegisterExtension
  static final WireMockExtension vendor =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @RegisterExtension
  static final WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static Stream<Arguments> statusesAndMethods() {
    return Stream.of(301, 302, 303, 307, 308)
        .flatMap(status -> TransportHarness.METHODS.stream().map(method -> Arguments.of(status, method)));
  }

  @ParameterizedTest(name = "{1} answered {0}")
  @MethodSource("statusesAndMethods")
  void aRedirectIsARedirectExceptionAndNothingReachesTheOtherHost(int status, String method) {
    String location = elsewhere.baseUrl() + "/api/things/7";
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", location)
        .withHeader("X-Request-Id", "req-3xx").withBody("moved")));
    elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\": \"7\"}")));
    try (TransportHarness h = new TransportHarness(vendor.baseUrl() + "/api", b -> {})) {
      RedirectException e = assertThrows(RedirectException.class, () -> h.call(method));
      assertEquals(status, e.statusCode());
      assertEquals(Optional.of(location), e.location());
      assertTrue(e.getMessage().contains(location), e.getMessage());
      assertTrue(e.getMessage().startsWith("test "), e.getMessage());
      assertEquals(Optional.of("req-3xx"), e.requestId());
      assertEquals("moved", e.responseBody());
      assertFalse(e.retryable());
      assertEquals(1, vendor.findAll(anyRequestedFor(anyUrl())).size(), "a redirect is not retried");
      assertEquals(0, elsewhere.findAll(anyRequestedFor(anyUrl())).size(), "nothing reaches the other host");
      assertTrue(h.waits.isEmpty());
    }
  }

  @Test
  void aRedirectWithoutLocationSaysSo() {
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)));
    try (TransportHarness h = new TransportHarness(vendor.baseUrl() + "/api", b -> {})) {
      ApiException e = assertThrows(RedirectException.class, () -> h.call("GET"));
      assertEquals(Optional.empty(), ((RedirectException) e).location());
      assertTrue(e.getMessage().contains("no Location"), e.getMessage());
    }
  }
}
