package dev.polylink.xqr.internal;

import dev.polylink.core.spi.Checks;
import dev.polylink.xqr.XqrClient;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * xQR pages by {@code limit}/{@code offset}; the unified cursor is the next offset as a decimal
 * string. There is a next page while {@code offset + count < meta.total}, and never after an empty
 * page (which also ends a listing whose total grew stale). When a response carries no {@code total}
 * (xQR always documents one), a full page ({@code count >= limit}) is taken to mean there may be
 * more.
 */
final class OffsetCursor {
  /** xQR's documented default page size. */
  static final int DEFAULT_LIMIT = 50;

  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  private OffsetCursor() {}

  /** The offset a cursor stands for. */
  static int parse(String cursor) {
    Checks.matches(XqrClient.PROVIDER_ID, "cursor", cursor, DIGITS,
        "must be an offset from Page.nextCursor(), a whole number from 0");
    return Integer.parseInt(cursor);
  }

  /**
   * The cursor of the page after one that started at {@code offset} and held {@code count} links.
   */
  static Optional<String> next(int offset, int count, int limit, OptionalLong total) {
    if (count == 0) {
      return Optional.empty();
    }
    long next = (long) offset + count;
    boolean more = total.isPresent() ? next < total.getAsLong() : count >= limit;
    return more && next <= Integer.MAX_VALUE ? Optional.of(Long.toString(next)) : Optional.empty();
  }
}
