package dev.polylink.core;

import dev.polylink.core.spi.ClientConfig;
import dev.polylink.core.spi.LinkClientProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds provider modules on the classpath ({@link ServiceLoader} of {@link LinkClientProvider}) and
 * builds clients from string configuration or the environment.
 *
 * <pre>{@code
 * try (LinkClient client = LinkClients.fromEnvironment("xqr")) {   // reads XQR_API_KEY, XQR_BASE_URL
 *   Link link = client.create(CreateLinkRequest.builder().destination("https://example.com").build());
 * }
 * }</pre>
 */
public final class LinkClients {
  private LinkClients() {}

  /** {@return the ids of the providers found on the classpath, sorted} */
  public static Set<String> providers() {
    return Registry.PROVIDERS.keySet();
  }

  /**
   * Builds a client from configuration whose keys are the builder methods' names: {@code apiKey},
   * {@code baseUrl}, {@code timeout} (ISO-8601, e.g. {@code PT10S}), {@code userAgent}, and the
   * provider's own such as {@code defaultDomainId}.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param config the configuration, holding only the provider's keys
   * @return a client; close it when done
   * @throws RequestValidationException for an unknown provider id or an unknown key, naming the
   *     known ones, or a malformed value
   */
  public static LinkClient create(String providerId, Map<String, String> config) {
    return builder(providerId, config).build();
  }

  /**
   * Like {@link #create(String, Map)}, but returns the provider's builder so that settings with no
   * string form can be added before building:
   *
   * <pre>{@code
   * LinkClient client = LinkClients.builder("xqr", config)
   *     .retryPolicy(RetryPolicy.builder().maxAttempts(8).build())
   *     .build();
   * }</pre>
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param config the configuration, holding only the provider's keys
   * @return the provider's builder, with the configuration applied
   */
  public static LinkClientBuilder<?, ?> builder(String providerId, Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    LinkClientProvider provider = provider(providerId);
    Set<String> known = provider.configKeys().keySet();
    for (String key : config.keySet()) {
      if (!known.contains(key)) {
        throw new RequestValidationException(
            providerId, "config key '" + key + "': unknown (known keys: " + String.join(", ", known) + ")");
      }
    }
    return provider.builder(new ClientConfig(providerId, config));
  }

  /**
   * Builds a client from the environment variables the provider documents, such as {@code
   * XQR_API_KEY} and {@code XQR_BASE_URL}.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @return a client; close it when done
   * @throws RequestValidationException for an unknown provider, a malformed value, or a required
   *     variable that is not set, naming the variable: {@code "xqr: invalid request: XQR_API_KEY: is
   *     not set (apiKey: is required)"}
   */
  public static LinkClient fromEnvironment(String providerId) {
    return fromEnvironment(providerId, System::getenv);
  }

  /**
   * {@link #fromEnvironment(String)} with another source of variables (tests, system properties).
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param environment the variables, by name; {@code null} (or blank) for a variable that is not set
   * @return a client; close it when done
   * @throws RequestValidationException as {@link #fromEnvironment(String)} does
   */
  public static LinkClient fromEnvironment(String providerId, Function<String, String> environment) {
    LinkClientBuilder<?, ?> builder = builderFromEnvironment(providerId, environment);
    try {
      return builder.build();
    } catch (RequestValidationException e) {
      throw namingTheVariables(e, provider(providerId).configKeys(), environment);
    }
  }

  /**
   * A builder's "{@code apiKey: is required}" names a builder method; read from the environment,
   * the user needs the variable's name: "{@code XQR_API_KEY: is not set (apiKey: is required)}".
   */
  private static RequestValidationException namingTheVariables(
      RequestValidationException e, Map<String, String> variables, Function<String, String> environment) {
    List<String> violations = new ArrayList<>();
    boolean renamed = false;
    for (String violation : e.violations()) {
      String rewritten = violation;
      for (Map.Entry<String, String> key : variables.entrySet()) {
        String value = environment.apply(key.getValue());
        if (violation.startsWith(key.getKey() + ": ") && (value == null || value.isBlank())) {
          rewritten = key.getValue() + ": is not set (" + violation + ")";
          renamed = true;
          break;
        }
      }
      violations.add(rewritten);
    }
    if (!renamed) {
      return e;
    }
    RequestValidationException named = new RequestValidationException(e.providerId(), violations);
    named.initCause(e);
    return named;
  }

  /**
   * {@return the builder {@link #fromEnvironment(String)} would build, to adjust before building}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   */
  public static LinkClientBuilder<?, ?> builderFromEnvironment(String providerId) {
    return builderFromEnvironment(providerId, System::getenv);
  }

  /**
   * {@link #builderFromEnvironment(String)} with another source of variables.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param environment the variables, by name
   * @return the provider's builder, with the variables that are set applied
   */
  public static LinkClientBuilder<?, ?> builderFromEnvironment(
      String providerId, Function<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    Map<String, String> config = new LinkedHashMap<>();
    provider(providerId).configKeys().forEach((key, variable) -> {
      String value = environment.apply(variable);
      if (value != null && !value.isBlank()) {
        config.put(key, value);
      }
    });
    return builder(providerId, config);
  }

  /**
   * {@return the environment variables a provider reads, by config key}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   */
  public static Map<String, String> environmentVariables(String providerId) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(provider(providerId).configKeys()));
  }

  private static LinkClientProvider provider(String providerId) {
    Objects.requireNonNull(providerId, "providerId");
    LinkClientProvider provider = Registry.PROVIDERS.get(providerId);
    if (provider == null) {
      throw new RequestValidationException(
          PolylinkException.NO_PROVIDER,
          "provider '" + providerId + "': not found on the classpath (known: "
              + (Registry.PROVIDERS.isEmpty() ? "none" : String.join(", ", Registry.PROVIDERS.keySet()))
              + ")");
    }
    return provider;
  }

  /** Loaded once, on first use. */
  private static final class Registry {
    static final Map<String, LinkClientProvider> PROVIDERS = load();

    private static Map<String, LinkClientProvider> load() {
      Map<String, LinkClientProvider> found = new TreeMap<>();
      for (LinkClientProvider provider : ServiceLoader.load(LinkClientProvider.class, LinkClients.class.getClassLoader())) {
        found.putIfAbsent(provider.id(), provider);
      }
      return Collections.unmodifiableMap(found);
    }
  }
}
