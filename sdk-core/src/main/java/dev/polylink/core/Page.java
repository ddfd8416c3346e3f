package dev.polylink.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextCursor;
  private final Long total;

  private Page(List<T> items, String nextCursor, Long total) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
    this.total = total;
  }

  /**
   * {@return A page}
   *
   * @param nextCursor where the next page starts, or empty on the last page; a blank cursor (some
   *     vendors send {@code ""} on the last page) also means the last page, since it could never be
   *     passed back through {@link ListLinksRequest.Builder#cursor(String)}
   * @param total the number of items over all pages, where the vendor says
   * @param <T> the type of the value
   * @param items the page's items, in the vendor's order
   */
  public static <T> Page<T> of(List<T> items, Optional<String> nextCursor, OptionalLong total) {
    Objects.requireNonNull(items, "items");
    return new Page<>(
        items,
        nextCursor.filter(cursor -> !cursor.isBlank()).orElse(null),
        total.isPresent() ? total.getAsLong() : null);
  }

  /** {@return the items of this page, in the vendor's order} */
  public List<T> items() {
    return items;
  }

  /** {@return the cursor of the next page; empty on the last page} */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** {@return the total over all pages, where the vendor says} */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Page)) {
      return false;
    }
    Page<?> p = (Page<?>) o;
    return items.equals(p.items) && Objects.equals(nextCursor, p.nextCursor) && Objects.equals(total, p.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextCursor, total);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", nextCursor=" + nextCursor + ", total=" + total + "}";
  }
}
