package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CarrierX's documented statuses and messages, mapped by status; the raw body is kept. */
class CarrierxErrorsTest extends CarrierxWireMockTest {
  private static final LinkId ID = LinkId.of(CarrierxFixtures.SID);
  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "400, Bad Request",
      "400, No JSON object could be decoded",
      "401, Bad credentials",
      "401, Unauthorized",
      "403, Forbidden",
      "404, Cannot find item by SID",
      "404, Not Found",
      "409, Conflict",
      "415, Unsupported media type",
      "422, Object validation error",
  })
  void documentedClientErrorsMapByStatusAndAreNotRetried(int status, String message) {
    String body = "{\"message\": \"" + message + "\"}";
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(status, body)));
    ApiException e = assertThrows(ApiException.class, () -> client.get(ID));
    assertInstanceOf(expectedType(status), e, e.toString());
    assertEquals(status, e.statusCode());
    assertEquals(Operation.GET, e.operation());
    assertEquals(Optional.of(message), e.vendorMessage());
    assertEquals(Optional.empty(), e.errorCode(), "CarrierX documents no error codes");
    assertEquals(body, e.responseBody());
    assertEquals("carrierx get failed: HTTP " + status + ": " + message, e.getMessage());
    assertFalse(e.retryable());
    assertEquals(1, requests().size());
  }

  private static Class<? extends ApiException> expectedType(int status) {
    switch (status) {
      case 401: return AuthenticationException.class;
      case 403: return PermissionDeniedException.class;
      case 404: return NotFoundException.class;
      case 409: return ConflictException.class;
      default: return BadRequestException.class;
    }
  }

  @ParameterizedTest
  @CsvSource({"500", "502", "503", "504"})
  void serverErrorsOnGetAreRetriedThenRaised(int status) {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(aResponse().withStatus(status).withBody("")));
    ServerException e = assertThrows(ServerException.class, () -> client.get(ID));
    assertEquals(status, e.statusCode());
    assertEquals("", e.responseBody());
    assertEquals(Optional.empty(), e.vendorMessage());
    assertEquals(RetryPolicy.defaults().maxAttempts(), requests().size());
    assertEquals(RetryPolicy.defaults().maxAttempts() - 1, sleeper.waits().size());
  }

  @Test
  void anUndocumented429WithRetryAfterIsABurstLimitNeverAQuota() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(429, "{\"message\": \"Too Many Requests\"}")
        .withHeader("Retry-After", "2")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(ID));
    assertFalse(e.quotaExhausted());
    assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.waits());
  }

  @Test
  void aNonJsonErrorBodyIsKeptRawWithoutAMessage() {
    String body = "Unauthorized";
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "text/plain").withBody(body)));
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.get(ID));
    assertEquals(body, e.responseBody());
    assertEquals(Optional.empty(), e.vendorMessage());
    assertEquals("carrierx get failed: HTTP 401", e.getMessage());
  }

  @Test
  void theSdksErrorsKeyIsReadFromA400() {
    String body = "{\"errors\": [\"maximum_ttl: must be an integer\", \"mode: unknown value 'bounce'\"]}";
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(400, body)));
    BadRequestException e = assertThrows(BadRequestException.class, () -> client.get(ID));
    assertEquals(Optional.of("maximum_ttl: must be an integer; mode: unknown value 'bounce'"), e.vendorMessage());
    assertEquals(Optional.of(List.of("maximum_ttl: must be an integer", "mode: unknown value 'bounce'")), e.details());
  }

  @Test
  void basicAuthCredentialsNeverAppearInExceptions() {
    String password = "pa55-w0rd-SECRET";
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(401, "{\"message\": \"Bad credentials\"}")));
    try (CarrierxClient basic = baseBuilder().basicAuth("partner", password).build()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> basic.get(ID));
      String encoded = requests().get(0).getHeader("Authorization").substring("Basic ".length());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(t.toString().contains(password), t.toString());
        assertFalse(t.toString().contains(encoded), t.toString());
      }
      assertFalse(basic.toString().contains(password), basic.toString());
      assertTrue(basic.toString().contains("basic"), basic.toString());
    }
  }
}
