package dev.polylink.core.internal;

import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy cursor pagination, the machinery behind {@code LinkClient.listAll} and the SPI's {@code
 * Pages}: a page is fetched only when the consumer reaches it, following {@link Page#nextCursor()}
 * until it is empty; no page is fetched ahead. A vendor that answers a cursor with the same cursor
 * again (which would otherwise page for ever) ends the stream with a {@link TransportException}.
 */
public final class LazyPages {
  private LazyPages() {}

  public static <T> Stream<T> stream(
      String providerId, ListLinksRequest first, Function<ListLinksRequest, Page<T>> fetch) {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(first, "request");
    Objects.requireNonNull(fetch, "fetch");
    Iterator<T> iterator =
        new Iterator<>() {
          private ListLinksRequest next = first;
          private Iterator<T> current = java.util.Collections.emptyIterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && next != null) {
              Page<T> page = fetch.apply(next);
              current = page.items().iterator();
              ListLinksRequest asked = next;
              if (page.nextCursor().isPresent() && page.nextCursor().equals(asked.cursor())) {
                throw new TransportException(providerId, Operation.LIST,
                    "the vendor answered cursor '" + page.nextCursor().get()
                        + "' with the same cursor again; stopped instead of paging for ever", null);
              }
              next = page.nextCursor().map(asked::withCursor).orElse(null);
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
