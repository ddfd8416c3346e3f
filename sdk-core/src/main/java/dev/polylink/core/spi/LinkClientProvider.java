package dev.polylink.core.spi;

import dev.polylink.core.LinkClientBuilder;
import java.util.Map;

/**
 * A provider module's entry point for {@link dev.polylink.core.LinkClients}, registered in {@code
 * META-INF/services/dev.polylink.core.spi.LinkClientProvider}.
 */
public interface LinkClientProvider {
  /** The provider id, e.g. {@code "xqr"}. */
  String id();

  /**
   * Every configuration key the provider accepts (the builder methods' names), in a stable order,
   * each mapped to the environment variable {@link dev.polylink.core.LinkClients#fromEnvironment}
   * reads it from. Start from {@link ClientConfig#commonKeys(String)}.
   */
  Map<String, String> configKeys();

  /**
   * A builder with the configuration applied, which the caller may adjust (a retry policy, a
   * shared OkHttpClient) before building; the config holds only keys from {@link #configKeys()}.
   */
  LinkClientBuilder<?, ?> builder(ClientConfig config);
}
