package dev.polylink.spring;

import dev.polylink.micrometer.MicrometerListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds a {@link MicrometerListener} to every Polylink client when the application has a {@link
 * MeterRegistry} bean (and {@code sdk-micrometer} on the class path), with observations when it also
 * has an {@link ObservationRegistry}.
 */
@AutoConfiguration(
    before = PolylinkAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, MicrometerListener.class})
@ConditionalOnBean(MeterRegistry.class)
public class PolylinkMetricsAutoConfiguration {
  /**
   * The listener recording Polylink's meters and observations.
   *
   * @param meterRegistry the application's registry
   * @param observationRegistry the application's observation registry, if it has one
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerListener polylinkMicrometerListener(
      MeterRegistry meterRegistry, ObjectProvider<ObservationRegistry> observationRegistry) {
    return MicrometerListener.create(meterRegistry, observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
  }
}
