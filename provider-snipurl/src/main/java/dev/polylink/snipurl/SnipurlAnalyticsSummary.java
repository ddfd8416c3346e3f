package dev.polylink.snipurl;

import dev.polylink.core.DailyClicks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * SnipURL's account-wide analytics ({@code GET /api/v1/analytics/summary}): {@code total_links},
 * {@code active_links}, {@code total_clicks}, {@code clicks_over_time} and {@code top_links} (the
 * top 5). Each is empty when the answer lacks it; {@link #topLinks()} keeps the items as sent (their
 * members are not documented), and {@link #data()} the whole {@code data} object.
 */
public final class SnipurlAnalyticsSummary {
  private final Long totalLinks;
  private final Long activeLinks;
  private final Long totalClicks;
  private final List<DailyClicks> clicksOverTime;
  private final List<Map<String, Object>> topLinks;
  private final Map<String, Object> data;

  SnipurlAnalyticsSummary(Long totalLinks, Long activeLinks, Long totalClicks, List<DailyClicks> clicksOverTime,
      List<Map<String, Object>> topLinks, Map<String, Object> data) {
    this.totalLinks = totalLinks;
    this.activeLinks = activeLinks;
    this.totalClicks = totalClicks;
    this.clicksOverTime = clicksOverTime;
    this.topLinks = topLinks;
    this.data = data;
  }

  /** {@return the total links} */
  public OptionalLong totalLinks() {
    return totalLinks == null ? OptionalLong.empty() : OptionalLong.of(totalLinks);
  }

  /** {@return the active links} */
  public OptionalLong activeLinks() {
    return activeLinks == null ? OptionalLong.empty() : OptionalLong.of(activeLinks);
  }

  /** {@return the total clicks} */
  public OptionalLong totalClicks() {
    return totalClicks == null ? OptionalLong.empty() : OptionalLong.of(totalClicks);
  }

  /** {@return {@code clicks_over_time} per day, where its items carry a date and a count} */
  public Optional<List<DailyClicks>> clicksOverTime() {
    return Optional.ofNullable(clicksOverTime);
  }

  /** {@return {@code top_links} as sent} */
  public Optional<List<Map<String, Object>>> topLinks() {
    return Optional.ofNullable(topLinks);
  }

  /** {@return the answer's {@code data} as plain values} */
  public Map<String, Object> data() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnipurlAnalyticsSummary && ((SnipurlAnalyticsSummary) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(data);
  }

  @Override
  public String toString() {
    return "SnipurlAnalyticsSummary{totalLinks=" + totalLinks + ", activeLinks=" + activeLinks + ", totalClicks="
        + totalClicks + ", clicksOverTime=" + clicksOverTime + ", topLinks=" + topLinks + "}";
  }
}
