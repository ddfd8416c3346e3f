package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Finds one link in {@code GET /v1/links}, the only way ShortPen offers to read a link or learn the
 * id of a new one. Pages are fetched one at a time and the scan stops at the first page holding a
 * match; each page costs one request against ShortPen's 60 requests per minute.
 */
final class LinkScanner {
  /** The pages a scan read and the item it found, if any. */
  static final class Result {
    private final JsonNode item;
    private final int pagesRead;

    private Result(JsonNode item, int pagesRead) {
      this.item = item;
      this.pagesRead = pagesRead;
    }

    Optional<JsonNode> item() {
      return Optional.ofNullable(item);
    }

    int pagesRead() {
      return pagesRead;
    }
  }

  private final IntFunction<ListPage> fetch;

  /** @param fetch reads one page by number (from 1), in the workspace of the scan */
  LinkScanner(IntFunction<ListPage> fetch) {
    this.fetch = fetch;
  }

  /** The link whose {@code id} is {@code id}, reading pages 1, 2, ... until it appears. */
  Result byId(long id) {
    return forward(1, 0, item -> LinkMapper.id(item).equals(OptionalLong.of(id)));
  }

  /**
   * The link whose {@code link} (or {@code short_url}) is {@code shortUrl}: a link just created.
   * ShortPen does not document the list order, so the scan reads page 1 first (where a newest-first
   * list puts it), then, when {@code total} is given, the last page (where an oldest-first list puts
   * it) and the pages between from the end backwards; without {@code total} it reads on from page 2.
   * Every page is read before giving up, whatever the order. When a page holds several matches (a
   * slug reused after a soft delete), the highest id, the newest link, wins.
   */
  Result byShortUrl(URI shortUrl) {
    Predicate<JsonNode> matches =
        item -> LinkMapper.shortUrl(item).map(url -> LinkMapper.sameShortUrl(url, shortUrl)).orElse(false);
    ListPage first = fetch.apply(1);
    Optional<JsonNode> found = best(first, matches);
    if (found.isPresent() || !first.hasNext()) {
      return new Result(found.orElse(null), 1);
    }
    OptionalInt last = first.lastPage();
    if (last.isEmpty()) {
      return forward(2, 1, matches);
    }
    int read = 1;
    for (int page = last.getAsInt(); page >= 2; page--) {
      read++;
      found = best(fetch.apply(page), matches);
      if (found.isPresent()) {
        break;
      }
    }
    return new Result(found.orElse(null), read);
  }

  /** Reads pages {@code from}, {@code from + 1}, ... until a match or the last page. */
  private Result forward(int from, int alreadyRead, Predicate<JsonNode> matches) {
    int read = alreadyRead;
    for (int page = from; ; page++) {
      ListPage current = fetch.apply(page);
      read++;
      Optional<JsonNode> found = best(current, matches);
      if (found.isPresent() || !current.hasNext()) {
        return new Result(found.orElse(null), read);
      }
    }
  }

  /** The matching item with the highest id on a page. */
  private static Optional<JsonNode> best(ListPage page, Predicate<JsonNode> matches) {
    JsonNode best = null;
    long bestId = Long.MIN_VALUE;
    for (JsonNode item : page.items()) {
      if (matches.test(item)) {
        long id = LinkMapper.id(item).orElse(0);
        if (best == null || id > bestId) {
          best = item;
          bestId = id;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
