package dev.polylink.spring;

import dev.polylink.core.LinkClient;
import dev.polylink.core.RateLimitStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports each {@link LinkClient} bean's last known rate-limit state, from {@link
 * LinkClient#lastRateLimit()}: it never calls a vendor. Always UP (a used-up quota is not an
 * outage); the details per client bean are its provider and {@code rateLimit} ({@code limit}, {@code
 * remaining}, {@code resetAt}, {@code window}, each only when the vendor said it), or {@code
 * "unknown"} before any response carried one.
 */
public class PolylinkHealthIndicator implements HealthIndicator {
  private final ListableBeanFactory beans;

  /**
   * An indicator of the clients in a bean factory.
   *
   * @param beans where the clients are found, at each health check
   */
  public PolylinkHealthIndicator(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    new TreeMap<>(beans.getBeansOfType(LinkClient.class)).forEach((name, client) -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("provider", client.providerId());
      details.put("rateLimit", client.lastRateLimit().<Object>map(PolylinkHealthIndicator::describe).orElse("unknown"));
      health.withDetail(name, details);
    });
    return health.build();
  }

  private static Map<String, Object> describe(RateLimitStatus status) {
    Map<String, Object> details = new LinkedHashMap<>();
    status.limit().ifPresent(v -> details.put("limit", v));
    status.remaining().ifPresent(v -> details.put("remaining", v));
    status.resetAt().ifPresent(v -> details.put("resetAt", v.toString()));
    status.window().ifPresent(v -> details.put("window", v));
    return details;
  }
}
