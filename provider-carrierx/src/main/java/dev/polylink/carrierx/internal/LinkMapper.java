package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.spi.Json;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.LinkReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps CarrierX's link object (no envelope) onto {@link Link} by the shared {@link LinkReader}
 * policy: {@code link_sid}, {@code url} and {@code short_name} are required (a blank {@code
 * short_name} falls back to the URL's last path segment); {@code destination_url} (absolute only),
 * {@code mode} -> redirect type, {@code hits} -> clicks, {@code date_accessed} -> lastClickedAt,
 * {@code date_created} and {@code maximum_ttl} (-> expiresAt, counted from {@code date_created})
 * are optional, and a missing, {@code null} or unreadable value leaves the field empty; a number
 * beyond a {@code long}, or a lifetime past the latest instant Java can represent, is an unreadable
 * answer ({@link TransportException}), never a truncated value.
 *
 * <p>Timestamps: the documented form is ISO-8601 in UTC with milliseconds ({@code
 * 2024-01-18T19:26:02.000Z}); an offset, a space instead of {@code T} and a missing zone (UTC,
 * CarrierX's time zone) are read too, and anything else is "not said": empty.
 */
final class LinkMapper {
  private LinkMapper() {}

  static Link toLink(Operation operation, JsonNode node) {
    LinkReader link = LinkReader.of(CarrierxClient.PROVIDER_ID, operation, node);
    Optional<Instant> createdAt = createdAt(node);
    Link.Builder b = link.link("link_sid", "url", "short_name");
    link.urlText("destination_url").ifPresent(b::destination); // parsed when first read
    b.redirectType(link.string("mode").flatMap(Mode::fromWire).flatMap(Mode::redirectType))
        .clicks(link.count("hits"))
        .lastClickedAt(link.instant("date_accessed"))
        .createdAt(createdAt);
    OptionalLong ttl = link.count("maximum_ttl");
    if (ttl.isPresent() && createdAt.isPresent()) {
      try {
        b.expiresAt(Lifetime.expiresAt(createdAt.get(), ttl.getAsLong()));
      } catch (DateTimeException | ArithmeticException e) {
        throw new TransportException(CarrierxClient.PROVIDER_ID, operation, "maximum_ttl " + ttl.getAsLong()
            + " seconds after date_created " + createdAt.get() + " is beyond the latest instant Java can represent", e);
      }
    }
    return b.build();
  }

  /** The link's {@code date_created}, when present and readable. */
  static Optional<Instant> createdAt(JsonNode node) {
    return Json.instant(node, "date_created");
  }
}
