package dev.polylink.core.spi;

import dev.polylink.core.LinkClient;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.LazyPages;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lazy cursor pagination: what {@link LinkClient#listAll} does, for providers' own list variants
 * too.
 */
public final class Pages {
  private Pages() {}

  /**
   * {@return every item from {@code first}'s cursor on: a page is fetched only when the consumer
   * reaches it, following {@link Page#nextCursor()} until it is empty; no page is fetched ahead}
   *
   * @param providerId who lists, for the exception when the vendor answers a cursor with the same
   *     cursor again (which would otherwise page for ever): a {@link TransportException}
   * @param <T> the type of the value
   * @param first the request of the first page
   * @param fetch reads the page for a cursor ({@code null} for the first page)
   */
  public static <T> Stream<T> lazy(
      String providerId, ListLinksRequest first, Function<ListLinksRequest, Page<T>> fetch) {
    return LazyPages.stream(providerId, first, fetch);
  }
}
