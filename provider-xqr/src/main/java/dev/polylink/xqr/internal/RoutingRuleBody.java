package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.polylink.xqr.RoutingRule;
import java.util.List;

/** One element of {@code routing_rules}: {@code {destination, priority, conditions}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RoutingRuleBody(
    @JsonProperty("destination") String destination,
    @JsonProperty("priority") int priority,
    @JsonProperty("conditions") RuleConditionsBody conditions) {

  static RoutingRuleBody of(RoutingRule rule) {
    return new RoutingRuleBody(rule.destination().toString(), rule.priority(), RuleConditionsBody.of(rule));
  }

  static List<RoutingRuleBody> of(List<RoutingRule> rules) {
    return rules.stream().map(RoutingRuleBody::of).collect(java.util.stream.Collectors.toUnmodifiableList());
  }
}
