package dev.polylink.core;

/**
 * The account's plan lacks a feature the request needs, as the account's own usage answer says
 * ({@link AccountUsage#feature(String)} is {@code false}). Raised before the request that the vendor
 * would refuse with 403, so nothing was sent.
 */
public class FeatureNotAvailableException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /** The operation that was asked for. */
  private final Operation operation;
  /** The vendor's name of the missing feature. */
  private final String feature;

  /**
   * Creates the exception.
   * @param providerId the provider id
   * @param operation the operation
   * @param feature the feature
   * @param plan the plan
   */
  public FeatureNotAvailableException(String providerId, Operation operation, String feature, String plan) {
    super(providerId, providerId + ": the plan" + (plan == null ? "" : " '" + plan + "'") + " does not include "
        + feature + ", which " + operation.label() + " needs here; nothing was sent");
    this.operation = operation;
    this.feature = feature;
  }

  /** {@return the operation that was asked for} */
  public Operation operation() {
    return operation;
  }

  /** {@return the vendor's name of the missing feature, e.g. {@code routing_rules}} */
  public String feature() {
    return feature;
  }
}
