package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import dev.polylink.snipurl.AnalyticsSection;
import dev.polylink.snipurl.SnipurlOptions;
import dev.polylink.snipurl.SnipurlClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads SnipURL's success envelopes ({@code {success, data, meta?}}) and link objects into the
 * unified model. Nothing is invented: a field the response leaves out or sets to {@code null} stays
 * empty. A response that is not the documented shape (no {@code data}, a link without {@code id},
 * {@code short_code} or {@code short_url}, or a field of the wrong type) is a {@link
 * TransportException} naming what was wrong.
 *
 * <p>That is why the field readers below are SnipURL's own rather than the lenient ones of {@link
 * Json} ({@code text}, {@code wholeNumber}, {@code bool}, {@code instant}), which leave a value of
 * the wrong type empty and read quoted numbers, {@code 0}/{@code 1} booleans and zoneless times:
 * SnipURL documents its types exactly, so such a value is a broken response, not a loose vendor.
 * Timestamps are {@link Instant#parse} ({@code Z} or an offset, with or without fractions).
 */
final class LinkMapper {
  private static final String ID = SnipurlClient.PROVIDER_ID;

  private LinkMapper() {}

  /** The link in {@code data}. */
  static Link link(Operation operation, JsonNode envelope) {
    return toLink(operation, data(operation, envelope));
  }

  /**
   * The links in {@code data} and the next page from {@code meta}: a cursor {@code page + 1} while
   * {@code meta.page < meta.total_pages}, and {@code meta.total}. Without {@code meta} there is no
   * next cursor and no total.
   *
   * @param requestedPage the page asked for, used when {@code meta.page} is missing
   */
  static Page<Link> page(JsonNode envelope, long requestedPage) {
    JsonNode data = data(Operation.LIST, envelope);
    if (!data.isArray()) {
      throw unreadable(Operation.LIST, "data is not an array of links");
    }
    List<Link> links = new ArrayList<>(data.size());
    for (JsonNode node : data) {
      links.add(toLink(Operation.LIST, node));
    }
    JsonNode meta = envelope.get("meta");
    if (meta == null || !meta.isObject()) {
      return Page.of(links, Optional.empty(), OptionalLong.empty());
    }
    OptionalLong page = whole(Operation.LIST, meta, "page");
    OptionalLong totalPages = whole(Operation.LIST, meta, "total_pages");
    long current = page.isPresent() ? page.getAsLong() : requestedPage;
    Optional<String> next =
        totalPages.isPresent() && current < totalPages.getAsLong()
            ? Optional.of(Long.toString(current + 1))
            : Optional.empty();
    return Page.of(links, next, whole(Operation.LIST, meta, "total"));
  }

  /** The {@code deleted} count of a bulk delete's {@code data}. */
  static int deletedCount(JsonNode envelope) {
    JsonNode count = data(Operation.DELETE, envelope).get("deleted");
    if (count == null || !count.canConvertToInt() || !count.isIntegralNumber() || count.intValue() < 0) {
      throw unreadable(Operation.DELETE, "data.deleted is not a count of deleted links");
    }
    return count.intValue();
  }

  /**
   * A link's analytics settings from {@code GET links/{id}}'s {@code data}: {@code analytics_public}
   * as {@link SnipurlOptions#analyticsPublic()}, and {@code analytics_shared_fields} as {@link
   * SnipurlOptions#sharesAllAnalyticsSections()} when it is JSON {@code null} (SnipURL's "share
   * every section") or as {@link SnipurlOptions#analyticsSharedFields()} when it is a list. A field
   * the answer leaves out stays unset. Names no {@link AnalyticsSection} has are skipped here (the
   * server stores any string); the list as received stays in {@link Link#providerFields()}.
   *
   * @throws TransportException when {@code analytics_public} is not a boolean or {@code
   *     analytics_shared_fields} is neither null nor a list of strings
   */
  static SnipurlOptions analyticsSettings(JsonNode envelope) {
    JsonNode data = data(Operation.GET, envelope);
    if (!data.isObject()) {
      throw unreadable(Operation.GET, "the link is not a JSON object");
    }
    SnipurlOptions.Builder options = SnipurlOptions.builder();
    bool(Operation.GET, data, "analytics_public").ifPresent(options::analyticsPublic);
    JsonNode shared = data.get("analytics_shared_fields");
    if (shared != null && shared.isNull()) {
      options.shareAllAnalyticsSections();
    } else if (shared != null) {
      if (!shared.isArray()) {
        throw unreadable(Operation.GET, "analytics_shared_fields is neither null nor a list");
      }
      Set<AnalyticsSection> sections = EnumSet.noneOf(AnalyticsSection.class);
      for (JsonNode name : shared) {
        if (!name.isTextual()) {
          throw unreadable(Operation.GET, "analytics_shared_fields holds a value that is not a string");
        }
        AnalyticsSection.fromWireName(name.textValue()).ifPresent(sections::add);
      }
      options.analyticsSharedFields(sections);
    }
    return options.build();
  }

  /** One SnipURL link object. */
  static Link toLink(Operation operation, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw unreadable(operation, "the link is not a JSON object");
    }
    return Link.builder()
        .providerId(ID)
        .id(LinkId.of(required(operation, node, "id")))
        .shortCode(required(operation, node, "short_code"))
        .shortUrl(uri(operation, "short_url", required(operation, node, "short_url")))
        .destination(text(operation, node, "original_url").map(url -> uri(operation, "original_url", url)))
        .title(text(operation, node, "title"))
        .enabled(bool(operation, node, "is_active"))
        .passwordProtected(bool(operation, node, "has_password"))
        .expiresAt(instant(operation, node, "expires_at"))
        .clicks(whole(operation, node, "clicks_count"))
        .createdAt(instant(operation, node, "created_at"))
        .updatedAt(instant(operation, node, "updated_at"))
        .providerFields(Json.toPlainMap(node))
        .build();
  }

  private static JsonNode data(Operation operation, JsonNode envelope) {
    JsonNode data = envelope == null ? null : envelope.get("data");
    if (data == null || data.isNull()) {
      throw unreadable(operation, "the response has no data");
    }
    return data;
  }

  private static String required(Operation operation, JsonNode node, String field) {
    return text(operation, node, field)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> unreadable(operation, "the link has no " + field));
  }

  private static Optional<String> text(Operation operation, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw unreadable(operation, field + " is not a string");
    }
    return Optional.of(value.textValue());
  }

  private static Optional<Boolean> bool(Operation operation, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw unreadable(operation, field + " is not a boolean");
    }
    return Optional.of(value.booleanValue());
  }

  private static OptionalLong whole(Operation operation, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return OptionalLong.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw unreadable(operation, field + " is not a whole number");
    }
    return OptionalLong.of(value.longValue());
  }

  /** ISO-8601 with {@code Z} or an offset, with or without fractional seconds ({@code .000Z}). */
  private static Optional<Instant> instant(Operation operation, JsonNode node, String field) {
    return text(operation, node, field).map(value -> {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw unreadable(operation, field + " is not an ISO-8601 timestamp (was \"" + value + "\")");
      }
    });
  }

  private static URI uri(Operation operation, String field, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw unreadable(operation, field + " is not a URL (was \"" + value + "\")");
    }
  }

  private static TransportException unreadable(Operation operation, String what) {
    return new TransportException(ID, operation, "unexpected response: " + what, null);
  }
}
