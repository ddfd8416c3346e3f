package dev.polylink.core;

/**
 * The provider cannot do this operation at all (a QR image from CarrierX, say), as its {@link
 * Capabilities#operations()} say. Raised before any request, like {@link UnsupportedFieldException}
 * for fields.
 */
public class OperationNotSupportedException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /** The operation that was asked for. */
  private final Operation operation;

  /**
   * Creates the exception.
   * @param providerId the provider id
   * @param operation the operation
   * @param detail the detail
   */
  public OperationNotSupportedException(String providerId, Operation operation, String detail) {
    super(providerId, providerId + " does not support " + operation.label() + (detail.isEmpty() ? "" : ": " + detail));
    this.operation = operation;
  }

  /** {@return the operation that was asked for} */
  public Operation operation() {
    return operation;
  }
}
