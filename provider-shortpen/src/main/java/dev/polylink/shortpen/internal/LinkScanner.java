package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
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
    private final OptionalInt lastPage;

    private Result(JsonNode item, int pagesRead) {
      this(item, pagesRead, OptionalInt.empty());
    }

    private Result(JsonNode item, int pagesRead, OptionalInt lastPage) {
      this.item = item;
      this.pagesRead = pagesRead;
      this.lastPage = lastPage;
    }

    Optional<JsonNode> item() {
      return Optional.ofNullable(item);
    }

    int pagesRead() {
      return pagesRead;
    }

    /** The number of the last page, when ShortPen's {@code total} said. */
    OptionalInt lastPage() {
      return lastPage;
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
   * The link whose {@code link} (or {@code short_url}) is {@code shortUrl}: a link just created,
   * reading at most {@code maxPages} pages. ShortPen does not document the list order; the
   * emulator lists newest first, where a new link is on page 1 (or a little further when others
   * were created meanwhile). So the scan reads page 1 first; then, when {@code total} names a last
   * page beyond page 1, that last page once (where an oldest-first list would put the link); then
   * pages 2, 3, ... (newest first) until it has read {@code maxPages} pages or the list ends. When a
   * page holds several matches (a slug reused after a soft delete), the highest id, the newest
   * link, wins.
   *
   * @param maxPages the most pages to read, at least 1
   */
  Result byShortUrl(URI shortUrl, int maxPages) {
    Predicate<JsonNode> matches =
        item -> LinkMapper.shortUrl(item).map(url -> LinkMapper.sameShortUrl(url, shortUrl)).orElse(false);
    List<Integer> pages = new ArrayList<>();
    ListPage first = fetch.apply(1);
    pages.add(1);
    Optional<JsonNode> found = best(first, matches);
    OptionalInt last = first.lastPage();
    if (found.isPresent() || !first.hasNext()) {
      return new Result(found.orElse(null), 1, last);
    }
    int lastRead = 0;
    if (last.isPresent() && last.getAsInt() > 1 && pages.size() < maxPages) {
      lastRead = last.getAsInt();
      pages.add(lastRead);
      found = best(fetch.apply(lastRead), matches);
    }
    for (int page = 2; found.isEmpty() && pages.size() < maxPages && page != lastRead; page++) {
      ListPage current = fetch.apply(page);
      pages.add(page);
      found = best(current, matches);
      if (!current.hasNext()) {
        break;
      }
    }
    return new Result(found.orElse(null), pages.size(), last);
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

  // ---- async (lane/async): the same scans, each page a step of a future ----

  /**
   * {@link #byId} without blocking: each page is read after the previous one answered.
   *
   * @param fetch reads one page by number without blocking
   * @param id the link's id
   * @return the result
   */
  static CompletableFuture<Result> byIdAsync(IntFunction<CompletableFuture<ListPage>> fetch, long id) {
    return forwardAsync(fetch, 1, 0, item -> LinkMapper.id(item).equals(OptionalLong.of(id)));
  }

  private static CompletableFuture<Result> forwardAsync(
      IntFunction<CompletableFuture<ListPage>> fetch, int page, int alreadyRead, Predicate<JsonNode> matches) {
    return fetch.apply(page).thenCompose(current -> {
      Optional<JsonNode> found = best(current, matches);
      if (found.isPresent() || !current.hasNext()) {
        return CompletableFuture.completedFuture(new Result(found.orElse(null), alreadyRead + 1));
      }
      return forwardAsync(fetch, page + 1, alreadyRead + 1, matches);
    });
  }

  /**
   * {@link #byShortUrl} without blocking: the same pages in the same order, each read after the
   * previous one answered.
   *
   * @param fetch reads one page by number without blocking
   * @param shortUrl the new link's short URL
   * @param maxPages the most pages to read, at least 1
   * @return the result
   */
  static CompletableFuture<Result> byShortUrlAsync(
      IntFunction<CompletableFuture<ListPage>> fetch, URI shortUrl, int maxPages) {
    Predicate<JsonNode> matches =
        item -> LinkMapper.shortUrl(item).map(url -> LinkMapper.sameShortUrl(url, shortUrl)).orElse(false);
    return fetch.apply(1).thenCompose(first -> {
      Optional<JsonNode> found = best(first, matches);
      OptionalInt last = first.lastPage();
      if (found.isPresent() || !first.hasNext()) {
        return CompletableFuture.completedFuture(new Result(found.orElse(null), 1, last));
      }
      if (last.isPresent() && last.getAsInt() > 1 && 1 < maxPages) {
        int lastRead = last.getAsInt();
        return fetch.apply(lastRead).thenCompose(lastPage -> {
          Optional<JsonNode> atEnd = best(lastPage, matches);
          if (atEnd.isPresent()) {
            return CompletableFuture.completedFuture(new Result(atEnd.get(), 2, last));
          }
          return onwardAsync(fetch, 2, 2, lastRead, maxPages, matches, last);
        });
      }
      return onwardAsync(fetch, 2, 1, 0, maxPages, matches, last);
    });
  }

  /** Pages {@code page}, {@code page + 1}, ... (skipping {@code lastRead}) as the loop of {@link #byShortUrl}. */
  private static CompletableFuture<Result> onwardAsync(IntFunction<CompletableFuture<ListPage>> fetch, int page,
      int read, int lastRead, int maxPages, Predicate<JsonNode> matches, OptionalInt last) {
    if (read >= maxPages || page == lastRead) {
      return CompletableFuture.completedFuture(new Result(null, read, last));
    }
    return fetch.apply(page).thenCompose(current -> {
      Optional<JsonNode> found = best(current, matches);
      if (found.isPresent() || !current.hasNext()) {
        return CompletableFuture.completedFuture(new Result(found.orElse(null), read + 1, last));
      }
      return onwardAsync(fetch, page + 1, read + 1, lastRead, maxPages, matches, last);
    });
  }

  // ---- end async ----

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
