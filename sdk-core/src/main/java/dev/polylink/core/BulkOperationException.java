package dev.polylink.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A bulk operation sent as several requests stopped part-way: a request failed after earlier ones
 * had succeeded. It says what was done before the failure, so that the caller can finish the job
 * without redoing it, like {@code java.sql.BatchUpdateException} for JDBC batches:
 *
 * <ul>
 *   <li>{@link #completed()}: the ids of the requests the vendor answered with success. The vendor
 *       processed each of them (for a delete: deleted it, or skipped it because it did not exist
 *       or was not the caller's, which vendors do not tell apart);
 *   <li>{@link #completedCount()}: how many of those the vendor reported done (deleted), summed over
 *       the successful requests, or empty when that is not known exactly (a request was resent
 *       after an attempt whose answer was lost, so the vendor's count covers only the last
 *       attempt);
 *   <li>{@link #failed()}: the ids of the request that failed. Whether the vendor processed them
 *       depends on the failure ({@link #failure()}): not for a 4xx answer, maybe for a 5xx answer or
 *       a {@link TransportException}. Sending them again is safe for operations that are idempotent,
 *       such as a delete;
 *   <li>{@link #notSent()}: the ids of the requests that were never sent.
 * </ul>
 *
 * <p>The three id lists are disjoint and hold together every id of the operation (repeated ids
 * once), in the order they were given. The cause is the failure of the request that stopped the
 * operation, as it would have been thrown on its own. When the first request fails, nothing was
 * done before it, and its failure is thrown unchanged rather than wrapped in this exception.
 */
public class BulkOperationException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The operation that stopped; {@link #operation()}.
   */
  private final Operation operation;
  /**
   * The ids of the requests that succeeded; {@link #completed()}.
   */
  private final List<LinkId> completed;
  /**
   * The count the vendor reported, or -1 when unknown; {@link #completedCount()}.
   */
  private final long completedCount;
  /**
   * The ids of the failed request; {@link #failed()}.
   */
  private final List<LinkId> failed;
  /**
   * The ids never sent; {@link #notSent()}.
   */
  private final List<LinkId> notSent;

  /**
   * A bulk operation that stopped part-way.
   *
   * @param providerId the provider that ran the operation
   * @param operation the kind of operation, e.g. {@link Operation#DELETE} for a bulk delete
   * @param completed the ids of the requests that succeeded, not empty
   * @param completedCount how many the vendor reported done in those requests, or empty when that
   *     is not known exactly
   * @param failed the ids of the request that failed, not empty
   * @param notSent the ids never sent
   * @param failure why the request failed
   * @throws IllegalArgumentException when {@code completed} or {@code failed} is empty
   */
  public BulkOperationException(
      String providerId,
      Operation operation,
      List<LinkId> completed,
      OptionalLong completedCount,
      List<LinkId> failed,
      List<LinkId> notSent,
      PolylinkException failure) {
    super(providerId, message(providerId, operation, completed, completedCount, failed, notSent, failure), failure);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.completed = List.copyOf(completed);
    this.completedCount = completedCount.orElse(-1);
    this.failed = List.copyOf(failed);
    this.notSent = List.copyOf(notSent);
    if (this.completed.isEmpty() || this.failed.isEmpty()) {
      throw new IllegalArgumentException("a bulk operation stopped part-way has completed and failed ids");
    }
  }

  /** {@return the kind of operation that stopped, e.g. {@link Operation#DELETE}} */
  public Operation operation() {
    return operation;
  }

  /**
   * {@return the ids of the requests the vendor answered with success, in the order given} Never
   * empty.
   */
  public List<LinkId> completed() {
    return completed;
  }

  /**
   * {@return how many of {@link #completed()} the vendor reported done (e.g. deleted); empty when a
   * request was resent after its answer was lost, so that the vendor's count no longer covers
   * everything the lost attempt did}
   */
  public OptionalLong completedCount() {
    return completedCount < 0 ? OptionalLong.empty() : OptionalLong.of(completedCount);
  }

  /**
   * {@return the ids of the request that failed; see {@link #failure()} for whether they were
   * processed}
   */
  public List<LinkId> failed() {
    return failed;
  }

  /** {@return the ids that were never sent} */
  public List<LinkId> notSent() {
    return notSent;
  }

  /** {@return the failure of the request that stopped the operation (also {@link #getCause()})} */
  public PolylinkException failure() {
    return (PolylinkException) getCause();
  }

  private static String message(
      String providerId,
      Operation operation,
      List<LinkId> completed,
      OptionalLong completedCount,
      List<LinkId> failed,
      List<LinkId> notSent,
      PolylinkException failure) {
    Objects.requireNonNull(failure, "failure");
    return providerId + " bulk " + operation.label() + " stopped part-way: " + completed.size()
        + " id(s) were in requests that succeeded ("
        + (completedCount.isPresent()
            ? completedCount.getAsLong() + " reported done"
            : "how many were done is unknown: a request was resent after its answer was lost")
        + "); the request with the next " + failed.size() + " id(s) failed; " + notSent.size()
        + " id(s) were not sent. Cause: " + failure.getMessage();
  }
}
