package dev.polylink.snipurl.internal;

import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import dev.polylink.snipurl.SnipurlClient;
import java.util.Map;

/**
 * Registers SnipURL with {@link dev.polylink.core.LinkClients} as {@code "snipurl"}. It takes the
 * common keys only ({@code apiKey}, {@code baseUrl}, {@code timeout}, {@code userAgent}, read from
 * {@code SNIPURL_API_KEY}, {@code SNIPURL_BASE_URL}, {@code SNIPURL_TIMEOUT} and {@code
 * SNIPURL_USER_AGENT}): SnipURL has no domains or workspaces to configure.
 */
public final class SnipurlLinkClientProvider implements LinkClientProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SnipurlLinkClientProvider() {}

  /** {@code "snipurl"}. */
  @Override
  public String id() {
    return SnipurlClient.PROVIDER_ID;
  }

  /** The common keys and their environment variables. */
  @Override
  public Map<String, String> configKeys() {
    return ClientConfig.commonKeys(SnipurlClient.PROVIDER_ID);
  }

  /** A {@link SnipurlClient} builder from the configuration. */
  @Override
  public LinkClientBuilder<?, ?> builder(ClientConfig config) {
    return config.applyCommon(SnipurlClient.builder());
  }
}
