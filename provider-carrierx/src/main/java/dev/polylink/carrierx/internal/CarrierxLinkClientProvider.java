package dev.polylink.carrierx.internal;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers CarrierX with {@link dev.polylink.core.LinkClients} as {@code "carrierx"}. Config keys:
 * the common {@code apiKey}, {@code baseUrl}, {@code timeout}, {@code userAgent} ({@code
 * CARRIERX_API_KEY}, {@code CARRIERX_BASE_URL}, {@code CARRIERX_TIMEOUT}, {@code
 * CARRIERX_USER_AGENT}), plus {@code username} and {@code password} ({@code CARRIERX_USERNAME},
 * {@code CARRIERX_PASSWORD}) for basic authentication instead of a token, and {@code
 * defaultDomainSid} ({@code CARRIERX_DOMAIN_SID}).
 */
public final class CarrierxLinkClientProvider implements LinkClientProvider {
  private static final Map<String, String> KEYS;

  static {
    Map<String, String> keys = ClientConfig.commonKeys(CarrierxClient.PROVIDER_ID);
    keys.put("username", "CARRIERX_USERNAME");
    keys.put("password", "CARRIERX_PASSWORD");
    keys.put("defaultDomainSid", "CARRIERX_DOMAIN_SID");
    KEYS = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }

  /** For {@link java.util.ServiceLoader}. */
  public CarrierxLinkClientProvider() {}

  /** {@code "carrierx"}. */
  @Override
  public String id() {
    return CarrierxClient.PROVIDER_ID;
  }

  /** The common keys, then {@code username}, {@code password} and {@code defaultDomainSid}. */
  @Override
  public Map<String, String> configKeys() {
    return KEYS;
  }

  /**
   * A builder from the config.
   *
   * @throws RequestValidationException when only one of {@code username} and {@code password} is
   *     given, when both a token and a username/password are given, or when neither is
   */
  @Override
  public LinkClientBuilder<?, ?> builder(ClientConfig config) {
    CarrierxClient.Builder builder = config.applyCommon(CarrierxClient.builder());
    Optional<String> username = config.string("username");
    Optional<String> password = config.string("password");
    if (username.isPresent() != password.isPresent()) {
      throw new RequestValidationException(
          CarrierxClient.PROVIDER_ID,
          (username.isPresent() ? "password" : "username")
              + ": is required when " + (username.isPresent() ? "username" : "password")
              + " is given (basic authentication needs both)");
    }
    if (username.isPresent()) {
      builder.basicAuth(username.get(), password.get());
    }
    config.string("defaultDomainSid").ifPresent(builder::defaultDomainSid);
    return builder;
  }
}
