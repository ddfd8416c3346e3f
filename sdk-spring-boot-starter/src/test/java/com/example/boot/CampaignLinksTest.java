package com.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.micrometer.MicrometerListener;
import dev.polylink.spring.PolylinkAutoConfiguration;
import dev.polylink.spring.PolylinkHealthAutoConfiguration;
import dev.polylink.spring.PolylinkMetricsAutoConfiguration;
import dev.polylink.testkit.EmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The README's Spring Boot example runs with the README's properties, against the xQR emulator. */
class CampaignLinksTest {
  @RegisterExtension
  static EmulatorExtension xqr = EmulatorExtension.of("xqr");

  static String[] readmeProperties() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = CampaignLinksTest.class.getResourceAsStream("/readme-application.properties")) {
      properties.load(in);
    }
    return properties.stringPropertyNames().stream().sorted().map(k -> k + "=" + properties.getProperty(k))
        .toArray(String[]::new);
  }

  @Test
  void launchesALinkThroughTheStartersClientWithMetrics() throws IOException {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            PolylinkAutoConfiguration.class, PolylinkMetricsAutoConfiguration.class, PolylinkHealthAutoConfiguration.class))
        .withPropertyValues(readmeProperties())
        .withPropertyValues("XQR_API_KEY=" + xqr.apiKey(), "polylink.xqr.base-url=" + xqr.baseUrl())
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withUserConfiguration(CampaignLinks.class, CampaignLinks.PolylinkSettings.class)
        .run(context -> {
          context.getBean(CampaignLinks.class).launch("https://example.com/spring", "spring-boot");
          assertEquals("https://example.com/spring", xqr.emulator().links().get(0).get("destination"));
          assertEquals(1, context.getBean(MeterRegistry.class).get(MicrometerListener.OPERATIONS).timer().count());
        });
  }
}
