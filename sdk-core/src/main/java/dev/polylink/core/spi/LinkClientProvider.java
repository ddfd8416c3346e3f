package dev.polylink.core.spi;

import dev.polylink.core.LinkClientBuilder;
import java.util.Map;

/**
 * A provider module's entry point for {@link dev.polylink.core.LinkClients}, registered in {@code
 * META-INF/services/dev.polylink.core.spi.LinkClientProvider}.
 */
public interface LinkClientProvider {
  /** {@return the provider id, e.g. {@code "xqr"}} */
  String id();

  /**
   * {@return every configuration key the provider accepts (the builder methods' names), in a stable
   * order, each mapped to the environment variable {@link
   * dev.polylink.core.LinkClients#fromEnvironment} reads it from} Start from {@link
   * ClientConfig#commonKeys(String)}.
   */
  Map<String, String> configKeys();

  /**
   * {@return A builder with the configuration applied, which the caller may adjust (a retry policy,
   * a shared OkHttpClient) before building; the config holds only keys from {@link #configKeys()}}
   *
   * @param config the configuration, holding only the provider's keys
   */
  LinkClientBuilder<?, ?> builder(ClientConfig config);
}
