package dev.polylink.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a provider can do, and the single source of truth for it: the provider validates requests
 * against these sets, its README table is checked against them, and the contract tests derive their
 * expectations from them.
 *
 * <p>Its builder rejects inconsistent capabilities (a clearable field that is not updatable, no
 * {@link LinkField#DESTINATION} on create, a page size below 1, {@link Operation#QR_CODE} or {@link
 * Operation#STATS} without their formats or fields, or the other way round) with a {@link
 * RequestValidationException}.
 */
@Value.Immutable
@ValueStyle
public abstract class Capabilities {
  Capabilities() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableCapabilities.builder();
  }

  /**
   * A builder holding these capabilities, e.g. to derive a narrower set for a test double.
   *
   * @return a builder holding these capabilities
   */
  public Builder toBuilder() {
    return ImmutableCapabilities.builder().from(this);
  }

  /** {@return the operations the provider supports} */
  public abstract Set<Operation> operations();

  /** {@return the fields a {@link CreateLinkRequest} may set} */
  public abstract Set<LinkField> creatableFields();

  /** {@return the fields a {@link LinkPatch} may set} */
  public abstract Set<LinkField> updatableFields();

  /** {@return the fields a {@link LinkPatch} may clear (a subset of {@link #updatableFields()})} */
  public abstract Set<LinkField> clearableFields();

  /** {@return the filters {@link LinkClient#list(ListLinksRequest)} honours} */
  public abstract Set<ListFilter> listFilters();

  /** {@return the largest page size the vendor accepts} */
  @Value.Default
  public int maxPageSize() {
    return 100;
  }

  /**
   * {@return the formats and sizes of {@link LinkClient#qrCode}; {@link QrCapabilities#none()}
   * without it}
   */
  @Value.Default
  public QrCapabilities qrCodes() {
    return QrCapabilities.none();
  }

  /** {@return what {@link LinkClient#stats} reports; {@link StatsCapabilities#none()} without it} */
  @Value.Default
  public StatsCapabilities stats() {
    return StatsCapabilities.none();
  }

  /**
   * {@return the operations with a native bulk endpoint, and its batch size} Operations missing here
   * still work in bulk through {@link LinkClient#createAll}, {@link LinkClient#updateAll(Map)} and
   * {@link LinkClient#deleteAll}, as one request per item.
   */
  public abstract Map<Operation, BulkSupport> bulkOperations();

  /**
   * {@return the vendor's native bulk endpoint for {@code operation}, or empty when the bulk methods
   * send one request per item for it}
   *
   * @param operation an operation, e.g. {@link Operation#CREATE}
   */
  public Optional<BulkSupport> bulk(Operation operation) {
    return Optional.ofNullable(bulkOperations().get(operation));
  }

  /**
   * {@return whether the provider supports {@code operation}}
   *
   * @param operation an operation
   */
  public boolean supports(Operation operation) {
    return operations().contains(operation);
  }

  /**
   * {@return whether {@link LinkClient#list(ListLinksRequest)} honours {@code filter}}
   *
   * @param filter a list filter
   */
  public boolean supports(ListFilter filter) {
    return listFilters().contains(filter);
  }

  /**
   * {@return whether a {@link CreateLinkRequest} may set {@code field}}
   *
   * @param field a link field
   */
  public boolean canCreate(LinkField field) {
    return creatableFields().contains(field);
  }

  /**
   * {@return whether a {@link LinkPatch} may set {@code field}}
   *
   * @param field a link field
   */
  public boolean canUpdate(LinkField field) {
    return updatableFields().contains(field);
  }

  /**
   * {@return whether a {@link LinkPatch} may clear {@code field}}
   *
   * @param field a link field
   */
  public boolean canClear(LinkField field) {
    return clearableFields().contains(field);
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

  @Value.Check
  void check() {
    List<String> violations = new ArrayList<>();
    if (!updatableFields().containsAll(clearableFields())) {
      Set<LinkField> notUpdatable = EnumSet.noneOf(LinkField.class);
      notUpdatable.addAll(clearableFields());
      notUpdatable.removeAll(updatableFields());
      violations.add("clearableFields: must also be updatable (not updatable: " + notUpdatable + ")");
    }
    if (!creatableFields().contains(LinkField.DESTINATION)) {
      violations.add("creatableFields: must include DESTINATION");
    }
    if (operations().contains(Operation.QR_CODE) != qrCodes().supported()) {
      violations.add("qrCodes: must list formats exactly when operations include QR_CODE");
    }
    if (operations().contains(Operation.STATS) != stats().supported()) {
      violations.add("stats: must list fields exactly when operations include STATS");
    }
    for (Operation operation : bulkOperations().keySet()) {
      if (!operations().contains(operation)) {
        violations.add("bulkOperations: " + operation.label() + " is not among the operations");
      }
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER, violations);
    }
  }

  @Override
  public String toString() {
    return "Capabilities{operations=" + operations() + ", create=" + creatableFields() + ", update="
        + updatableFields() + ", clear=" + clearableFields() + ", listFilters=" + listFilters()
        + ", maxPageSize=" + maxPageSize()
        + (qrCodes().supported() ? ", qrCodes=" + qrCodes() : "")
        + (stats().supported() ? ", stats=" + stats() : "")
        + (bulkOperations().isEmpty() ? "" : ", bulk=" + bulkOperations()) + "}";
  }

  /** Builds {@link Capabilities}; every set starts empty. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableCapabilities.Builder generated() {
      return (ImmutableCapabilities.Builder) this;
    }

    /**
     * Sets the operations.
     *
     * @param operations the operations
     * @return this builder
     */
    public Builder operations(Operation... operations) {
      return generated().addOperationsElement(operations);
    }

    /**
     * Sets the creatable fields.
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder creatableFields(LinkField... fields) {
      return generated().addCreatableFieldsElement(fields);
    }

    /**
     * Sets the updatable fields.
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder updatableFields(LinkField... fields) {
      return generated().addUpdatableFieldsElement(fields);
    }

    /**
     * Clears the able fields.
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder clearableFields(LinkField... fields) {
      return generated().addClearableFieldsElement(fields);
    }

    /**
     * Sets the list filters.
     *
     * @param filters the filters
     * @return this builder
     */
    public Builder listFilters(ListFilter... filters) {
      return generated().addListFiltersElement(filters);
    }

    /**
     * Sets the largest page size, at least 1.
     *
     * @param maxPageSize the largest page size, at least 1
     * @return this builder
     */
    public Builder maxPageSize(int maxPageSize) {
      if (maxPageSize < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "maxPageSize: must be at least 1 (was " + maxPageSize + ")");
      }
      return generated().setMaxPageSize(maxPageSize);
    }

    /**
     * Sets {@link Capabilities#qrCodes()}; needs {@link Operation#QR_CODE} among the operations.
     *
     * @param qrCodes the QR formats and sizes
     * @return this builder
     */
    public Builder qrCodes(QrCapabilities qrCodes) {
      return generated().setQrCodes(qrCodes);
    }

    /**
     * Sets {@link Capabilities#stats()}; needs {@link Operation#STATS} among the operations.
     *
     * @param stats what the statistics report
     * @return this builder
     */
    public Builder stats(StatsCapabilities stats) {
      return generated().setStats(stats);
    }

    /**
     * Declares a native bulk endpoint for {@code operation} taking up to {@code maxBatchSize} items
     * a request; the operation must be among {@link #operations}.
     *
     * @param operation the operation, e.g. {@link Operation#CREATE}
     * @param maxBatchSize the most items one request carries, at least 1
     * @return this builder
     */
    public Builder bulk(Operation operation, int maxBatchSize) {
      return generated().putBulkOperations(operation, BulkSupport.of(maxBatchSize));
    }

    /**
     * Builds the capabilities.
     *
     * @return the capabilities
     * @throws RequestValidationException naming each inconsistency
     */
    public abstract Capabilities build();
  }
}
