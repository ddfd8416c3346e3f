package dev.polylink.core;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The account's plan, its limits and their usage, and the features its plan enables, as the vendor
 * reports them under the vendor's own names. Nothing here comes from a table in code: vendors' plan
 * tables and their accounts disagree (xQR's example shows "pro" with 50,000 calls where its plan
 * table says 1,000), so only the account's answer counts.
 *
 * <p>Use it to start pacing from the real limits ({@link #quota(String)}) and to find out before a
 * request that a plan lacks a feature ({@link #feature(String)}).
 */
@Value.Immutable
@ValueStyle
public abstract class AccountUsage {
  AccountUsage() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableAccountUsage.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableAccountUsage.builder().from(this);
  }

  /** {@return the plan's name as the vendor spells it, e.g. {@code "pro"}} */
  public abstract Optional<String> plan();

  /** {@return every limit reported, by the vendor's name, in the order they were added} */
  public abstract Map<String, Quota> quotas();

  /**
   * One limit by the vendor's name.
   * @param name the name
   * @return one limit by the vendor's name
   */
  public Optional<Quota> quota(String name) {
    return Optional.ofNullable(quotas().get(name));
  }

  /** {@return every feature flag reported, by the vendor's name (e.g. xQR's {@code bulk_ops}), in the order they were put} */
  public abstract Map<String, Boolean> features();

  /**
   * Whether the plan enables {@code name}; empty when the vendor does not say.
   * @param name the name
   * @return whether the plan enables {@code name}; empty when the vendor does not say
   */
  public Optional<Boolean> feature(String name) {
    return Optional.ofNullable(features().get(name));
  }

  /** {@return the vendor's answer as plain values} */
  public abstract Map<String, Object> providerFields();

  @Override
  public String toString() {
    return "AccountUsage{plan=" + plan().orElse(null) + ", quotas=" + quotas().values() + ", features="
        + features() + "}";
  }

  /** Builds {@link AccountUsage}; null-hostile. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableAccountUsage.Builder generated() {
      return (ImmutableAccountUsage.Builder) this;
    }

    /**
     * Sets {@code plan}.
     * @return this builder
     * @param plan the plan
     */
    public Builder plan(String plan) {
      return generated().setPlan(plan);
    }

    /**
     * Adds a limit, replacing one of the same name.
     * @param quota the quota
     * @return this builder
     */
    public Builder addQuota(Quota quota) {
      return generated().putQuotas(quota.name(), quota);
    }

    /**
     * Sets {@code quotas}.
     * @return this builder
     * @param quotas the quotas
     */
    public Builder quotas(Collection<Quota> quotas) {
      generated().setQuotas(Map.of());
      quotas.forEach(this::addQuota);
      return this;
    }

    /**
     * Sets {@code putFeature}.
     * @return this builder
     * @param name the name
     * @param enabled the enabled
     */
    public Builder putFeature(String name, boolean enabled) {
      return generated().putFeatures(Objects.requireNonNull(name, "name"), enabled);
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
    public abstract AccountUsage build();
  }
}
