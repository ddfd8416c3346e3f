package dev.polylink.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider can do, and the single source of truth for it: the provider validates requests
 * against these sets, its README table is checked against them, and the contract tests derive their
 * expectations from them.
 *
 * <p>Its builder rejects inconsistent capabilities (a clearable field that is not updatable, no
 * {@link LinkField#DESTINATION} on create, a page size below 1) with a {@link
 * RequestValidationException}.
 */
public final class Capabilities {
  private final Set<Operation> operations;
  private final Set<LinkField> creatableFields;
  private final Set<LinkField> updatableFields;
  private final Set<LinkField> clearableFields;
  private final Set<ListFilter> listFilters;
  private final int maxPageSize;

  private Capabilities(Builder b) {
    this.operations = frozen(b.operations, Operation.class);
    this.creatableFields = frozen(b.creatableFields, LinkField.class);
    this.updatableFields = frozen(b.updatableFields, LinkField.class);
    this.clearableFields = frozen(b.clearableFields, LinkField.class);
    this.listFilters = frozen(b.listFilters, ListFilter.class);
    this.maxPageSize = b.maxPageSize;
    List<String> violations = new ArrayList<>();
    if (!updatableFields.containsAll(clearableFields)) {
      Set<LinkField> notUpdatable = EnumSet.noneOf(LinkField.class);
      notUpdatable.addAll(clearableFields);
      notUpdatable.removeAll(updatableFields);
      violations.add("clearableFields: must also be updatable (not updatable: " + notUpdatable + ")");
    }
    if (!creatableFields.contains(LinkField.DESTINATION)) {
      violations.add("creatableFields: must include DESTINATION");
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER, violations);
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these capabilities, e.g. to derive a narrower set for a test double.
   *
   * @return a new builder holding this value's fields
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.operations.addAll(operations);
    b.creatableFields.addAll(creatableFields);
    b.updatableFields.addAll(updatableFields);
    b.clearableFields.addAll(clearableFields);
    b.listFilters.addAll(listFilters);
    b.maxPageSize = maxPageSize;
    return b;
  }

  /** {@return the operations the provider supports} */
  public Set<Operation> operations() {
    return operations;
  }

  /** {@return fields a {@link CreateLinkRequest} may set} */
  public Set<LinkField> creatableFields() {
    return creatableFields;
  }

  /** {@return fields a {@link LinkPatch} may set} */
  public Set<LinkField> updatableFields() {
    return updatableFields;
  }

  /** {@return fields a {@link LinkPatch} may clear (a subset of {@link #updatableFields()})} */
  public Set<LinkField> clearableFields() {
    return clearableFields;
  }

  /** {@return filters {@link LinkClient#list(ListLinksRequest)} honours} */
  public Set<ListFilter> listFilters() {
    return listFilters;
  }

  /** {@return the largest page size the vendor accepts} */
  public int maxPageSize() {
    return maxPageSize;
  }

  /**
   * Whether the provider can do {@code operation} at all.
   *
   * @param operation the operation
   * @return whether {@code operation} is in {@link #operations()}
   */
  public boolean supports(Operation operation) {
    return operations.contains(operation);
  }

  /**
   * Whether {@link LinkClient#list(ListLinksRequest)} honours {@code filter}.
   *
   * @param filter the filter
   * @return whether {@code filter} is in {@link #listFilters()}
   */
  public boolean supports(ListFilter filter) {
    return listFilters.contains(filter);
  }

  /**
   * Whether a create request may set {@code field}.
   *
   * @param field the field
   * @return whether {@code field} is in {@link #creatableFields()}
   */
  public boolean canCreate(LinkField field) {
    return creatableFields.contains(field);
  }

  /**
   * Whether a patch may set {@code field}.
   *
   * @param field the field
   * @return whether {@code field} is in {@link #updatableFields()}
   */
  public boolean canUpdate(LinkField field) {
    return updatableFields.contains(field);
  }

  /**
   * Whether a patch may clear {@code field} (send the vendor's own "remove").
   *
   * @param field the field
   * @return whether {@code field} is in {@link #clearableFields()}
   */
  public boolean canClear(LinkField field) {
    return clearableFields.contains(field);
  }

  /**
   * These capabilities as a Markdown table: a row per {@link LinkField} with columns create, update
   * and clear, then the operations, list filters and largest page (what each provider's README
   * shows, kept equal by a test).
   *
   * @return the table, one line per row, ending in a newline
   */
  public String markdownTable() {
    return dev.polylink.core.internal.CapabilityTable.markdown(this);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Capabilities)) {
      return false;
    }
    Capabilities c = (Capabilities) o;
    return operations.equals(c.operations)
        && creatableFields.equals(c.creatableFields)
        && updatableFields.equals(c.updatableFields)
        && clearableFields.equals(c.clearableFields)
        && listFilters.equals(c.listFilters)
        && maxPageSize == c.maxPageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(operations, creatableFields, updatableFields, clearableFields, listFilters, maxPageSize);
  }

  @Override
  public String toString() {
    return "Capabilities{operations=" + operations + ", create=" + creatableFields + ", update="
        + updatableFields + ", clear=" + clearableFields + ", listFilters=" + listFilters
        + ", maxPageSize=" + maxPageSize + "}";
  }

  private static <E extends Enum<E>> Set<E> frozen(Set<E> values, Class<E> type) {
    return Collections.unmodifiableSet(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
  }

  /** Builds {@link Capabilities}; every set starts empty. */
  public static final class Builder {
    private final Set<Operation> operations = EnumSet.noneOf(Operation.class);
    private final Set<LinkField> creatableFields = EnumSet.noneOf(LinkField.class);
    private final Set<LinkField> updatableFields = EnumSet.noneOf(LinkField.class);
    private final Set<LinkField> clearableFields = EnumSet.noneOf(LinkField.class);
    private final Set<ListFilter> listFilters = EnumSet.noneOf(ListFilter.class);
    private int maxPageSize = 100;

    private Builder() {}

    /**
     * Sets {@link Capabilities#operations()}.
     *
     * @param operations the value
     * @return this builder
     */
    public Builder operations(Operation... operations) {
      return add(this.operations, operations);
    }

    /**
     * Sets {@link Capabilities#creatableFields()}.
     *
     * @param fields the fields the provider cannot handle in that operation
     * @return this builder
     */
    public Builder creatableFields(LinkField... fields) {
      return add(creatableFields, fields);
    }

    /**
     * Sets {@link Capabilities#updatableFields()}.
     *
     * @param fields the fields the provider cannot handle in that operation
     * @return this builder
     */
    public Builder updatableFields(LinkField... fields) {
      return add(updatableFields, fields);
    }

    /**
     * Sets {@link Capabilities#clearableFields()}.
     *
     * @param fields the fields the provider cannot handle in that operation
     * @return this builder
     */
    public Builder clearableFields(LinkField... fields) {
      return add(clearableFields, fields);
    }

    /**
     * Sets {@link Capabilities#listFilters()}.
     *
     * @param filters the value
     * @return this builder
     */
    public Builder listFilters(ListFilter... filters) {
      return add(listFilters, filters);
    }

    /**
     * Sets {@link Capabilities#maxPageSize()}.
     *
     * @param maxPageSize the value
     * @return this builder
     */
    public Builder maxPageSize(int maxPageSize) {
      if (maxPageSize < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "maxPageSize: must be at least 1 (was " + maxPageSize + ")");
      }
      this.maxPageSize = maxPageSize;
      return this;
    }

    @SafeVarargs
    private <E> Builder add(Collection<E> target, E... values) {
      for (E value : values) {
        target.add(Objects.requireNonNull(value));
      }
      return this;
    }

    /**
     * Builds the {@code Capabilities}.
     *
     * @return a new, immutable {@code Capabilities}
     */
    public Capabilities build() {
      return new Capabilities(this);
    }
  }
}
