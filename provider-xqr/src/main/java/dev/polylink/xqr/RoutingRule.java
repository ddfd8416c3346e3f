package dev.polylink.xqr;

import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

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
@Value.Immutable
@ValueStyle
public abstract class RoutingRule {
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

  RoutingRule() {}

  /** {@return a new builder; {@code destination}, {@code priority} and one condition are required} */
  public static Builder builder() {
    return ImmutableRoutingRule.builder();
  }

  /** {@return a builder holding this rule's values} */
  public Builder toBuilder() {
    return ImmutableRoutingRule.builder().from(this);
  }

  /** {@return where matching visitors go} */
  public URI destination() {
    return givenDestination().orElseThrow();
  }

  /** {@return the evaluation order: the lowest number is checked first} */
  public int priority() {
    return givenPriority().getAsInt();
  }

  /** Empty only in a builder that lacks it: {@link #check()} then names it with the others. */
  abstract Optional<URI> givenDestination();

  abstract OptionalInt givenPriority();

  /** {@return the ISO country codes of the country condition, upper-case; empty when there is none} */
  public abstract List<String> countries();

  /** {@return how {@link #countries()} is read; present exactly when there are countries} */
  public abstract Optional<CountryMode> countryMode();

  /** {@return the device condition; empty when there is none} */
  public abstract Set<DeviceType> deviceTypes();

  /** {@return the time-of-day condition} */
  public abstract Optional<HourRange> hours();

  /** {@return the share of traffic, 0 to 100, sent to this destination (A/B tests)} */
  public abstract OptionalInt percentage();

  /** {@return when the rule stops applying} */
  public abstract Optional<Instant> expiresAt();

  /** The destination, priority and the conditions that are set. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RoutingRule{priority=").append(priority());
    sb.append(", destination=").append(destination());
    countryMode().ifPresent(mode ->
        sb.append(", countries=").append(mode.name().toLowerCase(Locale.ROOT)).append(countries()));
    if (!deviceTypes().isEmpty()) {
      sb.append(", deviceTypes=").append(deviceTypes());
    }
    hours().ifPresent(hours -> sb.append(", hours=").append(hours));
    percentage().ifPresent(percentage -> sb.append(", percentage=").append(percentage));
    expiresAt().ifPresent(expiresAt -> sb.append(", expiresAt=").append(expiresAt));
    return sb.append('}').toString();
  }

  @Value.Check
  void check() {
    List<String> violations = new ArrayList<>();
    if (givenDestination().isEmpty()) {
      violations.add("routingRule.destination: is required");
    }
    if (givenPriority().isEmpty()) {
      violations.add("routingRule.priority: is required");
    }
    if (countryMode().isEmpty() && deviceTypes().isEmpty() && hours().isEmpty()
        && percentage().isEmpty() && expiresAt().isEmpty()) {
      violations.add("routingRule.conditions: at least one condition is required (countries,"
          + " deviceTypes, hours, percentage or expiresAt); a rule without conditions would match"
          + " every visitor");
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(XqrClient.PROVIDER_ID, violations);
    }
  }

  /**
   * Builds a {@link RoutingRule}. A {@code null} argument is a {@link NullPointerException}; a
   * malformed value is a {@link RequestValidationException} naming the field, raised by the setter
   * or, for missing parts, by {@link #build()}.
   */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableRoutingRule.Builder generated() {
      return (ImmutableRoutingRule.Builder) this;
    }

    /**
     * Where matching visitors go: an absolute http or https URL. Required.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(String destination) {
      Objects.requireNonNull(destination, "destination");
      return generated().setGivenDestination(Checks.httpUrl(XqrClient.PROVIDER_ID, "routingRule.destination", destination));
    }

    /**
     * Where matching visitors go: an absolute http or https URL. Required.
     *
     * @param destination the destination
     * @return this builder
     */
    public Builder destination(URI destination) {
      Objects.requireNonNull(destination, "destination");
      return generated().setGivenDestination(Checks.httpUrl(XqrClient.PROVIDER_ID, "routingRule.destination", destination));
    }

    /**
     * The evaluation order, 0 or more; the lowest number is checked first. Required.
     *
     * @param priority the priority, 0 or more
     * @return this builder
     */
    public Builder priority(int priority) {
      if (priority < 0) {
        throw new RequestValidationException(
            XqrClient.PROVIDER_ID, "routingRule.priority: must be 0 or more (was " + priority + ")");
      }
      return generated().setGivenPriority(priority);
    }

    /**
     * The country condition: visitors from (or, with {@link CountryMode#EXCLUDE}, not from) these
     * two-letter ISO 3166-1 countries. Codes are sent upper-case. Replaces an earlier call.
     *
     * @param mode whether the countries are included or excluded
     * @param countries the two-letter country codes
     * @return this builder
     */
    public Builder countries(CountryMode mode, String... countries) {
      return countries(mode, Arrays.asList(Objects.requireNonNull(countries, "countries")));
    }

    /**
     * The country condition, as {@link #countries(CountryMode, String...)}.
     *
     * @param mode whether the countries are included or excluded
     * @param countries the two-letter country codes
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
      return generated().setCountries(codes).setCountryMode(mode);
    }

    /**
     * The device condition: visitors on one of these device types. Replaces an earlier call.
     *
     * @param deviceTypes the device types
     * @return this builder
     */
    public Builder deviceTypes(DeviceType... deviceTypes) {
      return deviceTypes(Arrays.asList(Objects.requireNonNull(deviceTypes, "deviceTypes")));
    }

    /**
     * The device condition, as {@link #deviceTypes(DeviceType...)}.
     *
     * @param deviceTypes the device types
     * @return this builder
     */
    public Builder deviceTypes(Collection<DeviceType> deviceTypes) {
      Objects.requireNonNull(deviceTypes, "deviceTypes");
      if (deviceTypes.isEmpty()) {
        throw new RequestValidationException(
            XqrClient.PROVIDER_ID, "routingRule.deviceTypes: must name at least one device type");
      }
      return generated().setDeviceTypes(deviceTypes);
    }

    /**
     * The time-of-day condition.
     *
     * @param hours the hours
     * @return this builder
     */
    public Builder hours(HourRange hours) {
      return generated().setHours(hours);
    }

    /**
     * The time-of-day condition from {@code start} to {@code end}, as {@link HourRange#of}.
     *
     * @param start the first hour
     * @param end the hour the range ends at
     * @return this builder
     */
    public Builder hours(int start, int end) {
      return hours(HourRange.of(start, end));
    }

    /**
     * The share of traffic, 0 to 100, to send to this destination (A/B tests).
     *
     * @param percentage the share of traffic, 0 to 100
     * @return this builder
     */
    public Builder percentage(int percentage) {
      return generated().setPercentage(
          Checks.inRange(XqrClient.PROVIDER_ID, "routingRule.percentage", percentage, 0, 100));
    }

    /**
     * When the rule stops applying.
     *
     * @param expiresAt the expiry time
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      return generated().setExpiresAt(expiresAt);
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws RequestValidationException naming every missing part: the destination, the
     *     priority, or a condition
     */
    public abstract RoutingRule build();
  }
}
