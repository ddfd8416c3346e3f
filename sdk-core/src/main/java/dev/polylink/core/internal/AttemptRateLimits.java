package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import java.util.List;
import okhttp3.Response;

/** The rate-limit windows read once from an attempt's response, for {@code HttpTransport}. */
public final class AttemptRateLimits {
  private AttemptRateLimits() {}

  /**
   * {@return the windows the retry interceptor read from the headers of {@code response}; empty
   * when it read none}
   *
   * @param response the answer of one attempt (Retrofit's {@code raw()})
   */
  public static List<RateLimitStatus> of(Response response) {
    return Attempt.rateLimitsOf(response);
  }
}
