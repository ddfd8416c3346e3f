package dev.polylink.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientListener;
import dev.polylink.micrometer.MicrometerListener;
import dev.polylink.shortpen.ShortpenClient;
import dev.polylink.testkit.ProviderEmulator;
import dev.polylink.xqr.XqrClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter on Spring Boot's ApplicationContextRunner, with the xQR and ShortPen emulators behind the clients. */
class PolylinkAutoConfigurationTest {
  private static ProviderEmulator xqr;
  private static ProviderEmulator shortpen;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          PolylinkAutoConfiguration.class, PolylinkMetricsAutoConfiguration.class, PolylinkHealthAutoConfiguration.class));

  @BeforeAll
  static void start() {
    xqr = ProviderEmulator.start("xqr");
    shortpen = ProviderEmulator.start("shortpen");
  }

  @AfterAll
  static void stop() {
    xqr.close();
    shortpen.close();
  }

  @BeforeEach
  void reset() {
    xqr.reset();
    shortpen.reset();
  }

  private static String[] xqrProperties() {
    return new String[] {"polylink.xqr.api-key=" + xqr.apiKey(), "polylink.xqr.base-url=" + xqr.baseUrl()};
  }

  private static CreateLinkRequest link(String slug) {
    return CreateLinkRequest.builder().destination("https://example.com/" + slug).slug(slug).build();
  }

  /** The transport behind an XqrClient (test-only reflection: the client keeps it private). */
  private static dev.polylink.core.spi.HttpTransport transportOf(XqrClient client) throws ReflectiveOperationException {
    java.lang.reflect.Field field = XqrClient.class.getDeclaredField("operations");
    field.setAccessible(true);
    return ((dev.polylink.xqr.internal.XqrOperations) field.get(client)).transport();
  }

  /** The OkHttp client behind an XqrClient (test-only reflection: the client keeps its transport private). */
  private static okhttp3.OkHttpClient okHttpOf(XqrClient client) throws ReflectiveOperationException {
    dev.polylink.core.spi.HttpTransport transport = transportOf(client);
    java.lang.reflect.Method okHttp = dev.polylink.core.spi.HttpTransport.class.getDeclaredMethod("okHttpClient");
    okHttp.setAccessible(true);
    return (okhttp3.OkHttpClient) okHttp.invoke(transport);
  }

  @Test
  void bindsThePropertiesIntoATypedClientClosedWithTheContext() throws Exception {
    java.util.concurrent.atomic.AtomicReference<XqrClient> bean = new java.util.concurrent.atomic.AtomicReference<>();
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.timeout=PT5S", "polylink.xqr.userAgent=my-app/1.0")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(XqrClient.class).hasBean("xqrLinkClient");
          LinkClient client = context.getBean(LinkClient.class);
          assertEquals("xqr", client.providerId());
          client.create(link("spring"));
          assertEquals(1, xqr.links().size());
          assertTrue(xqr.wireMock().getAllServeEvents().get(0).getRequest().getHeader("User-Agent").endsWith(" my-app/1.0"));
          assertEquals("close", context.getBeanFactory().getBeanDefinition("xqrLinkClient").getDestroyMethodName());
          bean.set(context.getBean(XqrClient.class));
          assertTrue(!okHttpOf(bean.get()).dispatcher().executorService().isShutdown());
        });
    assertTrue(okHttpOf(bean.get()).dispatcher().executorService().isShutdown(), "closing the context closes the client");
  }

  @Test
  void theRateLimitPropertySetsThePacingAndIsValidated() {
    // One request an hour: the second create would wait past the operation deadline, so it is not sent.
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.rate-limit=1/PT1H").run(context -> {
      assertThat(context).hasNotFailed();
      LinkClient client = context.getBean(LinkClient.class);
      client.create(link("paced"));
      dev.polylink.core.TransportException e =
          org.junit.jupiter.api.Assertions.assertThrows(dev.polylink.core.TransportException.class,
              () -> client.create(link("later")));
      assertTrue(e.getMessage().contains("rate-limit wait"), e.getMessage());
      assertEquals(1, xqr.links().size());
    });
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.rate-limit=fast").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("polylink.xqr.rate-limit: must be adaptive, none"));
  }

  @Test
  void theBulkConcurrencyPropertySetsTheBuildersBulkConcurrencyAndIsValidated() {
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.bulk-concurrency=1").run(context -> {
      assertThat(context).hasNotFailed();
      assertEquals(1, transportOf(context.getBean(XqrClient.class)).bulkConcurrency());
    });
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.bulk-concurrency=64").run(context ->
        assertEquals(64, transportOf(context.getBean(XqrClient.class)).bulkConcurrency()));
    runner.withPropertyValues(xqrProperties()).run(context ->
        assertEquals(dev.polylink.core.LinkClientBuilder.DEFAULT_BULK_CONCURRENCY,
            transportOf(context.getBean(XqrClient.class)).bulkConcurrency()));
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.bulk-concurrency=0").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining(
            "polylink.xqr.bulk-concurrency: must be a whole number from 1 to 64 (was \"0\")"));
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.bulk-concurrency=65").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining(
            "polylink.xqr.bulk-concurrency: must be a whole number from 1 to 64 (was \"65\")"));
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.bulk-concurrency=many").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("polylink.xqr.bulk-concurrency: must be a whole number"));
    assertEquals(0, xqr.wireMock().getAllServeEvents().size(), "building the clients sends nothing");
  }

  @Test
  void withoutPolylinkPropertiesThereIsNoClient() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LinkClient.class));
  }

  @Test
  void aMissingKeyFailsTheStartupNamingTheProperty() {
    runner.withPropertyValues("polylink.xqr.base-url=" + xqr.baseUrl()).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("apiKey");
      assertThat(context.getStartupFailure()).hasStackTraceContaining("polylink.xqr.api-key: is required");
    });
    runner.withPropertyValues("polylink.shortpen.api-key=k", "polylink.shortpen.default-domain-id=one").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("polylink.shortpen.default-domain-id: must be a whole number"));
  }

  @Test
  void anUnknownKeyOrProviderFailsTheStartupNamingIt() {
    runner.withPropertyValues(xqrProperties()).withPropertyValues("polylink.xqr.api-secret=x").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining(
            "polylink.xqr.api-secret: unknown property (known: polylink.xqr.api-key, polylink.xqr.base-url, "
                + "polylink.xqr.timeout, polylink.xqr.user-agent, polylink.xqr.rate-limit, polylink.xqr.bulk-concurrency)"));
    runner.withPropertyValues("polylink.bitly.api-key=x").run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("polylink.bitly: no Polylink provider 'bitly'"));
  }

  @Test
  void severalProvidersAtOnceEachWithItsTypedClient() {
    runner.withPropertyValues(xqrProperties())
        .withPropertyValues("polylink.shortpen.api-key=" + shortpen.apiKey(), "polylink.shortpen.base-url=" + shortpen.baseUrl(),
            "polylink.shortpen.default-domain-id=" + shortpen.clientConfig().get("defaultDomainId"),
            "polylink.carrierx.username=ops", "polylink.carrierx.password=s3cret", "polylink.carrierx.default-domain-sid=d-1")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(XqrClient.class).hasSingleBean(ShortpenClient.class)
              .hasSingleBean(CarrierxClient.class);
          assertEquals(List.of("carrierxLinkClient", "shortpenLinkClient", "xqrLinkClient"),
              context.getBeansOfType(LinkClient.class).keySet().stream().sorted().toList());
          context.getBean(ShortpenClient.class).create(link("boot"));
          assertEquals(1, shortpen.links().size());
        });
  }

  @Test
  void customizersAndListenerBeansReachEveryClient() {
    List<String> customized = new CopyOnWriteArrayList<>();
    List<String> finished = new CopyOnWriteArrayList<>();
    runner.withPropertyValues(xqrProperties())
        .withBean(LinkClientBuilderCustomizer.class, () -> (provider, builder) -> {
          customized.add(provider);
          builder.userAgent("customized/1");
        })
        .withBean(LinkClientListener.class, () -> new LinkClientListener() {
          @Override
          public void operationFinished(OperationFinished event) {
            finished.add(event.provider() + " " + event.operation().label() + " " + event.outcome());
          }
        })
        .run(context -> {
          context.getBean(XqrClient.class).create(link("custom"));
          assertEquals(List.of("xqr"), customized);
          assertEquals(List.of("xqr create success"), finished);
          assertTrue(xqr.wireMock().getAllServeEvents().get(0).getRequest().getHeader("User-Agent").endsWith(" customized/1"));
        });
  }

  @Test
  void withAMeterRegistryTheClientsRecordMetrics() {
    runner.withPropertyValues(xqrProperties()).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasSingleBean(MicrometerListener.class);
      context.getBean(LinkClient.class).create(link("metered"));
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertEquals(1, meters.get(MicrometerListener.OPERATIONS)
          .tags("provider", "xqr", "operation", "create", "outcome", "success").timer().count());
    });
  }

  @Test
  void withoutAMeterRegistryOrMicrometerThereAreNoMetrics() {
    runner.withPropertyValues(xqrProperties()).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerListener.class);
      context.getBean(LinkClient.class).create(link("unmetered"));
    });
    runner.withPropertyValues(xqrProperties())
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class, MicrometerListener.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("polylinkMicrometerListener").hasBean("xqrLinkClient"));
  }

  @Test
  void theHealthIndicatorReportsTheLastRateLimitWithoutCallingTheVendor() {
    runner.withPropertyValues(xqrProperties()).run(context -> {
      PolylinkHealthIndicator indicator = context.getBean(PolylinkHealthIndicator.class);
      Health before = indicator.health();
      assertEquals(Status.UP, before.getStatus());
      assertEquals(Map.of("provider", "xqr", "rateLimit", "unknown"), before.getDetails().get("xqrLinkClient"));
      assertEquals(0, xqr.wireMock().getAllServeEvents().size());

      context.getBean(LinkClient.class).create(link("healthy"));
      int requests = xqr.wireMock().getAllServeEvents().size();
      @SuppressWarnings("unchecked")
      Map<String, Object> details = (Map<String, Object>) indicator.health().getDetails().get("xqrLinkClient");
      @SuppressWarnings("unchecked")
      Map<String, Object> rateLimit = (Map<String, Object>) details.get("rateLimit");
      assertEquals("monthly", rateLimit.get("window"));
      assertEquals(context.getBean(LinkClient.class).lastRateLimit().orElseThrow().remaining().getAsLong(), rateLimit.get("remaining"));
      assertEquals(requests, xqr.wireMock().getAllServeEvents().size());
    });
    runner.withPropertyValues(xqrProperties()).withPropertyValues("management.health.polylink.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PolylinkHealthIndicator.class));
  }
}
