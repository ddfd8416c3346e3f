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
import dev.polylink.core.ServerException;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;

/** Chooses the ApiException subclass by HTTP status, whatever the body says. */
public final class ApiExceptions {
  private ApiExceptions() {}

  /** Whether a status may succeed when sent again (before looking at quotas). */
  static boolean retryableStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  public static ApiException create(String providerId, Operation operation, ApiFailure failure) {
    return create(
        providerId, operation, failure.statusCode(), failure.error(), failure.body(), failure.retryAfter());
  }

  public static ApiException create(
      String providerId,
      Operation operation,
      int status,
      VendorError error,
      String body,
      Duration retryAfter) {
    boolean retryable = retryableStatus(status);
    switch (status) {
      case 400:
      case 415:
      case 422:
        return new BadRequestException(providerId, operation, status, error, body, false);
      case 401:
        return new AuthenticationException(providerId, operation, status, error, body, false);
      case 403:
        return new PermissionDeniedException(providerId, operation, status, error, body, false);
      case 404:
        return new NotFoundException(providerId, operation, status, error, body, false);
      case 409:
        return new ConflictException(providerId, operation, status, error, body, false);
      case 410:
        return new GoneException(providerId, operation, status, error, body, false);
      case 429:
        return new RateLimitException(providerId, operation, status, error, body, retryAfter);
      default:
        if (status >= 500 && status <= 599) {
          return new ServerException(providerId, operation, status, error, body, retryable);
        }
        return new ApiException(providerId, operation, status, error, body, retryable);
    }
  }
}
