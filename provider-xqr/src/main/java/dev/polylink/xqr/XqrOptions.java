package dev.polylink.xqr;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * xQR's typed extras for {@link CreateLinkRequest.Builder#options} and {@link
 * LinkPatch.Builder#options}: the link's Smart Routing rules.
 *
 * <pre>{@code
 * XqrOptions options = XqrOptions.builder()
 *     .routingRules(RoutingRule.builder()
 *         .destination("https://m.example.com/promo")
 *         .priority(2)
 *         .deviceTypes(DeviceType.MOBILE)
 *         .build())
 *     .build();
 * client.update(id, LinkPatch.builder().options(options).build());
 * }</pre>
 *
 * <p>The rules are tri-state, like a {@link LinkPatch} field: not set (nothing is sent), a list of
 * rules (sent as {@code routing_rules}, replacing the link's whole array, as xQR documents), or an
 * empty list, {@link Builder#clearRoutingRules()}, which removes every rule on update ({@code
 * "routing_rules": []}). On create an empty list sends nothing, since a new link has no rules.
 * Immutable, with value equality.
 */
@Value.Immutable
@ValueStyle
public abstract class XqrOptions implements ProviderOptions {
  XqrOptions() {}

  /** {@return a new builder with nothing set} */
  public static Builder builder() {
    return ImmutableXqrOptions.builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    return ImmutableXqrOptions.builder().from(this);
  }

  /** Always {@code "xqr"}. */
  @Override
  public String providerId() {
    return XqrClient.PROVIDER_ID;
  }

  /** {@return the routing rules to send: empty when not set; an empty list means "remove every rule"} */
  public abstract Optional<List<RoutingRule>> routingRules();

  /** The rules, or that none are set. Options carry no secrets. */
  @Override
  public String toString() {
    return routingRules().map(rules -> "XqrOptions{routingRules=" + rules + "}").orElse("XqrOptions{}");
  }

  /**
   * Two rules sharing a priority: xQR evaluates rules by priority, so the order between them would
   * be undefined.
   */
  @Value.Check
  void check() {
    Set<Integer> seen = new HashSet<>();
    Set<Integer> duplicates = new TreeSet<>();
    for (RoutingRule rule : routingRules().orElse(List.of())) {
      if (!seen.add(rule.priority())) {
        duplicates.add(rule.priority());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new RequestValidationException(
          XqrClient.PROVIDER_ID,
          "routingRules: each rule needs its own priority (repeated: " + duplicates + ")");
    }
  }

  /** Builds {@link XqrOptions}. A {@code null} argument is a {@link NullPointerException}. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableXqrOptions.Builder generated() {
      return (ImmutableXqrOptions.Builder) this;
    }

    /**
     * The routing rules, replacing the link's whole array; an empty iterable removes every rule (the
     * same as {@link #clearRoutingRules()}). Replaces an earlier call.
     *
     * @param routingRules the routing rules
     * @return this builder
     */
    public Builder routingRules(Iterable<RoutingRule> routingRules) {
      Objects.requireNonNull(routingRules, "routingRules");
      List<RoutingRule> copy = new ArrayList<>();
      for (RoutingRule rule : routingRules) {
        copy.add(Objects.requireNonNull(rule, "routingRules element"));
      }
      return generated().setRoutingRules(List.copyOf(copy));
    }

    /**
     * The routing rules, as {@link #routingRules(Iterable)}.
     *
     * @param routingRules the routing rules
     * @return this builder
     */
    public Builder routingRules(RoutingRule... routingRules) {
      return routingRules(Arrays.asList(Objects.requireNonNull(routingRules, "routingRules")));
    }

    /**
     * Removes every routing rule of the link on update ({@code "routing_rules": []}).
     *
     * @return this builder
     */
    public Builder clearRoutingRules() {
      return generated().setRoutingRules(List.of());
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws RequestValidationException when two rules share a priority: xQR evaluates rules by
     *     priority, so the order between them would be undefined
     */
    public abstract XqrOptions build();
  }
}
