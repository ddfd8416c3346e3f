package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.spi.IsoTimestamps;
import dev.polylink.core.spi.LinkReader;
import dev.polylink.xqr.XqrClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps an xQR link object onto {@link Link} by the shared {@link LinkReader} policy: {@code id},
 * {@code short_url} and {@code short_code} are required (a blank {@code short_code} falls back to
 * the short URL's last path segment, which is what it is by definition); {@code destination}
 * (absolute only), {@code enabled}, {@code labels}, {@code expires_at}, {@code scan_count} ->
 * clicks, {@code last_scan_at} -> lastClickedAt, {@code created_at} and {@code updated_at} are
 * optional, and a missing, {@code null} or unreadable value leaves the field empty. The whole
 * object, {@code routing_rules} included, becomes {@link Link#providerFields()}. xQR has no title,
 * password or redirect type, so those stay empty.
 */
final class LinkMapper {
  private LinkMapper() {}

  static Link toLink(Operation operation, JsonNode node) {
    LinkReader link = LinkReader.of(XqrClient.PROVIDER_ID, operation, node);
    Link.Builder builder = link.link("id", "short_url", "short_code");
    link.urlText("destination").ifPresent(builder::destination); // parsed when first read
    return builder
        .enabled(link.bool("enabled"))
        .labels(labels(node.get("labels")))
        .expiresAt(link.string("expires_at").flatMap(LinkMapper::instant))
        .clicks(link.count("scan_count"))
        .lastClickedAt(link.string("last_scan_at").flatMap(LinkMapper::instant))
        .createdAt(link.string("created_at").flatMap(LinkMapper::instant))
        .updatedAt(link.string("updated_at").flatMap(LinkMapper::instant))
        .build();
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
   * An ISO-8601 instant with a zone ({@code Z} or an offset); empty when unreadable.
   *
   * <p>Narrower than the shared {@link LinkReader#instant} on purpose: every documented xQR
   * timestamp carries a zone ({@code Z}) and xQR never says which zone a time without one would be
   * in, so such a time stays empty instead of being taken as UTC.
   */
  static Optional<Instant> instant(String text) {
    return IsoTimestamps.parseZoned(text);
  }
}
