package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.spi.LinkReader;
import dev.polylink.snipurl.SnipurlClient;

/**
 * Maps a SnipURL link object onto {@link Link} by the shared {@link LinkReader} policy: {@code id},
 * {@code short_url} and {@code short_code} are required (a blank {@code short_code} falls back to
 * the short URL's last path segment); {@code original_url} (absolute only), {@code title}, {@code
 * is_active}, {@code has_password}, {@code expires_at}, {@code clicks_count}, {@code created_at}
 * and {@code updated_at} are optional, and a missing, {@code null} or mistyped value leaves the
 * field empty. The whole object is in {@link Link#providerFields()}. Timestamps are read as lenient
 * ISO-8601 (SnipURL writes JavaScript's UTC form, {@code 2025-06-20T10:00:00.000Z}; an offset is
 * read too, and a time without a zone is UTC).
 */
final class LinkMapper {
  private LinkMapper() {}

  static Link toLink(Operation operation, JsonNode node) {
    LinkReader link = LinkReader.of(SnipurlClient.PROVIDER_ID, operation, node);
    Link.Builder builder = link.link("id", "short_url", "short_code");
    link.urlText("original_url").ifPresent(builder::destination); // parsed when first read
    return builder
        .title(link.string("title"))
        .enabled(link.bool("is_active"))
        .passwordProtected(link.bool("has_password"))
        .expiresAt(link.instant("expires_at"))
        .clicks(link.count("clicks_count"))
        .createdAt(link.instant("created_at"))
        .updatedAt(link.instant("updated_at"))
        .build();
  }
}
