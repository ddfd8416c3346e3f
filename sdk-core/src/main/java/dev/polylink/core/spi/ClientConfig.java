package dev.polylink.core.spi;

import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** String configuration for {@link LinkClientProvider#builder}, with typed, validated reads. */
public final class ClientConfig {
  private final String providerId;
  private final Map<String, String> values;

  /**
   * Creates the Client config.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param values the values by configuration key
   */
  public ClientConfig(String providerId, Map<String, String> values) {
    this.providerId = providerId;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * {@return the keys every provider accepts, mapped to {@code <ID>_API_KEY}, {@code
   * <ID>_BASE_URL}, {@code <ID>_TIMEOUT}, {@code <ID>_USER_AGENT}, {@code <ID>_RATE_LIMIT} and
   * {@code <ID>_BULK_CONCURRENCY}}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   */
  public static Map<String, String> commonKeys(String providerId) {
    String prefix = providerId.toUpperCase(Locale.ROOT) + "_";
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("apiKey", prefix + "API_KEY");
    keys.put("baseUrl", prefix + "BASE_URL");
    keys.put("timeout", prefix + "TIMEOUT");
    keys.put("userAgent", prefix + "USER_AGENT");
    keys.put("rateLimit", prefix + "RATE_LIMIT");
    keys.put("bulkConcurrency", prefix + "BULK_CONCURRENCY");
    return keys;
  }

  /**
   * Applies the common keys (apiKey, baseUrl, timeout, userAgent, rateLimit, bulkConcurrency) that
   * are present; {@code rateLimit} is read by {@link #rateLimit}, {@code bulkConcurrency} (for
   * {@link LinkClientBuilder#bulkConcurrency}) by {@link #intValue} as a whole number from 1 to
   * {@value LinkClientBuilder#MAX_BULK_CONCURRENCY}.
   *
   * @param <B> the type of the builder
   * @param builder the builder to apply the settings to
   * @return this builder
   */
  public <B extends LinkClientBuilder<B, ?>> B applyCommon(B builder) {
    string("apiKey").ifPresent(builder::apiKey);
    string("baseUrl").ifPresent(builder::baseUrl);
    duration("timeout").ifPresent(builder::timeout);
    string("userAgent").ifPresent(builder::userAgent);
    rateLimit("rateLimit").ifPresent(builder::rateLimit);
    intValue("bulkConcurrency", 1, LinkClientBuilder.MAX_BULK_CONCURRENCY).ifPresent(builder::bulkConcurrency);
    return builder;
  }

  /**
   * {@return the client's pacing, read by {@link RateLimit#parse}: {@code adaptive} (the default
   * when the key is absent), {@code none} or {@code <requests>/<ISO-8601 period>} such as {@code
   * 50/PT1S}; other text is a {@link RequestValidationException} naming the key}
   *
   * @param key the configuration key
   */
  public Optional<RateLimit> rateLimit(String key) {
    return string(key).map(v -> {
      try {
        return RateLimit.parse(v);
      } catch (RequestValidationException e) {
        throw new RequestValidationException(providerId,
            key + ": must be adaptive, none or <requests>/<ISO-8601 period> such as 50/PT1S (was \"" + v + "\")");
      }
    });
  }

  /**
   * A string value.
   *
   * @param key the configuration key
   * @return the value, or empty when the key is absent or blank
   */
  public Optional<String> string(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /**
   * {@return A whole number, or a {@link RequestValidationException} naming the key}
   *
   * @param key the configuration key
   */
  public Optional<Long> longValue(String key) {
    return string(key).map(v -> {
      try {
        return Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new RequestValidationException(providerId, key + ": must be a whole number (was \"" + v + "\")");
      }
    });
  }

  /**
   * {@return a whole number from {@code min} to {@code max}; other text, or a number outside the
   * range, is a {@link RequestValidationException} naming the key}
   *
   * @param key the configuration key
   * @param min the smallest value accepted
   * @param max the largest value accepted
   */
  public Optional<Integer> intValue(String key, int min, int max) {
    return string(key).map(v -> {
      long value;
      try {
        value = Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        value = Long.MIN_VALUE;
      }
      if (value < min || value > max) {
        throw new RequestValidationException(
            providerId, key + ": must be a whole number from " + min + " to " + max + " (was \"" + v + "\")");
      }
      return (int) value;
    });
  }

  /**
   * {@return an ISO-8601 duration such as {@code PT10S}}
   *
   * @param key the configuration key
   */
  public Optional<Duration> duration(String key) {
    return string(key).map(v -> {
      try {
        return Duration.parse(v.strip());
      } catch (DateTimeParseException e) {
        throw new RequestValidationException(
            providerId, key + ": must be an ISO-8601 duration such as PT10S (was \"" + v + "\")");
      }
    });
  }

  /** The keys present. Values are not shown: they may be secrets. */
  @Override
  public String toString() {
    return "ClientConfig{" + providerId + ", keys=" + values.keySet() + "}";
  }
}
