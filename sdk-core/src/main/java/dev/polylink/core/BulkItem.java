package dev.polylink.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One item of a {@link BulkResult}: at its {@link #index()} in the input, either the {@link
 * #value()} the operation produced (the created or updated {@link Link}, or the deleted {@link
 * LinkId}) or the {@link #failure()} it failed with, never both.
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

  /** {@return what the operation produced; empty when the item failed} */
  public abstract Optional<T> value();

  /** {@return why the item failed; empty when it succeeded} */
  public abstract Optional<PolylinkException> failure();

  /** {@return whether the item succeeded} */
  public boolean succeeded() {
    return value().isPresent();
  }

  @Value.Check
  void check() {
    if (value().isPresent() == failure().isPresent()) {
      throw new IllegalStateException("a bulk item has a value or a failure, exactly one");
    }
    if (index() < 0) {
      throw new IllegalStateException("index: must not be negative (was " + index() + ")");
    }
  }

  @Override
  public String toString() {
    return "BulkItem{index=" + index() + (succeeded()
        ? ", value=" + value().get()
        : ", failure=" + failure().get().getClass().getSimpleName() + ": " + failure().get().getMessage()) + "}";
  }
}
