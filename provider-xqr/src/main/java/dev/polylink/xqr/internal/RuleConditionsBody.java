package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.polylink.xqr.RoutingRule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A routing rule's {@code conditions} object, with only the conditions the rule sets: {@code
 * countries} + {@code country_mode} ({@code include}/{@code exclude}), {@code device_types}
 * ({@code mobile}/{@code tablet}/{@code desktop}), {@code hours {start, end}}, {@code percentage}
 * and {@code expires_at}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleConditionsBody(
    @JsonProperty("countries") List<String> countries,
    @JsonProperty("country_mode") String countryMode,
    @JsonProperty("device_types") List<String> deviceTypes,
    @JsonProperty("hours") HoursBody hours,
    @JsonProperty("percentage") Integer percentage,
    @JsonProperty("expires_at") Instant expiresAt) {

  static RuleConditionsBody of(RoutingRule rule) {
    return new RuleConditionsBody(
        rule.countries().isEmpty() ? null : rule.countries(),
        rule.countryMode().map(RuleConditionsBody::wire).orElse(null),
        rule.deviceTypes().isEmpty()
            ? null
            : rule.deviceTypes().stream().map(RuleConditionsBody::wire).collect(Collectors.toUnmodifiableList()),
        rule.hours().map(h -> new HoursBody(h.start(), h.end())).orElse(null),
        rule.percentage().isPresent() ? rule.percentage().getAsInt() : null,
        rule.expiresAt().map(RequestBodies::wholeSecondsUp).orElse(null));
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
