package dev.polylink.xqr;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
public final class XqrOptions implements ProviderOptions {
  private final List<RoutingRule> routingRules;

  private XqrOptions(Builder b) {
    this.routingRules = b.routingRules;
  }

  /**
   * A new builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.routingRules = routingRules;
    return b;
  }

  /** Always {@code "xqr"}. */
  @Override
  public String providerId() {
    return XqrClient.PROVIDER_ID;
  }

  /**
   * {@return the routing rules to send: empty when not set; an empty list means "remove every
   * rule"}
   */
  public Optional<List<RoutingRule>> routingRules() {
    return Optional.ofNullable(routingRules);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XqrOptions && Objects.equals(routingRules, ((XqrOptions) o).routingRules);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(routingRules);
  }

  /** The rules, or that none are set. Options carry no secrets. */
  @Override
  public String toString() {
    return routingRules == null ? "XqrOptions{}" : "XqrOptions{routingRules=" + routingRules + "}";
  }

  /** Builds {@link XqrOptions}. A {@code null} argument is a {@link NullPointerException}. */
  public static final class Builder {
    private List<RoutingRule> routingRules;

    private Builder() {}

    /**
     * The routing rules, replacing the link's whole array; an empty iterable removes every rule (the
     * same as {@link #clearRoutingRules()}). Replaces an earlier call.
     *
     * @param routingRules the routing rules, replacing the link's whole array; an empty iterable
     *     removes every rule (the same as {@link #clearRoutingRules()})
     * @return this builder
     */
    public Builder routingRules(Iterable<RoutingRule> routingRules) {
      Objects.requireNonNull(routingRules, "routingRules");
      List<RoutingRule> copy = new ArrayList<>();
      for (RoutingRule rule : routingRules) {
        copy.add(Objects.requireNonNull(rule, "routingRules element"));
      }
      this.routingRules = List.copyOf(copy);
      return this;
    }

    /**
     * The routing rules, as {@link #routingRules(Iterable)}.
     *
     * @param routingRules the routing rules, as {@link #routingRules(Iterable)}
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
      this.routingRules = List.of();
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws RequestValidationException when two rules share a priority: xQR evaluates rules by
     *     priority, so the order between them would be undefined
     */
    public XqrOptions build() {
      if (routingRules != null) {
        Set<Integer> seen = new java.util.HashSet<>();
        Set<Integer> duplicates = new TreeSet<>();
        for (RoutingRule rule : routingRules) {
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
      return new XqrOptions(this);
    }
  }
}
