package dev.polylink.xqr;

import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One xQR Smart Routing rule: visitors who meet the rule's conditions go to its destination instead
 * of the link's own URL. xQR checks rules from the lowest {@link #priority()} up and the first match
 * wins; when none matches, the link's URL is used. Pass rules through {@link XqrOptions}.
 *
 * <pre>{@code
 * RoutingRule germanSpeaking = RoutingRule.builder()
 *     .destination("https://example.de/promo")
 *     .priority(1)
 *     .countries(CountryMode.INCLUDE, "DE", "AT", "CH")
 *     .build();
 * RoutingRule nightOwls = RoutingRule.builder()
 *     .destination("https://example.com/night-offer")
 *     .priority(3)
 *     .hours(HourRange.of(20, 6))
 *     .build();
 * }</pre>
 *
 * <p>Sent as {@code {"destination", "priority", "conditions": {"countries", "country_mode",
 * "device_types", "hours": {"start", "end"}, "percentage", "expires_at"}}}, with only the conditions
 * that are set. Choices where xQR's documentation is silent (the Smart Routing guide does not say
 * how several conditions combine, nor the largest number of rules): a rule must carry at least one
 * condition, because a rule without any would match every visitor and hide the link's own URL;
 * {@code priority} is a whole number from 0 up; {@code percentage} is from 0 to 100; country codes
 * are two-letter ISO 3166-1 codes, sent upper-case. No limit on the number of rules is enforced.
 */
public final class RoutingRule {
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

  private final URI destination;
  private final int priority;
  private final List<String> countries;
  private final CountryMode countryMode;
  private final Set<DeviceType> deviceTypes;
  private final HourRange hours;
  private final Integer percentage;
  private final Instant expiresAt;

  private RoutingRule(Builder b) {
    this.destination = b.destination;
    this.priority = b.priority;
    this.countries = b.countries;
    this.countryMode = b.countryMode;
    this.deviceTypes = b.deviceTypes;
    this.hours = b.hours;
    this.percentage = b.percentage;
    this.expiresAt = b.expiresAt;
  }

  /**
   * A new builder; {@code destination}, {@code priority} and one condition are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this rule's values.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.destination = destination;
    b.priority = priority;
    b.prioritySet = true;
    b.countries = countries;
    b.countryMode = countryMode;
    b.deviceTypes = deviceTypes;
    b.hours = hours;
    b.percentage = percentage;
    b.expiresAt = expiresAt;
    return b;
  }

  /** {@return where matching visitors go} */
  public URI destination() {
    return destination;
  }

  /** {@return the evaluation order: the lowest number is checked first} */
  public int priority() {
    return priority;
  }

  /** {@return the ISO country codes of the country condition, upper-case; empty when there is none} */
  public List<String> countries() {
    return countries;
  }

  /** {@return how {@link #countries()} is read; present exactly when there are countries} */
  public Optional<CountryMode> countryMode() {
    return Optional.ofNullable(countryMode);
  }

  /** {@return the device condition; empty when there is none} */
  public Set<DeviceType> deviceTypes() {
    return deviceTypes;
  }

  /** {@return the time-of-day condition} */
  public Optional<HourRange> hours() {
    return Optional.ofNullable(hours);
  }

  /** {@return the share of traffic, 0 to 100, sent to this destination (A/B tests)} */
  public OptionalInt percentage() {
    return percentage == null ? OptionalInt.empty() : OptionalInt.of(percentage);
  }

