package dev.polylink.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's plan, its limits and their usage, and the features its plan enables, as the vendor
 * reports them under the vendor's own names. Nothing here comes from a table in code: vendors' plan
 * tables and their accounts disagree (xQR's example shows "pro" with 50,000 calls where its plan
 * table says 1,000), so only the account's answer counts.
 *
 * <p>Use it to start pacing from the real limits ({@link #quota(String)}) and to find out before a
 * request that a plan lacks a feature ({@link #feature(String)}).
 */
public final class AccountUsage {
  private final String plan;
  private final Map<String, Quota> quotas;
  private final Map<String, Boolean> features;
  private final Map<String, Object> providerFields;

  private AccountUsage(Builder b) {
    this.plan = b.plan;
    this.quotas = Map.copyOf(b.quotas);
    this.features = Map.copyOf(b.features);
    this.providerFields = b.providerFields;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.plan = plan;
    b.quotas.putAll(quotas);
    b.features.putAll(features);
    b.providerFields = providerFields;
    return b;
  }

  /** {@return the plan's name as the vendor spells it, e.g. {@code "pro"}} */
  public Optional<String> plan() {
    return Optional.ofNullable(plan);
  }

  /** {@return every limit reported, by the vendor's name} */
  public Map<String, Quota> quotas() {
    return quotas;
  }

  /**
   * One limit by the vendor's name.
   * @param name the name
   * @return one limit by the vendor's name
   */
  public Optional<Quota> quota(String name) {
    return Optional.ofNullable(quotas.get(name));
  }

  /** {@return every feature flag reported, by the vendor's name (e.g. xQR's {@code bulk_ops})} */
  public Map<String, Boolean> features() {
    return features;
  }

  /**
   * Whether the plan enables {@code name}; empty when the vendor does not say.
   * @param name the name
   * @return whether the plan enables {@code name}; empty when the vendor does not say
   */
  public Optional<Boolean> feature(String name) {
    return Optional.ofNullable(features.get(name));
  }

  /** {@return the vendor's answer as plain values} */
  public Map<String, Object> providerFields() {
    return providerFields;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccountUsage)) {
      return false;
    }
    AccountUsage a = (AccountUsage) o;
    return Objects.equals(plan, a.plan) && quotas.equals(a.quotas) && features.equals(a.features)
        && providerFields.equals(a.providerFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(plan, quotas, features, providerFields);
  }

  @Override
  public String toString() {
    return "AccountUsage{plan=" + plan + ", quotas=" + quotas.values() + ", features=" + features + "}";
  }

  /** Builds {@link AccountUsage}; null-hostile. */
  public static final class Builder {
    private String plan;
    private final Map<String, Quota> quotas = new LinkedHashMap<>();
    private final Map<String, Boolean> features = new LinkedHashMap<>();
    private Map<String, Object> providerFields = Map.of();

    private Builder() {}

    /**
     * Sets {@code plan}.
     * @return this builder
     * @param plan the plan
     */
    public Builder plan(String plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /**
     * Adds a limit, replacing one of the same name.
     * @param quota the quota
     * @return this builder
     */
    public Builder addQuota(Quota quota) {
      quotas.put(quota.name(), quota);
      return this;
    }

    /**
     * Sets {@code quotas}.
     * @return this builder
     * @param quotas the quotas
     */
    public Builder quotas(Collection<Quota> quotas) {
      this.quotas.clear();
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
      features.put(Objects.requireNonNull(name, "name"), enabled);
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
    public AccountUsage build() {
      return new AccountUsage(this);
    }
  }
}
