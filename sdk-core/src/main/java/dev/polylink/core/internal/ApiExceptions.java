package dev.polylink.core.internal;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.GoneException;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RedirectException;
import dev.polylink.core.ServerException;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;

/** Chooses the ApiException subclass by HTTP status, whatever the body says; any 3xx is a RedirectException. */
public final class ApiExceptions {
  private ApiExceptions() {}

  /** Whether a status may succeed when sent again (before looking at quotas). */
  static boolean retryableStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  public static ApiException create(String providerId, Operation operation, ApiFailure failure) {
    return create(
        providerId, operation, failure.statusCode(), failure.error(), failure.body(), failure.retryAfter(),
        failure.location());
  }

  public static ApiException create(
      String providerId,
      Operation operation,
      int status,
      VendorError error,
      String body,
      Duration retryAfter) {
    return create(providerId, operation, status, error, body, retryAfter, null);
  }

  public static ApiException create(
      String providerId,
      Operation operation,
      int status,
      VendorError error,
      String body,
      Duration retryAfter,
      String location) {
    boolean retryable = retryableStatus(status);
    String code = error.errorCode().orElse(null);
    String message = error.message().orElse(null);
    String requestId = error.requestId().orElse(null);
    Object details = error.details().orElse(null);
    if (status >= 300 && status <= 399) {
      return new RedirectException(providerId, operation, status, location, requestId, body);
    }
    switch (status) {
      case 400:
      case 415:
      case 422:
        return new BadRequestException(providerId, operation, status, code, message, requestId, details, body);
      case 401:
        return new AuthenticationException(providerId, operation, status, code, message, requestId, details, body);
      case 403:
        return new PermissionDeniedException(providerId, operation, status, code, message, requestId, details, body);
      case 404:
        return new NotFoundException(providerId, operation, status, code, message, requestId, details, body);
      case 409:
        return new ConflictException(providerId, operation, status, code, message, requestId, details, body);
      case 410:
        return new GoneException(providerId, operation, status, code, message, requestId, details, body);
      case 429:
        return new RateLimitException(
            providerId, operation, status, code, message, requestId, details, body, retryAfter,
            error.quotaExhausted());
      default:
        if (status >= 500 && status <= 599) {
          return new ServerException(providerId, operation, status, code, message, requestId, details, body, retryable);
        }
        return new ApiException(providerId, operation, status, code, message, requestId, details, body, retryable);
    }
  }
}
