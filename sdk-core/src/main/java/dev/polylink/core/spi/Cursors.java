package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The one cursor rule of every provider. A unified cursor ({@link Page#nextCursor()}) is a vendor's
 * page number or offset written as a decimal string; this class parses it back, decides whether
 * there is a next page, and never lets an empty page claim one (a vendor whose {@code total} or
 * {@code has_more} grew stale would otherwise make {@code listAll} page for ever).
 */
public final class Cursors {
  /** A whole number without sign or leading zeros, small enough for a {@code long}. */
  private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,17}");

  private Cursors() {}

  /**
   * A page-number cursor: 1 or more, at most {@code max}.
   *
   * @param providerId who reads (for the exception)
   * @param cursor the cursor, from {@link Page#nextCursor()}
   * @param max the largest page number the vendor's interface can send
   * @return the page number
   * @throws dev.polylink.core.RequestValidationException naming {@code cursor} otherwise
   */
  public static long pageNumber(String providerId, String cursor, long max) {
    return parse(providerId, cursor, 1, max, "a page number");
  }

  /**
   * An offset cursor: 0 or more, at most {@code max}.
   *
   * @param providerId who reads (for the exception)
   * @param cursor the cursor, from {@link Page#nextCursor()}
   * @param max the largest offset the vendor's interface can send
   * @return the offset
   * @throws dev.polylink.core.RequestValidationException naming {@code cursor} otherwise
   */
  public static long offset(String providerId, String cursor, long max) {
    return parse(providerId, cursor, 0, max, "an offset");
  }

  private static long parse(String providerId, String cursor, long min, long max, String what) {
    if (WHOLE.matcher(cursor).matches()) {
      long value = Long.parseLong(cursor);
      if (value >= min && value <= max) {
        return value;
      }
    }
    throw Checks.invalid(providerId, "cursor", "must be " + what + " from Page.nextCursor()", cursor);
  }

  /**
   * The next page's cursor: {@code next} when the vendor says there is more, empty otherwise, and
   * always empty after an empty page.
   *
   * @param count the number of links on the page just read
   * @param more whether the vendor says more links follow
   * @param next the page number or offset of the next page
   * @return the next cursor, or empty for the last page
   */
  public static Optional<String> next(int count, boolean more, long next) {
    return count > 0 && more ? Optional.of(Long.toString(next)) : Optional.empty();
  }

  /**
   * A count or position of a page's metadata ({@code total}, {@code offset}, {@code page}, ...): a
   * JSON integer or digit string ({@link Json#wholeNumber}); empty when missing or of another type.
   *
   * @param providerId who reads (for the exception)
   * @param operation the operation that read it (for the exception)
   * @param node the object holding the field, or null
   * @param field the field's name
   * @return the number, or empty
   * @throws TransportException for a JSON integer beyond a {@code long}: a number the model cannot
   *     hold is a broken answer, never a truncated or dropped value
   */
  public static OptionalLong count(String providerId, Operation operation, JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isIntegralNumber() && !value.canConvertToLong()) {
      throw Envelope.unreadable(providerId, operation, field + " " + value.asText() + " does not fit a 64-bit integer");
    }
    return Json.wholeNumber(node, field);
  }

  /**
   * Whether more links follow, for a vendor that reports a {@code total}: while the links seen so
   * far (this page included) are fewer than the total; without a total, when the page was full.
   *
   * @param seen the links on every page up to and including this one
   * @param total the vendor's total, when it gives one
   * @param full whether this page held as many links as were asked for
   * @return whether a next page may hold more links
   */
  public static boolean moreThan(long seen, OptionalLong total, boolean full) {
    return total.isPresent() ? seen < total.getAsLong() : full;
  }
}
