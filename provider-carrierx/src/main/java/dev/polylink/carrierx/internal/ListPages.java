package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.spi.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * CarrierX's offset pagination as opaque cursors. A list answer is {@code {count, has_more, items,
 * limit, offset, pagination, total}}; the cursor of the next page is the offset after this page's
 * items, present when {@code has_more} is true (or, if CarrierX leaves {@code has_more} out, when a
 * numeric {@code total} says more links follow). {@code total: null} leaves {@link Page#total()}
 * empty.
 */
final class ListPages {
  /** A whole number without leading zeros, small enough for a {@code long}. */
  private static final Pattern OFFSET = Pattern.compile("0|[1-9][0-9]{0,17}");

  private ListPages() {}

  /** The offset a cursor stands for. */
  static long offset(String cursor) {
    return Long.parseLong(Checks.matches(CarrierxClient.PROVIDER_ID, "cursor", cursor, OFFSET,
        "must be a CarrierX offset (a whole number, 0 or more) from Page.nextCursor()"));
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
    long offset = offsetNode != null && offsetNode.isIntegralNumber()
        ? LinkMapper.representable(Operation.LIST, "offset", offsetNode)
        : requestedOffset;
    JsonNode totalNode = body.get("total");
    OptionalLong total = totalNode != null && totalNode.isIntegralNumber()
        ? OptionalLong.of(LinkMapper.representable(Operation.LIST, "total", totalNode))
        : OptionalLong.empty();
    if (offset < 0 || offset > Long.MAX_VALUE - links.size()) {
      throw LinkMapper.unreadable(Operation.LIST, "offset " + offset + " is not a position in a list");
    }
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
