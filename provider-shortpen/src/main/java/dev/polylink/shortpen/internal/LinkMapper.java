package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectType;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.LinkReader;
import dev.polylink.core.spi.Links;
import dev.polylink.shortpen.ShortpenClient;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ShortPen's link objects in the unified model, by the shared {@link LinkReader} policy. ShortPen
 * does not report enabled, labels, expiry or clicks, so those stay empty; every field it sends is
 * kept in {@code providerFields()}. It sends no code field: the short code is the short URL's last
 * path segment.
 *
 * <p>ShortPen's documentation gives types but few samples, so a number may arrive as a string and a
 * boolean as {@code 0}/{@code 1}: the shared lenient readers accept both, and anything else is "not
 * said".
 */
final class LinkMapper {
  private static final int PERMANENT = 301;
  private static final int TEMPORARY = 302;

  private LinkMapper() {}

  /**
   * A {@code GET /v1/links} item: {@code id}, {@code title}, {@code url} (destination), {@code link}
   * (short URL; the deprecated {@code short_url} when {@code link} is missing or unreadable), {@code
   * redirect_type}, {@code with_password}, {@code created_at}, {@code updated_at}.
   *
   * @throws dev.polylink.core.TransportException when the item has no positive integer id or no
   *     absolute short URL
   */
  static Link toLink(Operation operation, JsonNode item) {
    LinkReader link = LinkReader.of(ShortpenClient.PROVIDER_ID, operation, item);
    long id = link.positiveId("id");
    Link.Builder builder = link.link(Long.toString(id), link.shortUrl("link", "short_url"), null);
    link.urlText("url").ifPresent(builder::destination); // parsed when first read
    return builder
        .title(link.string("title"))
        .passwordProtected(link.bool("with_password"))
        .redirectType(redirectType(Json.wholeNumber(item, "redirect_type")))
        .createdAt(Timestamps.read(item, "created_at"))
        .updatedAt(Timestamps.read(item, "updated_at"))
        .build();
  }

  /**
   * The answer of {@code PUT /v1/links} ({@code {link, short_url, created, qr}}) plus what the patch
   * set: ShortPen does not send the link back, so every other field is empty. The destination is
   * reported only when no {@code param} was sent, since ShortPen appends those to it.
   */
  static Link fromUpdate(long id, JsonNode data, LinkPatch patch, boolean destinationAsSent) {
    LinkReader answer = LinkReader.of(ShortpenClient.PROVIDER_ID, Operation.UPDATE, data);
    Link.Builder link = answer.link(Long.toString(id), answer.shortUrl("link", "short_url"), null);
    if (destinationAsSent) {
      patch.destination().ifSet(link::destination);
    }
    patch.title().ifSet(link::title);
    if (!patch.password().isAbsent()) {
      link.passwordProtected(patch.password().isSet());
    }
    patch.redirectType().ifSet(link::redirectType);
    return link.build();
  }

  /** An item's positive {@code id}, or empty (for scanning, which skips what it cannot read). */
  static OptionalLong id(JsonNode item) {
    OptionalLong id = Json.wholeNumber(item, "id");
    return id.isPresent() && id.getAsLong() > 0 ? id : OptionalLong.empty();
  }

  /** {@code link}, or the deprecated {@code short_url} when {@code link} is missing or unreadable. */
  static Optional<URI> shortUrl(JsonNode object) {
    return Json.text(object, "link").flatMap(Links::absoluteUri)
        .or(() -> Json.text(object, "short_url").flatMap(Links::absoluteUri));
  }

  /** Whether two short URLs name the same link: scheme and host ignore case, a final "/" is ignored. */
  static boolean sameShortUrl(URI a, URI b) {
    return canonical(a).equals(canonical(b));
  }

  /** The unified redirect type as ShortPen's {@code redirect_type}: 301 or 302. */
  static int redirectStatus(RedirectType type) {
    return type == RedirectType.PERMANENT ? PERMANENT : TEMPORARY;
  }

  /** ShortPen's {@code redirect_type} 301/302 as the unified type; another value is "not said". */
  private static Optional<RedirectType> redirectType(OptionalLong status) {
    if (status.isEmpty()) {
      return Optional.empty();
    }
    if (status.getAsLong() == PERMANENT) {
      return Optional.of(RedirectType.PERMANENT);
    }
    return status.getAsLong() == TEMPORARY ? Optional.of(RedirectType.TEMPORARY) : Optional.empty();
  }

  private static String canonical(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT); // every URL read here is absolute
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + authority + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
