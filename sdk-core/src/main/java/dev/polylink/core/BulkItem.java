package dev.polylink.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One item of a {@link BulkResult}: at its {@link #index()} in the input, either the {@link
 * #value()} the operation produced (the created or updated {@link Link}, or the deleted {@link
 * LinkId}) or the {@link #failure()} it failed with, never both. An item can also succeed without a
 * value ({@link #successWithoutValue}) where the vendor's bulk endpoint confirms an item without
 * returning it, such as xQR's bulk status, which answers a count and no links: the SDK does not
 * make up a {@link Link} the vendor did not send; {@link LinkClient#get} reads it when needed.
 *
 * @param <T> what a successful item carries
 */
@Value.Immutable
@ValueStyle
public abstract class BulkItem<T> {
  BulkItem() {}

  /**
   * {@return a successful item}
   *
   * @param <T> what a successful item carries
   * @param index the item's position in the input
   * @param value what the operation produced
   */
  public static <T> BulkItem<T> success(int index, T value) {
    return ImmutableBulkItem.<T>builder().setIndex(index).setValue(value).build();
  }

  /**
   * {@return a successful item that carries no value: the vendor confirmed it but did not return
   * what it produced}
   *
   * @param <T> what a successful item would carry
   * @param index the item's position in the input
   */
  public static <T> BulkItem<T> successWithoutValue(int index) {
    return ImmutableBulkItem.<T>builder().setIndex(index).setConfirmedWithoutValue(true).build();
  }

  /**
   * {@return a failed item}
   *
   * @param <T> what a successful item would carry
   * @param index the item's position in the input
   * @param failure why it failed
   */
  public static <T> BulkItem<T> failure(int index, PolylinkException failure) {
    return ImmutableBulkItem.<T>builder().setIndex(index).setFailure(failure).build();
  }

  /** {@return the item's position in the input, from 0} */
  public abstract int index();

  /**
   * {@return what the operation produced; empty when the item failed, and when it succeeded
   * without the vendor returning a value ({@link #successWithoutValue})}
   */
  public abstract Optional<T> value();

  /** {@return whether the item succeeded without a value ({@link #successWithoutValue})} */
  @Value.Default
  public boolean confirmedWithoutValue() {
    return false;
  }

  /** {@return why the item failed; empty when it succeeded} */
  public abstract Optional<PolylinkException> failure();

  /** {@return whether the item succeeded} */
  public boolean succeeded() {
    return value().isPresent() || confirmedWithoutValue();
  }

  @Value.Check
  void check() {
    int outcomes = (value().isPresent() ? 1 : 0) + (failure().isPresent() ? 1 : 0) + (confirmedWithoutValue() ? 1 : 0);
    if (outcomes != 1) {
      throw new IllegalStateException("a bulk item has a value, a failure or a success without value, exactly one");
    }
    if (index() < 0) {
      throw new IllegalStateException("index: must not be negative (was " + index() + ")");
    }
  }

  @Override
  public String toString() {
    return "BulkItem{index=" + index() + (succeeded()
        ? (confirmedWithoutValue() ? ", succeeded without value" : ", value=" + value().get())
        : ", failure=" + failure().get().getClass().getSimpleName() + ": " + failure().get().getMessage()) + "}";
  }
}
