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
public final class LinkStats {
  private final LinkId linkId;
  private final StatsRequest request;
  private final Long totalClicks;
  private final Instant lastClickedAt;
  private final List<DailyClicks> dailyClicks;
  private final List<ClickCount> countries;
  private final List<ClickCount> devices;
  private final List<ClickCount> browsers;
  private final List<ClickCount> referrers;
  private final Map<String, Object> providerFields;

  private LinkStats(Builder b) {
    this.linkId = Objects.requireNonNull(b.linkId, "linkId");
    this.request = b.request;
    this.totalClicks = b.totalClicks;
    this.lastClickedAt = b.lastClickedAt;
    this.dailyClicks = b.dailyClicks == null ? null
        : b.dailyClicks.stream().sorted(Comparator.comparing(DailyClicks::date)).toList();
    this.countries = ranked(b.countries);
    this.devices = ranked(b.devices);
    this.browsers = ranked(b.browsers);
    this.referrers = ranked(b.referrers);
    this.providerFields = b.providerFields;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.linkId = linkId;
    b.request = request;
    b.totalClicks = totalClicks;
    b.lastClickedAt = lastClickedAt;
    b.dailyClicks = dailyClicks;
    b.countries = countries;
    b.devices = devices;
    b.browsers = browsers;
    b.referrers = referrers;
    b.providerFields = providerFields;
    return b;
  }

  /** {@return the link these statistics are about} */
  public LinkId linkId() {
    return linkId;
  }

  /** {@return the range that was asked for ({@link StatsRequest#allTime()} when none)} */
  public StatsRequest request() {
    return request;
  }

  /** {@return all clicks counted, see the class comment for the range} */
  public OptionalLong totalClicks() {
    return totalClicks == null ? OptionalLong.empty() : OptionalLong.of(totalClicks);
  }

  /** {@return when the link was last followed} */
  public Optional<Instant> lastClickedAt() {
    return Optional.ofNullable(lastClickedAt);
  }

  /** {@return clicks per day, ordered by date; days the vendor does not list are not filled in} */
  public Optional<List<DailyClicks>> dailyClicks() {
    return Optional.ofNullable(dailyClicks);
  }

  /** {@return clicks per country, as the vendor names countries (usually ISO 3166 codes)} */
  public Optional<List<ClickCount>> countries() {
    return Optional.ofNullable(countries);
  }

  /** {@return clicks per device type} */
  public Optional<List<ClickCount>> devices() {
    return Optional.ofNullable(devices);
  }

  /** {@return clicks per browser} */
  public Optional<List<ClickCount>> browsers() {
    return Optional.ofNullable(browsers);
  }

  /** {@return clicks per referrer} */
  public Optional<List<ClickCount>> referrers() {
    return Optional.ofNullable(referrers);
  }

  /**
   * The vendor's answer as plain values (the {@code data} object where there is an envelope); empty
   * where the SDK aggregated raw events (ShortPen).
   * @return the provider fields, unmodifiable
   */
  public Map<String, Object> providerFields() {
    return providerFields;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LinkStats)) {
      return false;
    }
    LinkStats s = (LinkStats) o;
    return linkId.equals(s.linkId) && request.equals(s.request) && Objects.equals(totalClicks, s.totalClicks)
        && Objects.equals(lastClickedAt, s.lastClickedAt) && Objects.equals(dailyClicks, s.dailyClicks)
        && Objects.equals(countries, s.countries) && Objects.equals(devices, s.devices)
        && Objects.equals(browsers, s.browsers) && Objects.equals(referrers, s.referrers)
        && providerFields.equals(s.providerFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(linkId, request, totalClicks, lastClickedAt, dailyClicks, countries, devices, browsers,
        referrers, providerFields);
  }

  /** The aggregates; the provider fields are left out for brevity. */
  @Override
  public String toString() {
    return "LinkStats{linkId=" + linkId + ", request=" + request + ", totalClicks=" + totalClicks
        + ", lastClickedAt=" + lastClickedAt + ", dailyClicks=" + dailyClicks + ", countries=" + countries
        + ", devices=" + devices + ", browsers=" + browsers + ", referrers=" + referrers + "}";
  }

  private static List<ClickCount> ranked(List<ClickCount> counts) {
    if (counts == null) {
      return null;
    }
    List<ClickCount> copy = new ArrayList<>(counts);
    copy.sort(Comparator.comparingLong(ClickCount::clicks).reversed()); // stable: ties keep their order
    return List.copyOf(copy);
  }

  /** Builds {@link LinkStats}; {@link #linkId} is required, everything else starts empty. */
  public static final class Builder {
    private LinkId linkId;
    private StatsRequest request = StatsRequest.allTime();
    private Long totalClicks;
    private Instant lastClickedAt;
    private List<DailyClicks> dailyClicks;
    private List<ClickCount> countries;
    private List<ClickCount> devices;
    private List<ClickCount> browsers;
    private List<ClickCount> referrers;
    private Map<String, Object> providerFields = Map.of();

    private Builder() {}

    /**
     * Sets {@code linkId}.
     * @return this builder
     * @param linkId the link id
     */
    public Builder linkId(LinkId linkId) {
      this.linkId = Objects.requireNonNull(linkId, "linkId");
      return this;
    }

    /**
     * Sets {@code request}.
     * @return this builder
     * @param request the request
     */
    public Builder request(StatsRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      return this;
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
      this.totalClicks = totalClicks;
      return this;
    }

    /**
     * Sets {@code lastClickedAt}.
     * @return this builder
     * @param lastClickedAt the last clicked at
     */
    public Builder lastClickedAt(Instant lastClickedAt) {
      this.lastClickedAt = Objects.requireNonNull(lastClickedAt, "lastClickedAt");
      return this;
    }

    /**
     * Sets {@code dailyClicks}.
     * @return this builder
     * @param dailyClicks the daily clicks
     */
    public Builder dailyClicks(Collection<DailyClicks> dailyClicks) {
      this.dailyClicks = List.copyOf(dailyClicks);
      return this;
    }

    /**
     * Sets {@code countries}.
     * @return this builder
     * @param countries the countries
     */
    public Builder countries(Collection<ClickCount> countries) {
      this.countries = List.copyOf(countries);
      return this;
    }

    /**
     * Sets {@code devices}.
     * @return this builder
     * @param devices the devices
     */
    public Builder devices(Collection<ClickCount> devices) {
      this.devices = List.copyOf(devices);
      return this;
    }

    /**
     * Sets {@code browsers}.
     * @return this builder
     * @param browsers the browsers
     */
    public Builder browsers(Collection<ClickCount> browsers) {
      this.browsers = List.copyOf(browsers);
      return this;
    }

    /**
     * Sets {@code referrers}.
     * @return this builder
     * @param referrers the referrers
     */
    public Builder referrers(Collection<ClickCount> referrers) {
      this.referrers = List.copyOf(referrers);
      return this;
    }

    /**
     * Plain values only (String, Boolean, Number, List, Map), deep-copied.
     * @param providerFields the provider fields
     * @return this builder
     */
    public Builder providerFields(Map<String, ?> providerFields) {
      this.providerFields = PlainValues.freezeMap(Objects.requireNonNull(providerFields, "providerFields"));
      return this;
    }

    /** {@return the value built from this builder} */
    public LinkStats build() {
      return new LinkStats(this);
    }
  }
}
