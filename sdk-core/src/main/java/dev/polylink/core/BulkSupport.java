package dev.polylink.core;

import org.immutables.value.Value;

/**
 * A vendor's native bulk endpoint for one operation ({@link Capabilities#bulk(Operation)}): how many
 * items one request carries at most. The bulk methods of {@link LinkClient} split larger inputs into
 * batches of this size.
 */
@Value.Immutable
@ValueStyle
public abstract class BulkSupport {
  BulkSupport() {}

  /**
   * {@return a native bulk endpoint taking up to {@code maxBatchSize} items a request}
   *
   * @param maxBatchSize the most items one request carries, at least 1
   * @throws RequestValidationException when {@code maxBatchSize} is below 1
   */
  public static BulkSupport of(int maxBatchSize) {
    if (maxBatchSize < 1) {
      throw new RequestValidationException(
          PolylinkException.NO_PROVIDER, "maxBatchSize: must be at least 1 (was " + maxBatchSize + ")");
    }
    return ImmutableBulkSupport.builder().setMaxBatchSize(maxBatchSize).build();
  }

  /** {@return the most items one request carries} */
  public abstract int maxBatchSize();

  @Override
  public String toString() {
    return "BulkSupport{maxBatchSize=" + maxBatchSize() + "}";
  }
}
