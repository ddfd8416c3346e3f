package dev.polylink.core.fake;

import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import java.util.Map;

/** Registers the fake provider for LinkClients discovery tests. */
public final class FakeLinkClientProvider implements LinkClientProvider {
  @Override
  public String id() {
    return FakeLinkClient.ID;
  }

  @Override
  public Map<String, String> configKeys() {
    return ClientConfig.commonKeys(FakeLinkClient.ID);
  }

  @Override
  public LinkClientBuilder<?, ?> builder(ClientConfig config) {
    return config.applyCommon(FakeLinkClient.builder());
  }
}
