package dev.polylink.xqr.internal;

import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import dev.polylink.xqr.XqrClient;
import java.util.Map;

/**
 * Registers xQR with {@link dev.polylink.core.LinkClients} under the id {@code "xqr"}. It accepts
 * the common keys only: {@code apiKey} ({@code XQR_API_KEY}), {@code baseUrl} ({@code XQR_BASE_URL}),
 * {@code timeout} ({@code XQR_TIMEOUT}) and {@code userAgent} ({@code XQR_USER_AGENT}).
 */
public final class XqrLinkClientProvider implements LinkClientProvider {
  /** For {@link java.util.ServiceLoader}. */
  public XqrLinkClientProvider() {}

  @Override
  public String id() {
    return XqrClient.PROVIDER_ID;
  }

  @Override
  public Map<String, String> configKeys() {
    return ClientConfig.commonKeys(XqrClient.PROVIDER_ID);
  }

  @Override
  public LinkClientBuilder<?, ?> builder(ClientConfig config) {
    return config.applyCommon(XqrClient.builder());
  }
}
