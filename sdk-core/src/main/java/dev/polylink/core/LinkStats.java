package dev.polylink.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A link's click statistics as the vendor reports them. Every part is empty when the vendor did not
 * report it ({@link StatsCapabilities#fields()} says which parts a provider can fill); nothing is
 * derived from what the vendor did not say. A present but empty list means the vendor reported no
 * clicks in that dimension. Lists of {@link ClickCount} are ordered by clicks, most first (ties
 * keep the vendor's order); {@link #dailyClicks()} is ordered by date.
 *
 * <p>{@link #totalClicks()} counts the clicks of {@link #request()}'s range where one was given and
 * the vendor applies it, otherwise the link's whole life; each provider's javadoc says which.
 */
@Value.Immutable
@ValueStyle
public abstract class LinkStats {
  LinkStats() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableLinkStats.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableLinkStats.builder().from(this);
  }

  /** {@return the link these statistics are about} */
  public abstract LinkId linkId();

  /** {@return the range that was asked for ({@link StatsRequest#allTime()} when none)} */
  @Value.Default
  public StatsRequest request() {
    return StatsRequest.allTime();
  }

  /** {@return all clicks counted, see the class comment for the range} */
  public abstract OptionalLong totalClicks();

  /** {@return when the link was last followed} */
  public abstract Optional<Instant> lastClickedAt();

  /** {@return clicks per day, ordered by date; days the vendor does not list are not filled in} */
  public abstract Optional<List<DailyClicks>> dailyClicks();

  /** {@return clicks per country, as the vendor names countries (usually ISO 3166 codes)} */
  public abstract Optional<List<ClickCount>> countries();

  /** {@return clicks per device type} */
  public abstract Optional<List<ClickCount>> devices();

  /** {@return clicks per browser} */
  public abstract Optional<List<ClickCount>> browsers();

  /** {@return clicks per referrer} */
  public abstract Optional<List<ClickCount>> referrers();

  /**
   * The vendor's answer as plain values (the {@code data} object where there is an envelope); empty
   * where the SDK aggregated raw events (ShortPen).
   * @return the provider fields, unmodifiable
   */
  public abstract Map<String, Object> providerFields();

  /** The aggregates; the provider fields are left out for brevity. */
  @Override
  public String toString() {
    return "LinkStats{linkId=" + linkId() + ", request=" + request() + ", totalClicks="
        + (totalClicks().isPresent() ? totalClicks().getAsLong() : null) + ", lastClickedAt="
        + lastClickedAt().orElse(null) + ", dailyClicks=" + dailyClicks().orElse(null) + ", countries="
        + countries().orElse(null) + ", devices=" + devices().orElse(null) + ", browsers="
        + browsers().orElse(null) + ", referrers=" + referrers().orElse(null) + "}";
  }

  /** Builds {@link LinkStats}; {@link #linkId} is required, everything else starts empty. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableLinkStats.Builder generated() {
      return (ImmutableLinkStats.Builder) this;
    }

    /**
     * Sets {@code linkId}.
     * @return this builder
     * @param linkId the link id
     */
    public Builder linkId(LinkId linkId) {
      return generated().setLinkId(linkId);
    }

    /**
     * Sets {@code request}.
     * @return this builder
     * @param request the request
     */
    public Builder request(StatsRequest request) {
      return generated().setRequest(request);
    }

    /**
     * Sets {@code totalClicks}.
     * @return this builder
     * @param totalClicks the total clicks
     */
    public Builder totalClicks(long totalClicks) {
      if (totalClicks < 0) {
        throw new IllegalArgumentException("totalClicks must not be negative (was " + totalClicks + ")");
      }
      return generated().setTotalClicks(totalClicks);
    }

    /**
     * Sets {@code lastClickedAt}.
     * @return this builder
     * @param lastClickedAt the last clicked at
     */
    public Builder lastClickedAt(Instant lastClickedAt) {
      return generated().setLastClickedAt(lastClickedAt);
    }

    /**
     * Sets {@code dailyClicks}.
     * @return this builder
     * @param dailyClicks the daily clicks
     */
    public Builder dailyClicks(Collection<DailyClicks> dailyClicks) {
      return generated().setDailyClicks(
          dailyClicks.stream().map(Objects::requireNonNull).sorted(Comparator.comparing(DailyClicks::date)).toList());
    }

    /**
     * Sets {@code countries}.
     * @return this builder
     * @param countries the countries
     */
    public Builder countries(Collection<ClickCount> countries) {
      return generated().setCountries(ranked(countries));
    }

    /**
     * Sets {@code devices}.
     * @return this builder
     * @param devices the devices
     */
    public Builder devices(Collection<ClickCount> devices) {
      return generated().setDevices(ranked(devices));
    }

    /**
     * Sets {@code browsers}.
     * @return this builder
     * @param browsers the browsers
     */
    public Builder browsers(Collection<ClickCount> browsers) {
      return generated().setBrowsers(ranked(browsers));
    }

    /**
     * Sets {@code referrers}.
     * @return this builder
     * @param referrers the referrers
     */
    public Builder referrers(Collection<ClickCount> referrers) {
      return generated().setReferrers(ranked(referrers));
    }

    /**
     * Plain values only (String, Boolean, Number, List, Map), deep-copied.
     * @param providerFields the provider fields
     * @return this builder
     */
    public Builder providerFields(Map<String, ?> providerFields) {
      return generated().setProviderFields(PlainValues.freezeMap(Objects.requireNonNull(providerFields, "providerFields")));
    }

    /** {@return the value built from this builder} */
    public abstract LinkStats build();

    /** Most clicks first; the sort is stable, so ties keep the vendor's order. */
    private static List<ClickCount> ranked(Collection<ClickCount> counts) {
      List<ClickCount> copy = new ArrayList<>(List.copyOf(counts));
      copy.sort(Comparator.comparingLong(ClickCount::clicks).reversed());
      return List.copyOf(copy);
    }
  }
}
