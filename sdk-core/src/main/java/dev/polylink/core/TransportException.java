package dev.polylink.core;

import java.util.Optional;

/**
 * The exchange with the vendor failed below the level of an API answer: a connection or DNS
 * failure, a reset, a deadline or timeout, an interrupt, a body above the size limit, or a success
 * status whose body could not be read (malformed JSON, an HTML page, a truncated body).
 *
 * <h2>Was the request processed?</h2>
 *
 * <p>{@link #requestMayHaveBeenProcessed()} says whether the vendor may have acted on the request
 * although no answer arrived (the answer was lost, a deadline passed while the vendor worked). It
 * matters for writes: Polylink never sends a create twice when it may have been processed, so such a
 * create is neither known to have failed nor to have succeeded. Reconcile before trying again, or
 * the link may exist twice:
 *
 * <ul>
 *   <li>a create with a slug: {@code get} or {@code list} and look for the slug; sending it again
 *       fails with a {@link ConflictException} if the first one was created;
 *   <li>SnipURL: {@code list} with {@code ListLinksRequest.search} on the destination or slug;
 *   <li>CarrierX: {@code CarrierxClient.list(filter, request)} with a filter on the destination;
 *   <li>ShortPen: {@code list} (newest first) and look for the destination;
 *   <li>xQR: {@code list}, filtered by a label the create carried.
 * </ul>
 *
 * <p>An update that may have been processed can simply be sent again (PUT and PATCH are
 * idempotent); a delete that may have been processed and then answers 404 on a retry is reported
 * as done (see {@link LinkClient#delete}).
 */
public class TransportException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The operation that failed; {@link #operation()}.
   */
  private final Operation operation;
  /**
   * Whether the vendor may have processed the request; {@link #requestMayHaveBeenProcessed()}.
   */
  private final boolean requestMayHaveBeenProcessed;

  /**
   * A failure after which the request is known not to have been processed, or of a read.
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param message what happened, after {@code "<provider> <operation> failed: "}
   * @param cause the I/O or parse failure, or null
   */
  public TransportException(String providerId, Operation operation, String message, Throwable cause) {
    this(providerId, operation, message, cause, false);
  }

  /**
   * A failure that may have come after the vendor processed the request.
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param message what happened, after {@code "<provider> <operation> failed: "}
   * @param cause the I/O or parse failure, or null
   * @param requestMayHaveBeenProcessed true when an attempt may have reached the vendor without a
   *     definite answer
   */
  public TransportException(
      String providerId, Operation operation, String message, Throwable cause, boolean requestMayHaveBeenProcessed) {
    super(providerId, providerId + " " + operation.label() + " failed: " + message, cause);
    this.operation = operation;
    this.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
  }

  /**
   * The operation that failed.
   *
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * Whether the vendor may have processed the request although its answer never arrived: true
   * after a failure once the request may have been written to a connection (a lost answer, a
   * deadline, a body that broke off); false when it provably never left (DNS, connect, TLS) or the
   * call never started. See the class documentation for how to reconcile a create.
   *
   * @return whether the vendor may have acted on the request
   */
  public boolean requestMayHaveBeenProcessed() {
    return requestMayHaveBeenProcessed;
  }

  /**
   * The underlying I/O or parse failure, if any.
   *
   * @return the cause
   */
  public Optional<Throwable> rootCause() {
    return Optional.ofNullable(getCause());
  }
}
