package dev.polylink.spring;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code polylink} health indicator, with Spring Boot's health support on the class path;
 * {@code management.health.polylink.enabled=false} switches it off.
 */
@AutoConfiguration(after = PolylinkAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("polylink")
public class PolylinkHealthAutoConfiguration {
  /**
   * The indicator.
   *
   * @param beans where it finds the clients
   * @return the indicator
   */
  @Bean
  @ConditionalOnMissingBean(name = "polylinkHealthIndicator")
  public PolylinkHealthIndicator polylinkHealthIndicator(ListableBeanFactory beans) {
    return new PolylinkHealthIndicator(beans);
  }
}
