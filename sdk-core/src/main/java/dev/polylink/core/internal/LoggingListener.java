package dev.polylink.core.internal;

import dev.polylink.core.ApiException;
import dev.polylink.core.LinkClientListener;
import org.slf4j.Logger;

/**
 * The SDK's own log, through SLF4J logger {@value Logging#CLIENT_LOGGER}: at DEBUG one line per
 * operation and one per retry. Events carry no secrets, so neither do these lines.
 */
final class LoggingListener implements LinkClientListener {
  private static final Logger LOG = Logging.logger(Logging.CLIENT_LOGGER);

  @Override
  public void retryScheduled(RetryScheduled e) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "polylink {} {}: {} {} attempt {} {}; retrying in {} ms ({}{})",
          e.provider(), e.operation().label(), e.method(), e.pathTemplate(), e.attempt(),
          e.status().isPresent() ? "got " + e.status().getAsInt() : "failed",
          e.delay().toMillis(), e.reason(), e.retryAfter() ? ", Retry-After" : "");
    }
  }

  @Override
  public void rateLimitWait(RateLimitWait e) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "polylink {} {}: attempt {} waits {} ms for the rate-limit budget",
          e.provider(), e.operation().label(), e.attempt(), e.delay().toMillis());
    }
  }

  @Override
  public void operationFinished(OperationFinished e) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    if (e.succeeded()) {
      LOG.debug(
          "polylink {} {}: succeeded in {} ms ({} attempt(s))",
          e.provider(), e.operation().label(), e.duration().toMillis(), e.attempts());
    } else {
      Throwable failure = e.failure().orElseThrow();
      String detail = "";
      if (failure instanceof ApiException) {
        ApiException api = (ApiException) failure;
        detail = " status=" + api.statusCode()
            + api.errorCode().map(c -> " code=" + c).orElse("")
            + api.requestId().map(r -> " requestId=" + r).orElse("");
      }
      LOG.debug(
          "polylink {} {}: failed in {} ms ({} attempt(s)) with {}{}",
          e.provider(), e.operation().label(), e.duration().toMillis(), e.attempts(),
          failure.getClass().getSimpleName(), detail);
    }
  }
}
