package dev.polylink.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns cursor pagination into a lazy stream: one page is fetched at a time, when needed. */
final class LazyPages {
  private LazyPages() {}

  static <T> Stream<T> stream(ListLinksRequest first, Function<ListLinksRequest, Page<T>> fetch) {
    Iterator<T> iterator =
        new Iterator<>() {
          private ListLinksRequest next = first;
          private Iterator<T> current = java.util.Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && next != null) {
              Page<T> page = fetch.apply(next);
              current = page.items().iterator();
              next = page.nextCursor().map(next::withCursor).orElse(null);
            }
            return current.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
