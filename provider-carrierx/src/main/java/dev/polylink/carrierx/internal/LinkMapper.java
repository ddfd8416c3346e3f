package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns CarrierX's link object into a {@link Link}, reading each field once and inventing nothing:
 * a field CarrierX does not send (or sends as {@code null}) leaves the unified field empty.
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
    URI shortUrl = Json.text(node, "url").flatMap(LinkMapper::uri)
        .orElseThrow(() -> unreadable(operation, "the link object has no readable url"));
    String shortCode = Json.text(node, "short_name").filter(s -> !s.isBlank())
        .or(() -> lastSegment(shortUrl))
        .orElseThrow(() -> unreadable(operation, "the link object has no short_name"));
    Optional<Instant> createdAt = Json.text(node, "date_created").flatMap(Timestamps::parse);

    Link.Builder b = Link.builder()
        .providerId(CarrierxClient.PROVIDER_ID)
        .id(LinkId.of(sid))
        .shortUrl(shortUrl)
        .shortCode(shortCode)
        .destination(Json.text(node, "destination_url").flatMap(LinkMapper::uri))
        .redirectType(Json.text(node, "mode").flatMap(Mode::fromWire).flatMap(Mode::redirectType))
        .lastClickedAt(Json.text(node, "date_accessed").flatMap(Timestamps::parse))
        .createdAt(createdAt)
        .providerFields(Json.toPlainMap(node));
    JsonNode hits = node.get("hits");
    if (hits != null && hits.isIntegralNumber()) {
      b.clicks(hits.asLong());
    }
    JsonNode ttl = node.get("maximum_ttl");
    if (ttl != null && ttl.isIntegralNumber() && createdAt.isPresent()) {
      b.expiresAt(Lifetime.expiresAt(createdAt.get(), ttl.asLong()));
    }
    return b.build();
  }

  /** The link's {@code date_created}, when present and readable. */
  static Optional<Instant> createdAt(JsonNode node) {
    return Json.text(node, "date_created").flatMap(Timestamps::parse);
  }

  static TransportException unreadable(Operation operation, String what) {
    return new TransportException(CarrierxClient.PROVIDER_ID, operation, what, null);
  }

  private static Optional<URI> uri(String value) {
    try {
      URI uri = new URI(value.strip());
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> lastSegment(URI uri) {
    String path = uri.getPath();
    if (path == null) {
      return Optional.empty();
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
  }
}
