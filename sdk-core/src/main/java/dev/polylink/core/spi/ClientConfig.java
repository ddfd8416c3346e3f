package dev.polylink.core.spi;

import dev.polylink.core.LinkClientBuilder;
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

  public ClientConfig(String providerId, Map<String, String> values) {
    this.providerId = providerId;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * The keys every provider accepts, mapped to {@code <ID>_API_KEY}, {@code <ID>_BASE_URL}, {@code
   * <ID>_TIMEOUT} and {@code <ID>_USER_AGENT}.
   */
  public static Map<String, String> commonKeys(String providerId) {
    String prefix = providerId.toUpperCase(Locale.ROOT) + "_";
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("apiKey", prefix + "API_KEY");
    keys.put("baseUrl", prefix + "BASE_URL");
    keys.put("timeout", prefix + "TIMEOUT");
    keys.put("userAgent", prefix + "USER_AGENT");
    return keys;
  }

  /** Applies the common keys (apiKey, baseUrl, timeout, userAgent) that are present. */
  public <B extends LinkClientBuilder<B, ?>> B applyCommon(B builder) {
    string("apiKey").ifPresent(builder::apiKey);
    string("baseUrl").ifPresent(builder::baseUrl);
    duration("timeout").ifPresent(builder::timeout);
    string("userAgent").ifPresent(builder::userAgent);
    return builder;
  }

  public Optional<String> string(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** A whole number, or a {@link RequestValidationException} naming the key. */
  public Optional<Long> longValue(String key) {
    return string(key).map(v -> {
      try {
        return Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new RequestValidationException(providerId, key + ": must be a whole number (was \"" + v + "\")");
      }
    });
  }

  /** An ISO-8601 duration such as {@code PT10S}. */
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
