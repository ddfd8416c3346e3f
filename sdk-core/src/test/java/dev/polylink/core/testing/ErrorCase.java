package dev.polylink.core.testing;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.GoneException;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.ServerException;

/** The vendor error answers the contract suite checks; each provider supplies its vendor's body. */
public enum ErrorCase {
  /** 401: bad or missing key. Checked on get. */
  UNAUTHORIZED(401, AuthenticationException.class),
  /** 404: no such link. Checked on get. */
  NOT_FOUND(404, NotFoundException.class),
  /** 409: the slug is taken. Checked on create. */
  CONFLICT(409, ConflictException.class),
  /** 410: disabled or expired. Checked on get. */
  GONE(410, GoneException.class),
  /** 429 burst limit with {@code Retry-After}: retried, then raised when it persists. Checked on get. */
  BURST_LIMIT(429, RateLimitException.class),
  /** 429 quota exhausted: never retried. Checked on get. */
  QUOTA_EXHAUSTED(429, RateLimitException.class),
  /** 500: retried for get, then raised. */
  SERVER_ERROR(500, ServerException.class);

  private final int status;
  private final Class<? extends ApiException> exceptionType;

  ErrorCase(int status, Class<? extends ApiException> exceptionType) {
    this.status = status;
    this.exceptionType = exceptionType;
  }

  public int status() {
    return status;
  }

  public Class<? extends ApiException> exceptionType() {
    return exceptionType;
  }
}
