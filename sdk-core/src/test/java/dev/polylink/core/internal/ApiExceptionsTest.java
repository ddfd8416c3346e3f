package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.GoneException;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.ServerException;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiExceptionsTest {

  private static ApiException create(int status) {
    return ApiExceptions.create("xqr", Operation.GET, status, VendorError.none(), "<html>oops</html>", null);
  }

  @Test
  void eachStatusHasItsSubclass() {
    Map<Integer, Class<? extends ApiException>> expected =
        Map.ofEntries(
            Map.entry(400, BadRequestException.class),
            Map.entry(415, BadRequestException.class),
            Map.entry(422, BadRequestException.class),
            Map.entry(401, AuthenticationException.class),
            Map.entry(403, PermissionDeniedException.class),
            Map.entry(404, NotFoundException.class),
            Map.entry(409, ConflictException.class),
            Map.entry(410, GoneException.class),
            Map.entry(429, RateLimitException.class),
            Map.entry(500, ServerException.class),
            Map.entry(501, ServerException.class),
            Map.entry(502, ServerException.class),
            Map.entry(503, ServerException.class),
            Map.entry(504, ServerException.class),
            Map.entry(599, ServerException.class),
            Map.entry(418, ApiException.class),
            Map.entry(408, ApiException.class));
    expected.forEach((status, type) -> {
      ApiException e = create(status);
      assertSame(type, e.getClass(), "status " + status);
      assertEquals(status, e.statusCode());
      assertEquals("<html>oops</html>", e.responseBody());
      assertEquals("xqr", e.providerId());
      assertEquals(Operation.GET, e.operation());
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  void transientStatusesAreRetryable(int status) {
    assertTrue(create(status).retryable(), "status " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 410, 415, 418, 422, 501, 505})
  void otherStatusesAreNot(int status) {
    assertFalse(create(status).retryable(), "status " + status);
  }

  @Test
  void aBurst429IsRetryableAndCarriesRetryAfter() {
    ApiException e =
        ApiExceptions.create("xqr", Operation.CREATE, 429, VendorError.builder().errorCode("SLOW").build(), "",
            Duration.ofSeconds(2));
    RateLimitException r = (RateLimitException) e;
    assertEquals(Optional.of(Duration.ofSeconds(2)), r.retryAfter());
    assertFalse(r.quotaExhausted());
    assertTrue(r.retryable());
  }

  @Test
  void aQuota429IsNotRetryable() {
    RateLimitException r =
        (RateLimitException) ApiExceptions.create(
            "xqr", Operation.CREATE, 429, VendorError.builder().quotaExhausted(true).build(), "", null);
    assertTrue(r.quotaExhausted());
    assertFalse(r.retryable());
    assertEquals(Optional.empty(), r.retryAfter());
  }

  @Test
  void theMessageNamesProviderOperationStatusCodeMessageAndRequestId() {
    VendorError error =
        VendorError.builder().errorCode("SLUG_TAKEN").message("The slug is taken").requestId("req_42")
            .details(Map.of("field", "slug")).build();
    ApiException e = ApiExceptions.create("shortpen", Operation.CREATE, 409, error, "{\"raw\":1}", null);
    assertEquals("shortpen create failed: HTTP 409 SLUG_TAKEN: The slug is taken (request id req_42)", e.getMessage());
    assertEquals(Optional.of("SLUG_TAKEN"), e.errorCode());
    assertEquals(Optional.of("The slug is taken"), e.vendorMessage());
    assertEquals(Optional.of("req_42"), e.requestId());
    assertEquals(Optional.of(Map.of("field", "slug")), e.details());
    assertEquals("{\"raw\":1}", e.responseBody());
  }

  @Test
  void theMessageLeavesOutWhatTheVendorDidNotSay() {
    assertEquals("xqr get failed: HTTP 502", create(502).getMessage());
    ApiException onlyMessage =
        ApiExceptions.create("snipurl", Operation.DELETE, 404, VendorError.builder().message("No such link").build(),
            "", null);
    assertEquals("snipurl delete failed: HTTP 404: No such link", onlyMessage.getMessage());
    ApiException blank =
        ApiExceptions.create("snipurl", Operation.LIST, 400, VendorError.builder().errorCode(" ").message("").build(),
            "", null);
    assertEquals("snipurl list failed: HTTP 400", blank.getMessage());
    assertEquals(Optional.empty(), blank.errorCode());
  }

  @Test
  void createFromAnApiFailure() {
    ApiFailure failure =
        new ApiFailure(429, "{}", VendorError.builder().requestId("r1").build(), Duration.ofSeconds(7), null);
    ApiException e = ApiExceptions.create("carrierx", Operation.UPDATE, failure);
    assertTrue(e instanceof RateLimitException);
    assertEquals(Optional.of(Duration.ofSeconds(7)), ((RateLimitException) e).retryAfter());
    assertEquals(Optional.of("r1"), e.requestId());
    assertEquals(Operation.UPDATE, e.operation());
  }
}
