package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectType;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.Links;
import dev.polylink.shortpen.ShortpenClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ShortPen's link objects in the unified model. ShortPen does not report enabled, labels, expiry or
 * clicks, so those stay empty; every field it sends is kept in {@code providerFields()}.
 *
 * <p>ShortPen's documentation gives types but few samples, so a number may arrive as a string and a
 * boolean as {@code 0}/{@code 1}: they are read with the lenient {@link Json#wholeNumber} and {@link
 * Json#bool}, and anything else is "not said".
 */
final class LinkMapper {
  private static final int PERMANENT = 301;
  private static final int TEMPORARY = 302;

  private LinkMapper() {}

  /**
   * A {@code GET /v1/links} item: {@code id}, {@code title}, {@code url} (destination), {@code link}
   * (short URL; the deprecated {@code short_url} when {@code link} is missing), {@code
   * redirect_type}, {@code with_password}, {@code created_at}, {@code updated_at}.
   *
   * @throws dev.polylink.core.TransportException when the item has no id or no short URL
   */
  static Link fromListItem(JsonNode item, Operation operation) {
    if (!item.isObject()) {
      throw Envelope.unreadable(operation, "a link in \"data\" is not an object");
    }
    long id = id(item).orElseThrow(() -> Envelope.unreadable(operation, "a link has no integer \"id\""));
    URI shortUrl =
        shortUrl(item).orElseThrow(() -> Envelope.unreadable(operation, "link " + id + " has no \"link\" or \"short_url\""));
    return Link.builder()
        .providerId(ShortpenClient.PROVIDER_ID)
        .id(LinkId.of(id))
        .shortUrl(shortUrl)
        .shortCode(shortCode(shortUrl, operation))
        .destination(Json.text(item, "url").flatMap(LinkMapper::uri))
        .title(Json.text(item, "title").filter(t -> !t.isBlank()))
        .passwordProtected(Json.bool(item, "with_password"))
        .redirectType(redirectType(item))
        .createdAt(Timestamps.read(item, "created_at"))
        .updatedAt(Timestamps.read(item, "updated_at"))
        .providerFields(Json.toPlainMap(item))
        .build();
  }

  /**
   * The answer of {@code PUT /v1/links} ({@code {link, short_url, created, qr}}) plus what the patch
   * set: ShortPen does not send the link back, so every other field is empty. The destination is
   * reported only when no {@code param} was sent, since ShortPen appends those to it.
   */
  static Link fromUpdate(long id, JsonNode data, LinkPatch patch, boolean destinationAsSent) {
    Operation operation = Operation.UPDATE;
    URI shortUrl =
        shortUrl(data).orElseThrow(() -> Envelope.unreadable(operation, "\"data\" has no \"link\" or \"short_url\""));
    Link.Builder link = Link.builder()
        .providerId(ShortpenClient.PROVIDER_ID)
        .id(LinkId.of(id))
        .shortUrl(shortUrl)
        .shortCode(shortCode(shortUrl, operation))
        .providerFields(Json.toPlainMap(data));
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

  /** The item's {@code id}. */
  static OptionalLong id(JsonNode item) {
    OptionalLong id = Json.wholeNumber(item, "id");
    return id.isPresent() && id.getAsLong() > 0 ? id : OptionalLong.empty();
  }

  /** {@code link}, or the deprecated {@code short_url} when {@code link} is missing or unreadable. */
  static Optional<URI> shortUrl(JsonNode object) {
    Optional<URI> link = Json.text(object, "link").flatMap(LinkMapper::uri);
    return link.isPresent() ? link : Json.text(object, "short_url").flatMap(LinkMapper::uri);
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
  private static Optional<RedirectType> redirectType(JsonNode item) {
    OptionalLong status = Json.wholeNumber(item, "redirect_type");
    if (status.isEmpty()) {
      return Optional.empty();
    }
    if (status.getAsLong() == PERMANENT) {
      return Optional.of(RedirectType.PERMANENT);
    }
    return status.getAsLong() == TEMPORARY ? Optional.of(RedirectType.TEMPORARY) : Optional.empty();
  }

  /** ShortPen sends no code field: the code is the short URL's last path segment, or it is unreadable. */
  private static String shortCode(URI shortUrl, Operation operation) {
    return Links.lastPathSegment(shortUrl).orElseThrow(
        () -> Envelope.unreadable(operation, "the short URL " + shortUrl + " has no code in its path"));
  }

  private static String canonical(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + authority + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static Optional<URI> uri(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(text.strip()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
