package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.GoneException;
import dev.polylink.core.Link;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** xQR's documented error codes, 410 Gone, the two kinds of 429, and delete. */
class XqrErrorsTest extends XqrWireMockTest {


  private static String error(int status, String code, String message, String requestId) {
    return "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\", \"status\": " + status
        + "}, \"meta\": {\"request_id\": \"" + requestId + "\"}}";
  }

  static Stream<Arguments> documentedCodes() {
    return Stream.of(
        Arguments.of(401, "INVALID_API_KEY", "The API key is malformed or not found", AuthenticationException.class),
        Arguments.of(401, "REVOKED_API_KEY", "The API key has been revoked", AuthenticationException.class),
        Arguments.of(401, "EXPIRED_API_KEY", "The API key has expired", AuthenticationException.class),
        Arguments.of(403, "INSUFFICIENT_SCOPE", "This endpoint requires the links:write scope.", PermissionDeniedException.class),
        Arguments.of(403, "FEATURE_NOT_AVAILABLE", "Your plan does not include this feature", PermissionDeniedException.class),
        Arguments.of(403, "PLAN_LIMIT_EXCEEDED", "You've reached your plan's resource limit", PermissionDeniedException.class),
        Arguments.of(409, "SLUG_TAKEN", "The requested custom slug is already in use", ConflictException.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documentedCodes")
  void documentedCodesMapToTypedExceptionsOnCreate(
      int status, String code, String message, Class<? extends ApiException> type) {
    String body = error(status, code, message, "req_abc123");
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).willReturn(json(status, body)));

    ApiException e = assertThrows(ApiException.class, () -> client.create(
        CreateLinkRequest.builder().destination("https://example.com").slug("summer24").build()));

    assertInstanceOf(type, e);
    assertEquals(status, e.statusCode());
    assertEquals(Optional.of(code), e.errorCode());
    assertEquals(Optional.of(message), e.vendorMessage());
    assertEquals(Optional.of("req_abc123"), e.requestId());
    assertEquals(body, e.responseBody());
    assertEquals(Operation.CREATE, e.operation());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains(code) && e.getMessage().contains("req_abc123"), e.getMessage());
    assertFalse(e.getMessage().contains(XqrFixtures.DOCUMENTED_KEY.substring(16)), e.getMessage());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
  }

  @Test
  void aDisabledLinkIsGone() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(410, error(410, "LINK_DISABLED", "Link disabled", "req_gone"))));
    GoneException e = assertThrows(GoneException.class, () -> client.get(ID));
    assertEquals(410, e.statusCode());
    assertEquals(Optional.of("req_gone"), e.requestId());
    wm.verify(1, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void aGoneAnswerWithoutABodyIsStillGone() {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(410)));
    GoneException e = assertThrows(GoneException.class,
        () -> client.update(ID, LinkPatch.builder().enabled(true).build()));
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals(Operation.UPDATE, e.operation());
  }

  @Test
  void burstLimitIsRetriedAfterRetryAfterEvenForCreate() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(429, error(429, "BURST_LIMIT_EXCEEDED", "Too many requests per second", "req_b1"))
            .withHeader("Retry-After", "1"))
        .willSetStateTo("calm"));
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(201, fixture("create-link-response.json"))));

    Link link = client.create(CreateLinkRequest.builder().destination("https://example.com").build());

    assertEquals("summer24", link.shortCode());
    wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits());
  }

  @Test
  void aBurstLimitThatPersistsIsARetryableRateLimit() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(
        json(429, error(429, "BURST_LIMIT_EXCEEDED", "Too many requests per second", "req_b2")).withHeader("Retry-After", "1")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(ID));
    assertFalse(e.quotaExhausted());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
    wm.verify(3, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void anExhaustedMonthlyQuotaIsNeverRetried() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).willReturn(
        json(429, error(429, "RATE_LIMIT_EXCEEDED", "Monthly API quota exhausted", "req_q1"))
            .withHeader("Retry-After", "1")));
    RateLimitException e = assertThrows(RateLimitException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").build()));
    assertTrue(e.quotaExhausted());
    assertFalse(e.retryable());
    assertEquals(Optional.of("RATE_LIMIT_EXCEEDED"), e.errorCode());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void anUnreadable429WithNoMonthlyCallsLeftIsAQuota() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "0")
        .withBody("<html>Too Many Requests</html>")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(ID));
    assertTrue(e.quotaExhausted());
    wm.verify(1, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void anUnreadable429WithMonthlyCallsLeftIsABurst() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Remaining", "12").withHeader("Retry-After", "1")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(ID));
    assertFalse(e.quotaExhausted());
    wm.verify(3, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void deleteAnswers204WithoutABody() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-link-response.json"))));
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(204)));
    client.get(ID);
    assertEquals(Optional.of("req_2b3c4d5e6f708901"), client.lastRequestId());

    client.delete(ID);

    wm.verify(1, deleteRequestedFor(urlPathEqualTo(LINK_PATH)));
    assertEquals(Optional.empty(), client.lastRequestId(), "a 204 carries no request id");
  }

  @Test
  void deletingAMissingLinkIsNotFound() {
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(json(404, error(404, "NOT_FOUND", "Link not found", "req_nf"))));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.delete(ID));
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(Optional.of("req_nf"), e.requestId());
  }
}
