package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CarrierX's offset pagination as opaque cursors. A list answer is {@code {count, has_more, items,
 * limit, offset, pagination, total}}; the cursor of the next page is the offset after this page's
 * items, present when {@code has_more} is true (or, if CarrierX leaves {@code has_more} out, when a
 * numeric {@code total} says more links follow). {@code total: null} leaves {@link Page#total()}
 * empty.
 */
final class ListPages {
  private ListPages() {}

  /** The offset a cursor stands for. */
  static long offset(String cursor) {
    try {
      long offset = Long.parseLong(cursor);
      if (offset >= 0 && Long.toString(offset).equals(cursor)) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String shown = cursor.length() > 80 ? cursor.substring(0, 77) + "..." : cursor;
    throw new RequestValidationException(
        CarrierxClient.PROVIDER_ID,
        "cursor: must be a CarrierX offset (a whole number, 0 or more) from Page.nextCursor() (was \""
            + shown + "\")");
  }

  /** The page, with its items mapped. */
  static Page<Link> toPage(JsonNode body, long requestedOffset) {
    JsonNode items = body == null ? null : body.get("items");
    if (items == null || !items.isArray()) {
      throw LinkMapper.unreadable(Operation.LIST, "the list response has no items array");
    }
    List<Link> links = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      links.add(LinkMapper.toLink(item, Operation.LIST));
    }
    JsonNode offsetNode = body.get("offset");
    long offset = offsetNode != null && offsetNode.isIntegralNumber() ? offsetNode.asLong() : requestedOffset;
    JsonNode totalNode = body.get("total");
    OptionalLong total =
        totalNode != null && totalNode.isIntegralNumber() ? OptionalLong.of(totalNode.asLong()) : OptionalLong.empty();
    long after = offset + links.size();
    JsonNode hasMoreNode = body.get("has_more");
    boolean more =
        hasMoreNode != null && hasMoreNode.isBoolean()
            ? hasMoreNode.asBoolean()
            : total.isPresent() && after < total.getAsLong();
    // An empty page that claims more would make listAll loop for ever: stop instead.
    Optional<String> next = more && !links.isEmpty() ? Optional.of(Long.toString(after)) : Optional.empty();
    return Page.of(links, next, total);
  }
}
