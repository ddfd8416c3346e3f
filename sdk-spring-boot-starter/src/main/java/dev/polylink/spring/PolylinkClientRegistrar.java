package dev.polylink.spring;

import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.LinkClientListener;
import dev.polylink.core.LinkClients;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RequestValidationException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a client bean named {@code <provider>LinkClient} for every {@code polylink.<provider>}
 * in the environment, typed as the provider's client class ({@code XqrClient}, ...) so that both
 * {@code LinkClient} and the typed client can be injected. The keys are those of {@link
 * LinkClients#create}, in any relaxed form ({@code api-key}, {@code apiKey}, {@code API_KEY}). An
 * unknown provider or key, a malformed value or a missing required key fails the startup with a
 * message naming the property.
 */
final class PolylinkClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
  static final String PREFIX = "polylink";

  private Environment environment;
  private BeanFactory beanFactory;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    Bindable<Map<String, Map<String, String>>> bindable = Bindable.of(ResolvableType.forClassWithGenerics(
        Map.class, ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));
    Map<String, Map<String, String>> providers = Binder.get(environment).bind(PREFIX, bindable).orElse(Map.of());
    providers.forEach((providerId, properties) -> {
      Map<String, String> config = config(providerId, properties);
      Class<?> type = clientType(providerId, builder(providerId, config));
      RootBeanDefinition definition = new RootBeanDefinition(type);
      definition.setInstanceSupplier(() -> build(providerId, config));
      definition.setDestroyMethodName("close");
      registry.registerBeanDefinition(providerId + "LinkClient", definition);
    });
  }

  /** The {@link LinkClients#create} configuration of {@code polylink.<provider>.*}. */
  private static Map<String, String> config(String providerId, Map<String, String> properties) {
    Set<String> known;
    try {
      known = LinkClients.environmentVariables(providerId).keySet();
    } catch (PolylinkException e) {
      throw new IllegalStateException(
          PREFIX + "." + providerId + ": no Polylink provider '" + providerId + "' on the class path (found: "
              + String.join(", ", LinkClients.providers()) + ")", e);
    }
    Map<String, String> config = new LinkedHashMap<>();
    properties.forEach((property, value) -> {
      String key = known.stream().filter(k -> canonical(k).equals(canonical(property))).findFirst()
          .orElseThrow(() -> new IllegalStateException(PREFIX + "." + providerId + "." + property
              + ": unknown property (known: " + known.stream().map(k -> property(providerId, k))
              .collect(Collectors.joining(", ")) + ")"));
      config.put(key, value);
    });
    return config;
  }

  private LinkClient build(String providerId, Map<String, String> config) {
    LinkClientBuilder<?, ?> builder = builder(providerId, config);
    beanFactory.getBeanProvider(LinkClientListener.class).orderedStream().forEach(builder::addListener);
    beanFactory.getBeanProvider(LinkClientBuilderCustomizer.class).orderedStream()
        .forEach(customizer -> customizer.customize(providerId, builder));
    try {
      return builder.build();
    } catch (PolylinkException e) {
      throw failure(providerId, e);
    }
  }

  private static LinkClientBuilder<?, ?> builder(String providerId, Map<String, String> config) {
    try {
      return LinkClients.builder(providerId, config);
    } catch (PolylinkException e) {
      throw failure(providerId, e);
    }
  }

  /** The failure, each violation naming its property: {@code polylink.xqr.api-key: is required}. */
  private static IllegalStateException failure(String providerId, PolylinkException e) {
    List<String> problems = e instanceof RequestValidationException
        ? ((RequestValidationException) e).violations()
        : List.of(String.valueOf(e.getMessage()));
    Set<String> known = LinkClients.environmentVariables(providerId).keySet();
    String described = problems.stream().map(problem -> {
      int colon = problem.indexOf(':');
      String key = colon < 0 ? "" : problem.substring(0, colon);
      return known.contains(key) ? property(providerId, key) + problem.substring(colon) : PREFIX + "." + providerId + ": " + problem;
    }).collect(Collectors.joining("; "));
    return new IllegalStateException("Polylink client '" + providerId + "' cannot be built: " + described, e);
  }

  /** The client class the provider's builder builds, from {@code LinkClientBuilder<B, C>}. */
  private static Class<?> clientType(String providerId, LinkClientBuilder<?, ?> builder) {
    for (Class<?> c = builder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      Type type = c.getGenericSuperclass();
      if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == LinkClientBuilder.class) {
        Type client = ((ParameterizedType) type).getActualTypeArguments()[1];
        if (client instanceof Class) {
          return (Class<?>) client;
        }
      }
    }
    return LinkClient.class;
  }

  /** {@code polylink.xqr.api-key} for key {@code apiKey}. */
  static String property(String providerId, String key) {
    return PREFIX + "." + providerId + "." + key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String canonical(String name) {
    return name.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
  }
}
