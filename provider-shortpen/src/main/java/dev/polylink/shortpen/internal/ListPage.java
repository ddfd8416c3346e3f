package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.Json;
import dev.polylink.shortpen.ShortpenClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One answer of {@code GET /v1/links?page=&limit=}: the link items, and the {@code total} that
 * ShortPen puts at the top level beside {@code data}.
 */
final class ListPage {
  private final List<JsonNode> items;
  private final int page;
  private final int limit;
  private final OptionalLong total;

  private ListPage(List<JsonNode> items, int page, int limit, OptionalLong total) {
    this.items = items;
    this.page = page;
    this.limit = limit;
    this.total = total;
  }

  /**
   * Reads the answer to a request for {@code page} with {@code limit}.
   *
   * @throws dev.polylink.core.TransportException when the body is not a list envelope, or names
   *     another page than the one asked for (ShortPen ignored {@code page}: scanning on would never
   *     end)
   */
  static ListPage read(JsonNode root, int page, int limit, Operation operation) {
    JsonNode data = Envelope.dataArray(ShortpenClient.PROVIDER_ID, operation, root);
    OptionalLong echoed = Json.wholeNumber(root, "page");
    if (echoed.isPresent() && echoed.getAsLong() != page) {
      throw Envelope.unreadable(ShortpenClient.PROVIDER_ID,
          operation, "asked for page " + page + " but received page " + echoed.getAsLong());
    }
    List<JsonNode> items = new ArrayList<>(data.size());
    data.forEach(items::add);
    return new ListPage(Collections.unmodifiableList(items), page, limit, Json.wholeNumber(root, "total"));
  }

  /** The link objects, as received. */
  List<JsonNode> items() {
    return items;
  }

  /** The number of links over all pages, where ShortPen says. */
  OptionalLong total() {
    return total;
  }

  /**
   * Whether a later page holds more links: by {@code total} when ShortPen gives it, otherwise when
   * this page was full. An empty page is always the last.
   */
  boolean hasNext() {
    return nextCursor().isPresent();
  }

  /** The next page's number as a cursor, by the shared rule ({@link Cursors}). */
  Optional<String> nextCursor() {
    boolean more = Cursors.moreThan((long) (page - 1) * limit + items.size(), total, items.size() >= limit);
    return Cursors.next(items.size(), more, page + 1L);
  }

  /** The number of the last page, where {@code total} says. */
  OptionalInt lastPage() {
    if (total.isEmpty()) {
      return OptionalInt.empty();
    }
    long pages = (total.getAsLong() + limit - 1) / limit;
    return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.max(1, pages)));
  }
}
