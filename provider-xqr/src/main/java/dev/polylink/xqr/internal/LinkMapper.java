package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.Links;
import dev.polylink.xqr.XqrClient;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps an xQR link object onto {@link Link}: {@code id}, {@code short_url}, {@code short_code},
 * {@code destination}, {@code enabled}, {@code labels}, {@code expires_at}, {@code scan_count} ->
 * clicks, {@code last_scan_at} -> lastClickedAt, {@code created_at}, {@code updated_at}; the whole
 * object, {@code routing_rules} included, becomes {@link Link#providerFields()}.
 *
 * <p>{@code id} and {@code short_url} are required: without them the response is not a link and the
 * call fails with a {@link TransportException}. {@code short_code} falls back to the short URL's last
 * path segment, which is what it is by definition. Every other field is optional: a missing,
 * {@code null} or unreadable value leaves the unified field empty (the raw value is still in the
 * provider fields) rather than failing the call or inventing a value. xQR has no title, password or
 * redirect type, so those stay empty.
 */
final class LinkMapper {
  private LinkMapper() {}

  static Link toLink(Operation operation, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new TransportException(XqrClient.PROVIDER_ID, operation, "the response has no link object in \"data\"", null);
    }
    String id = Json.text(node, "id").filter(s -> !s.isBlank()).orElseThrow(
        () -> new TransportException(XqrClient.PROVIDER_ID, operation, "the link object has no \"id\"", null));
    URI shortUrl = Json.text(node, "short_url").flatMap(Links::absoluteUri).orElseThrow(
        () -> new TransportException(XqrClient.PROVIDER_ID, operation, "the link object has no readable \"short_url\"", null));
    String shortCode = Json.text(node, "short_code").filter(s -> !s.isBlank())
        .or(() -> Links.lastPathSegment(shortUrl))
        .orElseThrow(() -> new TransportException(
            XqrClient.PROVIDER_ID, operation, "the link object has no \"short_code\"", null));

    Link.Builder link = Link.builder()
        .providerId(XqrClient.PROVIDER_ID)
        .id(LinkId.of(id))
        .shortUrl(shortUrl)
        .shortCode(shortCode)
        .destination(Json.text(node, "destination").flatMap(Links::absoluteUri))
        .labels(labels(node.get("labels")))
        .expiresAt(instant(node, "expires_at"))
        .lastClickedAt(instant(node, "last_scan_at"))
        .createdAt(instant(node, "created_at"))
        .updatedAt(instant(node, "updated_at"))
        .providerFields(Json.toPlainMap(node));
    JsonNode enabled = node.get("enabled");
    if (enabled != null && enabled.isBoolean()) {
      link.enabled(enabled.booleanValue());
    }
    JsonNode scans = node.get("scan_count");
    if (scans != null && scans.isIntegralNumber() && scans.canConvertToLong() && scans.longValue() >= 0) {
      link.clicks(scans.longValue());
    }
    return link.build();
  }

  private static List<String> labels(JsonNode labels) {
    List<String> values = new ArrayList<>();
    if (labels != null && labels.isArray()) {
      for (JsonNode label : labels) {
        if (label.isTextual()) {
          values.add(label.textValue());
        }
      }
    }
    return values;
  }

  /**
   * An ISO-8601 instant ({@code Z} or an offset); empty when missing, null or unreadable.
   *
   * <p>Narrower than the shared {@link dev.polylink.core.spi.Json#instant} on purpose: every
   * documented xQR timestamp carries a zone ({@code Z}) and xQR never says which zone a time
   * without one would be in, so such a time stays empty instead of being taken as UTC.
   */
  static Optional<Instant> instant(JsonNode node, String field) {
    return Json.text(node, field).flatMap(LinkMapper::instant);
  }

  /** {@link #instant(JsonNode, String)} for a string: a zone is required. */
  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text.strip()));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
