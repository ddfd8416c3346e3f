package dev.polylink.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * What a bulk operation ({@link LinkClient#createAll}, {@link LinkClient#updateAll(java.util.Map)},
 * {@link LinkClient#deleteAll}) did: one {@link BulkItem} per input item, in the input's order, each
 * with its result or the typed {@link PolylinkException} it failed with. A failure of one item never
 * hides the others; a vendor batch that failed as a whole gives its failure to every item in it.
 *
 * @param <T> what a successful item carries
 */
@Value.Immutable
@ValueStyle
public abstract class BulkResult<T> {
  BulkResult() {}

  /**
   * {@return a result of these items}
   *
   * @param <T> what a successful item carries
   * @param items the items; their indexes must be 0, 1, 2, ... in order
   */
  public static <T> BulkResult<T> of(List<BulkItem<T>> items) {
    return ImmutableBulkResult.<T>builder().setItems(items).build();
  }

  /** {@return one item per input item, in the input's order} */
  public abstract List<BulkItem<T>> items();

  /** {@return how many items succeeded} */
  @Value.Derived
  public int succeededCount() {
    return (int) items().stream().filter(BulkItem::succeeded).count();
  }

  /** {@return how many items failed} */
  @Value.Derived
  public int failedCount() {
    return items().size() - succeededCount();
  }

  /** {@return whether every item succeeded} */
  public boolean allSucceeded() {
    return failedCount() == 0;
  }

  /**
   * {@return what the successful items produced, in the input's order; an item that succeeded
   * without a value ({@link BulkItem#successWithoutValue}) has nothing here}
   */
  public List<T> values() {
    List<T> values = new ArrayList<>();
    items().forEach(item -> item.value().ifPresent(values::add));
    return values;
  }

  /** {@return the failed items, in the input's order} */
  public List<BulkItem<T>> failures() {
    return items().stream().filter(item -> !item.succeeded()).toList();
  }

  /**
   * {@return this result with each successful value mapped}
   *
   * @param <R> the new value type
   * @param mapper how to map a value
   */
  public <R> BulkResult<R> map(Function<? super T, ? extends R> mapper) {
    List<BulkItem<R>> mapped = new ArrayList<>();
    for (BulkItem<T> item : items()) {
      mapped.add(item.value().isPresent()
          ? BulkItem.success(item.index(), mapper.apply(item.value().get()))
          : item.confirmedWithoutValue()
              ? BulkItem.successWithoutValue(item.index())
              : BulkItem.failure(item.index(), item.failure().get()));
    }
    return of(mapped);
  }

  @Value.Check
  void check() {
    for (int i = 0; i < items().size(); i++) {
      if (items().get(i).index() != i) {
        throw new IllegalStateException("items: item " + i + " has index " + items().get(i).index());
      }
    }
  }

  @Override
  public String toString() {
    return "BulkResult{items=" + items().size() + ", succeeded=" + succeededCount() + ", failed="
        + failedCount() + "}";
  }
}
