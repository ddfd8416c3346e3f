package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every error code SnipURL's handlers answer with, mapped to its typed exception. */
class SnipurlErrorsTest extends SnipurlWireMockTest {
  private static final CreateLinkRequest CREATE =
      CreateLinkRequest.builder().destination("https://example.com/article").slug("my-article").build();

  private <E extends ApiException> E onGet(int status, String body, Class<E> type) {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(status, body)));
    ApiException e = assertThrows(ApiException.class, () -> client.get(DOC_ID));
    return assertInstanceOf(type, e);
  }

  private <E extends ApiException> E onCreate(int status, String body, Class<E> type) {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).willReturn(json(status, body)));
    ApiException e = assertThrows(ApiException.class, () -> client.create(CREATE));
    assertEquals(1, wm.getAllServeEvents().size(), "a create is never retried after " + status);
    return assertInstanceOf(type, e);
  }

  @Test
  void unauthorized() {
    AuthenticationException e = onGet(401, error("UNAUTHORIZED", "Invalid API key."), AuthenticationException.class);
    assertEquals(Optional.of("UNAUTHORIZED"), e.errorCode());
    assertEquals(Optional.of("Invalid API key."), e.vendorMessage());
    assertEquals("snipurl get failed: HTTP 401 UNAUTHORIZED: Invalid API key.", e.getMessage());
    assertEquals(Optional.empty(), e.requestId());
    assertFalse(e.retryable());
  }

  @Test
  void keyExpired() {
    AuthenticationException e =
        onGet(401, error("KEY_EXPIRED", "This API key has expired."), AuthenticationException.class);
    assertEquals(Optional.of("KEY_EXPIRED"), e.errorCode());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void forbiddenWhenTheLinkLimitIsReached() {
    PermissionDeniedException e = onCreate(403,
        error("FORBIDDEN", "Link limit reached (100). Delete existing links or upgrade your plan."),
        PermissionDeniedException.class);
    assertEquals(Optional.of("FORBIDDEN"), e.errorCode());
    assertEquals(Operation.CREATE, e.operation());
  }

  @Test
  void validationErrorKeepsItsZodDetails() {
    BadRequestException e = onCreate(400, fixture("validation-error.json").strip(), BadRequestException.class);
    assertEquals(Optional.of("VALIDATION_ERROR"), e.errorCode());
    assertEquals(Optional.of(Map.of("_errors", List.of(), "url", Map.of("_errors", List.of("Please enter a valid URL")))),
        e.details());
    assertEquals(fixture("validation-error.json").strip(), e.responseBody());
  }

  @Test
  void badRequestWhenTheServerRefusesAnImmutableField() {
    String body = "{\"success\":false,\"error\":{\"code\":\"BAD_REQUEST\","
        + "\"message\":\"URL and alias cannot be changed after creation.\",\"details\":[\"short_code\"]}}";
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH)).willReturn(json(400, body)));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.update(DOC_ID, LinkPatch.builder().title("x").build()));
    assertEquals(Optional.of("BAD_REQUEST"), e.errorCode());
    assertEquals(Optional.of(List.of("short_code")), e.details());
    assertEquals(Operation.UPDATE, e.operation());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void conflictWhenTheAliasIsTaken() {
    ConflictException e = onCreate(409, error("CONFLICT", "This custom alias is already taken."), ConflictException.class);
    assertEquals(Optional.of("CONFLICT"), e.errorCode());
    assertEquals(Optional.of("This custom alias is already taken."), e.vendorMessage());
  }

  @Test
  void notFound() {
    NotFoundException e = onGet(404, error("NOT_FOUND", "Link not found."), NotFoundException.class);
    assertEquals(Optional.of("NOT_FOUND"), e.errorCode());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void rateLimitExceededCarriesRetryAfterAndDetails() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(429, fixture("rate-limit-1m.json"))
        .withHeader("Retry-After", "12")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(DOC_ID));
    assertEquals(Optional.of("RATE_LIMIT_EXCEEDED"), e.errorCode());
    assertEquals(Optional.of(Duration.ofSeconds(12)), e.retryAfter());
    assertEquals(Optional.of(Map.of("limit", 60, "window", "1m", "retry_after", 12)), e.details());
    assertFalse(e.quotaExhausted());
    assertTrue(e.retryable());
    assertEquals(3, wm.getAllServeEvents().size(), "a burst limit on GET is retried");
    assertEquals(List.of(Duration.ofSeconds(12), Duration.ofSeconds(12)), sleeper.waits());
  }

  @Test
  void anErrorBodyThatIsNotSnipurlsStillMapsByStatus() {
    NotFoundException e = onGet(404, "<html>Not Found</html>", NotFoundException.class);
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals(Optional.empty(), e.details());
    assertEquals("<html>Not Found</html>", e.responseBody());
  }
}
