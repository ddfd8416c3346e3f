package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.Links;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns CarrierX's link object into a {@link Link}, reading each field once and inventing nothing:
 * a field CarrierX does not send (or sends as {@code null}) leaves the unified field empty.
 *
 * <p>Timestamps: the documented form is ISO-8601 in UTC with milliseconds ({@code
 * 2024-01-18T19:26:02.000Z}); they are read with {@link Json#instant}, so an offset, a space instead
 * of {@code T} and a missing zone (UTC, CarrierX's time zone) are accepted too, and anything else
 * is "not said": empty.
 */
final class LinkMapper {
  private LinkMapper() {}

  /**
   * The link.
   *
   * @throws TransportException when the object lacks what every link has: {@code link_sid}, a
   *     readable {@code url}, and a short code ({@code short_name}, or the URL's last path segment)
   */
  static Link toLink(JsonNode node, Operation operation) {
    if (node == null || !node.isObject()) {
      throw unreadable(operation, "the response is not a CarrierX link object");
    }
    String sid = Json.text(node, "link_sid").filter(s -> !s.isBlank())
        .orElseThrow(() -> unreadable(operation, "the link object has no link_sid"));
    URI shortUrl = Json.text(node, "url").flatMap(Links::absoluteUri)
        .orElseThrow(() -> unreadable(operation, "the link object has no readable url"));
    String shortCode = Json.text(node, "short_name").filter(s -> !s.isBlank())
        .or(() -> Links.lastPathSegment(shortUrl))
        .orElseThrow(() -> unreadable(operation, "the link object has no short_name"));
    Optional<Instant> createdAt = createdAt(node);

    Link.Builder b = Link.builder()
        .providerId(CarrierxClient.PROVIDER_ID)
        .id(LinkId.of(sid))
        .shortUrl(shortUrl)
        .shortCode(shortCode)
        .destination(Json.text(node, "destination_url").flatMap(Links::absoluteUri))
        .redirectType(Json.text(node, "mode").flatMap(Mode::fromWire).flatMap(Mode::redirectType))
        .lastClickedAt(Json.instant(node, "date_accessed"))
        .createdAt(createdAt)
        .providerFields(Json.toPlainMap(node));
    JsonNode hits = node.get("hits");
    if (hits != null && hits.isIntegralNumber()) {
      b.clicks(representable(operation, "hits", hits));
    }
    JsonNode ttl = node.get("maximum_ttl");
    if (ttl != null && ttl.isIntegralNumber() && createdAt.isPresent()) {
      long seconds = representable(operation, "maximum_ttl", ttl);
      try {
        b.expiresAt(Lifetime.expiresAt(createdAt.get(), seconds));
      } catch (DateTimeException | ArithmeticException e) {
        throw new TransportException(CarrierxClient.PROVIDER_ID, operation, "maximum_ttl " + seconds
            + " seconds after date_created " + createdAt.get() + " is beyond the latest instant Java can represent", e);
      }
    }
    return b.build();
  }

  /**
   * An integral number as a {@code long}.
   *
   * @throws TransportException when it does not fit one (CarrierX documents no range): a number
   *     the model cannot represent is an unreadable answer, never a silently truncated value
   */
  static long representable(Operation operation, String field, JsonNode number) {
    if (!number.canConvertToLong()) {
      throw unreadable(operation, field + " " + number.asText() + " does not fit a 64-bit integer");
    }
    return number.longValue();
  }

  /** The link's {@code date_created}, when present and readable. */
  static Optional<Instant> createdAt(JsonNode node) {
    return Json.instant(node, "date_created");
  }

  static TransportException unreadable(Operation operation, String what) {
    return new TransportException(CarrierxClient.PROVIDER_ID, operation, what, null);
  }
}