  /** {@return when the rule stops applying} */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RoutingRule)) {
      return false;
    }
    RoutingRule r = (RoutingRule) o;
    return priority == r.priority
        && destination.equals(r.destination)
        && countries.equals(r.countries)
        && countryMode == r.countryMode
        && deviceTypes.equals(r.deviceTypes)
        && Objects.equals(hours, r.hours)
        && Objects.equals(percentage, r.percentage)
        && Objects.equals(expiresAt, r.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(destination, priority, countries, countryMode, deviceTypes, hours, percentage, expiresAt);
  }

  /** The destination, priority and the conditions that are set. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RoutingRule{priority=").append(priority);
    sb.append(", destination=").append(destination);
    if (countryMode != null) {
      sb.append(", countries=").append(countryMode.name().toLowerCase(Locale.ROOT)).append(countries);
    }
    if (!deviceTypes.isEmpty()) {
      sb.append(", deviceTypes=").append(deviceTypes);
    }
    if (hours != null) {
      sb.append(", hours=").append(hours);
    }
    if (percentage != null) {
      sb.append(", percentage=").append(percentage);
    }
    if (expiresAt != null) {
      sb.append(", expiresAt=").append(expiresAt);
    }
    return sb.append('}').toString();
  }

  /**
   * Builds a {@link RoutingRule}. A {@code null} argument is a {@link NullPointerException}; a
   * malformed value is a {@link RequestValidationException} naming the field, raised by the setter
   * or, for missing parts, by {@link #build()}.
   */
  public static final class Builder {
    private URI destination;
    private int priority;
    private boolean prioritySet;
    private List<String> countries = List.of();
    private CountryMode countryMode;
    private Set<DeviceType> deviceTypes = Set.of();
    private HourRange hours;
    private Integer percentage;
    private Instant expiresAt;

    private Builder() {}

    /**
     * Where matching visitors go: an absolute http or https URL. Required.
     *
     * @param destination where matching visitors go: an absolute http or https URL
     * @return this builder
     */
    public Builder destination(String destination) {
      Objects.requireNonNull(destination, "destination");
      this.destination = Checks.httpUrl(XqrClient.PROVIDER_ID, "routingRule.destination", destination);
      return this;
    }

    /**
     * Where matching visitors go: an absolute http or https URL. Required.
     *
     * @param destination where matching visitors go: an absolute http or https URL
     * @return this builder
     */
    public Builder destination(URI destination) {
      Objects.requireNonNull(destination, "destination");
      this.destination = Checks.httpUrl(XqrClient.PROVIDER_ID, "routingRule.destination", destination);
      return this;
    }

    /**
     * The evaluation order, 0 or more; the lowest number is checked first. Required.
     *
     * @param priority the evaluation order, 0 or more; the lowest number is checked first
     * @return this builder
     */
    public Builder priority(int priority) {
      if (priority < 0) {
        throw new RequestValidationException(
            XqrClient.PROVIDER_ID, "routingRule.priority: must be 0 or more (was " + priority + ")");
      }
      this.priority = priority;
      this.prioritySet = true;
      return this;
    }

    /**
     * The country condition: visitors from (or, with {@link CountryMode#EXCLUDE}, not from) these
     * two-letter ISO 3166-1 countries. Codes are sent upper-case. Replaces an earlier call.
     *
     * @param mode whether the countries are included or excluded
     * @param countries the country condition: visitors from (or, with {@link CountryMode#EXCLUDE},
     *     not from) these two-letter ISO 3166-1 countries
     * @return this builder
     */
    public Builder countries(CountryMode mode, String... countries) {
      return countries(mode, Arrays.asList(Objects.requireNonNull(countries, "countries")));
    }

    /**
     * The country condition, as {@link #countries(CountryMode, String...)}.
     *
     * @param mode whether the countries are included or excluded
     * @param countries the country condition, as {@link #countries(CountryMode, String...)}
     * @return this builder
     */
    public Builder countries(CountryMode mode, Collection<String> countries) {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(countries, "countries");
      if (countries.isEmpty()) {
        throw new RequestValidationException(
            XqrClient.PROVIDER_ID, "routingRule.countries: must name at least one country");
      }
      List<String> codes = new ArrayList<>();
      for (String code : countries) {
        Objects.requireNonNull(code, "countries element");
        Checks.matches(XqrClient.PROVIDER_ID, "routingRule.countries", code, COUNTRY,
            "must be two-letter ISO 3166-1 country codes");
        codes.add(code.toUpperCase(Locale.ROOT));
      }
      this.countries = List.copyOf(codes);
      this.countryMode = mode;
      return this;
    }

    /**
     * The device condition: visitors on one of these device types. Replaces an earlier call.
     *
     * @param deviceTypes the device condition: visitors on one of these device types
     * @return this builder
     */
    public Builder deviceTypes(DeviceType... deviceTypes) {
      return deviceTypes(Arrays.asList(Objects.requireNonNull(deviceTypes, "deviceTypes")));
    }

    /**
     * The device condition, as {@link #deviceTypes(DeviceType...)}.
     *
     * @param deviceTypes the device condition, as {@link #deviceTypes(DeviceType...)}
     * @return this builder
     */
    public Builder deviceTypes(Collection<DeviceType> deviceTypes) {
      Objects.requireNonNull(deviceTypes, "deviceTypes");
      if (deviceTypes.isEmpty()) {
        throw new RequestValidationException(
            XqrClient.PROVIDER_ID, "routingRule.deviceTypes: must name at least one device type");
      }
      EnumSet<DeviceType> set = EnumSet.noneOf(DeviceType.class);
      for (DeviceType type : deviceTypes) {
        set.add(Objects.requireNonNull(type, "deviceTypes element"));
      }
      this.deviceTypes = Collections.unmodifiableSet(set);
      return this;
    }

    /**
     * The time-of-day condition.
     *
     * @param hours the time-of-day condition
     * @return this builder
     */
    public Builder hours(HourRange hours) {
      this.hours = Objects.requireNonNull(hours, "hours");
      return this;
    }

    /**
     * The time-of-day condition from {@code start} to {@code end}, as {@link HourRange#of}.
     *
     * @param start the first hour, 0 to 23
     * @param end the hour after the last, 1 to 24
     * @return this builder
     */
    public Builder hours(int start, int end) {
      return hours(HourRange.of(start, end));
    }

    /**
     * The share of traffic, 0 to 100, to send to this destination (A/B tests).
     *
     * @param percentage the share of traffic, 0 to 100, to send to this destination (A/B tests)
     * @return this builder
     */
    public Builder percentage(int percentage) {
      this.percentage =
          Checks.inRange(XqrClient.PROVIDER_ID, "routingRule.percentage", percentage, 0, 100);
      return this;
    }

    /**
     * When the rule stops applying.
     *
     * @param expiresAt when the rule stops applying
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws RequestValidationException naming every missing part: the destination, the
     *     priority, or a condition
     */
    public RoutingRule build() {
      List<String> violations = new ArrayList<>();
      if (destination == null) {
        violations.add("routingRule.destination: is required");
      }
      if (!prioritySet) {
        violations.add("routingRule.priority: is required");
      }
      if (countryMode == null && deviceTypes.isEmpty() && hours == null && percentage == null
          && expiresAt == null) {
        violations.add("routingRule.conditions: at least one condition is required (countries,"
            + " deviceTypes, hours, percentage or expiresAt); a rule without conditions would match"
            + " every visitor");
      }
      if (!violations.isEmpty()) {
        throw new RequestValidationException(XqrClient.PROVIDER_ID, violations);
      }
      return new RoutingRule(this);
    }
  }
}
