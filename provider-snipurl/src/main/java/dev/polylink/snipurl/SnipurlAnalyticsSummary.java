package dev.polylink.snipurl;

import dev.polylink.core.DailyClicks;
import dev.polylink.core.spi.FrozenJson;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * SnipURL's account-wide analytics ({@code GET /api/v1/analytics/summary}): {@code total_links},
 * {@code active_links}, {@code total_clicks}, {@code clicks_over_time} and {@code top_links} (the
 * top 5). Each is empty when the answer lacks it; {@link #topLinks()} keeps the items as sent (their
 * members are not documented), and {@link #data()} the whole {@code data} object.
 */
@Value.Immutable
@ValueStyle
public abstract class SnipurlAnalyticsSummary {
  SnipurlAnalyticsSummary() {}

  /**
   * A builder, for tests and for the client's mapper; unset parts stay empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableSnipurlAnalyticsSummary.builder();
  }

  /** {@return the total links} */
  public abstract OptionalLong totalLinks();

  /** {@return the active links} */
  public abstract OptionalLong activeLinks();

  /** {@return the total clicks} */
  public abstract OptionalLong totalClicks();

  /** {@return {@code clicks_over_time} per day, where its items carry a date and a count} */
  public abstract Optional<List<DailyClicks>> clicksOverTime();

  /** {@return {@code top_links} as sent} */
  public abstract Optional<List<Map<String, Object>>> topLinks();

  /** {@return the answer's {@code data} as plain values} */
  @AllowNulls
  public abstract Map<String, Object> data();

  @Override
  public String toString() {
    return "SnipurlAnalyticsSummary{totalLinks=" + text(totalLinks()) + ", activeLinks=" + text(activeLinks())
        + ", totalClicks=" + text(totalClicks()) + ", clicksOverTime=" + clicksOverTime().orElse(null)
        + ", topLinks=" + topLinks().orElse(null) + "}";
  }

  private static String text(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "null";
  }

  /** Builds a {@link SnipurlAnalyticsSummary}; null-hostile. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableSnipurlAnalyticsSummary.Builder generated() {
      return (ImmutableSnipurlAnalyticsSummary.Builder) this;
    }

    /**
     * Sets {@code total_links}.
     *
     * @param totalLinks the links the account owns
     * @return this builder
     */
    public Builder totalLinks(long totalLinks) {
      return generated().setTotalLinks(totalLinks);
    }

    /**
     * Sets {@code active_links}.
     *
     * @param activeLinks the links that are active
     * @return this builder
     */
    public Builder activeLinks(long activeLinks) {
      return generated().setActiveLinks(activeLinks);
    }

    /**
     * Sets {@code total_clicks}.
     *
     * @param totalClicks the clicks over all links
     * @return this builder
     */
    public Builder totalClicks(long totalClicks) {
      return generated().setTotalClicks(totalClicks);
    }

    /**
     * Sets {@code clicks_over_time}, copied.
     *
     * @param clicksOverTime the clicks per day
     * @return this builder
     */
    public Builder clicksOverTime(Collection<DailyClicks> clicksOverTime) {
      return generated().setClicksOverTime(List.copyOf(clicksOverTime));
    }

    /**
     * Sets {@code top_links}: each item plain values (String, Boolean, Number, List, Map, null),
     * deep-copied.
     *
     * @param topLinks the top links as sent
     * @return this builder
     */
    public Builder topLinks(Collection<? extends Map<String, ?>> topLinks) {
      return generated().setTopLinks(topLinks.stream().map(FrozenJson::map).toList());
    }

    /**
     * Sets the answer's {@code data}: plain values (String, Boolean, Number, List, Map, null),
     * deep-copied.
     *
     * @param data the {@code data} object
     * @return this builder
     */
    public Builder data(Map<String, ?> data) {
      return generated().setData(FrozenJson.map(data));
    }

    /** {@return the summary} */
    public abstract SnipurlAnalyticsSummary build();
  }
}
