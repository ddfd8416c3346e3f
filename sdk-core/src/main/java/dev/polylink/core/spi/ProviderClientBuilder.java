package dev.polylink.core.spi;

import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;

/**
 * The base of every provider's client builder: the settings of {@link LinkClientBuilder}, which is
 * what applications see, plus the {@link HttpTransport.Builder} they make, which only providers
 * see.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class ProviderClientBuilder<B extends ProviderClientBuilder<B, C>, C extends LinkClient>
    extends LinkClientBuilder<B, C> {

  /** For the providers' builders. */
  protected ProviderClientBuilder() {}

  /**
   * A transport builder holding these settings, for the provider to add its error decoder and
   * rate-limit parser to.
   *
   * @return a new transport builder with the provider id, base URL, credentials and every setting
   * @throws dev.polylink.core.RequestValidationException without credentials
   */
  protected final HttpTransport.Builder transport() {
    HttpTransport.Builder b =
        HttpTransport.builder(providerId())
            .baseUrl(baseUrl())
            .authorization(authorization())
            .httpClient(httpClient())
            .timeout(timeout())
            .connectionIdleTimeout(connectionIdleTimeout())
            .allowPlainHttp(insecurePlainHttpAllowed())
            .retryPolicy(retryPolicy())
            .userAgent(userAgent())
            .clock(clock())
            .sleeper(sleeper())
            .scheduledExecutorService(scheduledExecutorService())
            .futureCompletionExecutor(futureCompletionExecutor())
            .rateLimit(rateLimitSetting())
            .rateBudget(rateBudget())
            .bulkConcurrency(bulkConcurrency())
            .listeners(listeners()) // obs
            .wireLog(wireLogEnabled()); // obs
    if (attemptTimeout() != null) {
      b.attemptTimeout(attemptTimeout());
    }
    if (operationTimeout() != null) {
      b.operationTimeout(operationTimeout());
    }
    if (maxResponseBodySize() != null) {
      b.maxResponseBodySize(maxResponseBodySize());
    }
    return b;
  }
}
