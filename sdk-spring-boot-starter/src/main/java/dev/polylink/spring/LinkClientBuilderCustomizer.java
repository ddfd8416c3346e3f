package dev.polylink.spring;

import dev.polylink.core.LinkClientBuilder;

/**
 * Adjusts the builder of every {@code LinkClient} the starter creates, after the {@code
 * polylink.<provider>.*} properties and the context's listeners are applied and before it is
 * built: a retry policy, a shared OkHttpClient, the wire log. Customizer beans run in {@code
 * @Order} order.
 *
 * <pre>{@code
 * @Bean
 * LinkClientBuilderCustomizer patientRetries() {
 *   return (provider, builder) -> builder.retryPolicy(RetryPolicy.builder().maxAttempts(8).build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LinkClientBuilderCustomizer {
  /**
   * Adjusts one client's builder.
   *
   * @param providerId the provider the builder builds a client for, e.g. {@code "xqr"}
   * @param builder the builder
   */
  void customize(String providerId, LinkClientBuilder<?, ?> builder);
}
