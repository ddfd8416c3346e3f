package dev.polylink.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request touched fields the provider cannot create, change or clear, as its {@link Capabilities}
 * say. Raised before any request is sent, and names every offending field, not just the first.
 */
public class UnsupportedFieldException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The operation they were given to; {@link #operation()}.
   */
  private final Operation operation;
  /**
   * The fields the provider cannot handle; {@link #fields()}.
   */
  private final Set<LinkField> fields;

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param operation the operation that was attempted
   * @param fields the fields the provider cannot handle in that operation
   * @param detail what the provider can do instead, for the message
   */
  public UnsupportedFieldException(
      String providerId, Operation operation, Set<LinkField> fields, String detail) {
    super(providerId, message(providerId, operation, fields, detail));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("an UnsupportedFieldException needs at least one field");
    }
    this.operation = operation;
    this.fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
  }

  /**
   * {@return the operation that was asked for: {@link Operation#CREATE} or {@link
   * Operation#UPDATE}}
   */
  public Operation operation() {
    return operation;
  }

  /** {@return every field the provider cannot handle in this operation} Never empty. */
  public Set<LinkField> fields() {
    return fields;
  }

  private static String message(
      String providerId, Operation operation, Set<LinkField> fields, String detail) {
    String names =
        fields.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    return providerId + " cannot " + detail + ": " + names + " (operation " + operation.label() + ")";
  }
}
