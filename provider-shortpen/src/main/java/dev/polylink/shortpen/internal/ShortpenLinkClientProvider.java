package dev.polylink.shortpen.internal;

import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import dev.polylink.shortpen.ShortpenClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers ShortPen with {@code LinkClients} as {@code "shortpen"}. Keys: the common ones ({@code
 * SHORTPEN_API_KEY}, {@code SHORTPEN_BASE_URL}, {@code SHORTPEN_TIMEOUT}, {@code
 * SHORTPEN_USER_AGENT}) plus {@code defaultDomainId} ({@code SHORTPEN_DOMAIN_ID}), {@code
 * workspaceId} ({@code SHORTPEN_WORKSPACE_ID}) and {@code createLookupPages} ({@code
 * SHORTPEN_CREATE_LOOKUP_PAGES}).
 */
public final class ShortpenLinkClientProvider implements LinkClientProvider {
  private static final Map<String, String> KEYS = keys();

  /** For {@link java.util.ServiceLoader}. */
  public ShortpenLinkClientProvider() {}

  /** {@code "shortpen"}. */
  @Override
  public String id() {
    return ShortpenClient.PROVIDER_ID;
  }

  /** The common keys plus {@code defaultDomainId}, {@code workspaceId} and {@code createLookupPages}, with their variables. */
  @Override
  public Map<String, String> configKeys() {
    return KEYS;
  }

  /** A {@link ShortpenClient} builder from the configuration; a non-integer id is a validation error. */
  @Override
  public LinkClientBuilder<?, ?> builder(ClientConfig config) {
    ShortpenClient.Builder builder = config.applyCommon(ShortpenClient.builder());
    config.longValue("defaultDomainId").ifPresent(builder::defaultDomainId);
    config.longValue("workspaceId").ifPresent(builder::workspaceId);
    // Clamped into int range, so that a huge value meets the builder's range check, not an overflow.
    config.longValue("createLookupPages")
        .ifPresent(pages -> builder.createLookupPages((int) Math.min(pages, Integer.MAX_VALUE)));
    return builder;
  }

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>(ClientConfig.commonKeys(ShortpenClient.PROVIDER_ID));
    keys.put("defaultDomainId", "SHORTPEN_DOMAIN_ID");
    keys.put("workspaceId", "SHORTPEN_WORKSPACE_ID");
    keys.put("createLookupPages", "SHORTPEN_CREATE_LOOKUP_PAGES");
    return Collections.unmodifiableMap(keys);
  }
}
