/**
 * Spring Boot 4.0 auto-configuration for Polylink: {@link dev.polylink.spring.PolylinkAutoConfiguration}
 * (a client bean per {@code polylink.<provider>.*}), {@link
 * dev.polylink.spring.PolylinkMetricsAutoConfiguration} (Micrometer) and {@link
 * dev.polylink.spring.PolylinkHealthAutoConfiguration} (health).
 */
package dev.polylink.spring;
