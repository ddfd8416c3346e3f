package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.FrozenFields;
import dev.polylink.core.internal.UriText;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A vendor's link object, read by the one leniency policy every provider applies when it maps
 * vendor JSON into {@link Link}:
 *
 * <ul>
 *   <li><b>Strict</b> for what makes a link a link, the id, the short URL and the short code: a
 *       missing, {@code null}, blank or unreadable value fails the call with {@link
 *       Envelope#unreadable} ({@link TransportException}); {@link #link} reads the three.
 *   <li><b>Lenient</b> for every other field: a missing, {@code null} or unreadable value, or one of
 *       the wrong type, is "not said" (empty), never a failed call and never an invented value. The
 *       raw value stays in {@link Link#providerFields()}.
 *   <li><b>Absolute URLs only</b>: a short URL or destination without a scheme is unreadable.
 *   <li><b>Never truncated</b>: a number beyond a {@code long} is an unreadable answer.
 * </ul>
 *
 * <p>The short code is the vendor's code field when it has a non-blank one, else the short URL's
 * last path segment, which is what a short code is by definition ({@link Links#lastPathSegment});
 * with neither the object is unreadable.
 */
public final class LinkReader {
  private final String providerId;
  private final Operation operation;
  private final JsonNode node;

  private LinkReader(String providerId, Operation operation, JsonNode node) {
    this.providerId = providerId;
    this.operation = operation;
    this.node = node;
  }

  /**
   * A reader of {@code node}.
   *
   * @param providerId who reads (for the exceptions and {@link Link#providerId()})
   * @param operation the operation that read it (for the exceptions)
   * @param node the vendor's link object
   * @return the reader
   * @throws TransportException when {@code node} is not a JSON object
   */
  public static LinkReader of(String providerId, Operation operation, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw Envelope.unreadable(providerId, operation, "the link is not a JSON object");
    }
    return new LinkReader(providerId, operation, node);
  }

  /**
   * The object read.
   *
   * @return the vendor's link object
   */
  public JsonNode node() {
    return node;
  }

  /**
   * A link builder with the provider id, the three required fields and the whole object as {@link
   * Link#providerFields()}; the caller adds the optional fields. The object is kept as it is and
   * converted to plain values only when the link's fields are first read: the caller must not
   * change the node afterwards.
   *
   * @param idField the id field (a string, or an integer)
   * @param shortUrlField the short URL field
   * @param shortCodeField the short code field, or null when the vendor sends none
   * @return a builder holding the provider id, id, short URL, short code and provider fields
   * @throws TransportException when the id, the short URL or the short code cannot be read
   */
  public Link.Builder link(String idField, String shortUrlField, String shortCodeField) {
    String id = id(idField);
    String shortUrl = shortUrlText(shortUrlField);
    return Link.builder()
        .providerId(providerId)
        .id(LinkId.of(id))
        .shortUrl(shortUrl) // parsed when first read
        .shortCode(shortCodeOf(shortCodeField, shortUrl))
        .providerFields(FrozenFields.of(node));
  }

  /**
   * Like {@link #link(String, String, String)} with an id and short URL the caller has read.
   *
   * @param id the link's id
   * @param shortUrl the link's short URL
   * @param shortCodeField the short code field, or null when the vendor sends none
   * @return a builder holding the provider id, id, short URL, short code and provider fields
   * @throws TransportException when the short code cannot be read
   */
  public Link.Builder link(String id, URI shortUrl, String shortCodeField) {
    return Link.builder()
        .providerId(providerId)
        .id(LinkId.of(id))
        .shortUrl(shortUrl)
        .shortCode(shortCode(shortCodeField, shortUrl))
        .providerFields(FrozenFields.of(node));
  }

  /**
   * The required id: a non-blank string, or an integer written in decimal.
   *
   * @param field the field's name
   * @return the id
   * @throws TransportException when there is none
   */
  public String id(String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isIntegralNumber()) {
      return value.asText();
    }
    return string(field).orElseThrow(() -> unreadable("the link has no \"" + field + "\""));
  }

  /**
   * The required id of a vendor whose ids are positive integers (a JSON number or digit string).
   *
   * @param field the field's name
   * @return the id
   * @throws TransportException when there is none
   */
  public long positiveId(String field) {
    OptionalLong id = Json.wholeNumber(node, field);
    if (id.isEmpty() || id.getAsLong() <= 0) {
      throw unreadable("the link has no integer \"" + field + "\"");
    }
    return id.getAsLong();
  }

  /**
   * The required short URL: the first of {@code fields} that holds an absolute URL.
   *
   * @param fields the fields to try, in order
   * @return the short URL
   * @throws TransportException when none holds one
   */
  public URI shortUrl(String... fields) {
    return URI.create(shortUrlText(fields));
  }

  /**
   * Like {@link #shortUrl(String...)}, the text of the URL: for {@link Link.Builder#shortUrl(String)},
   * which parses it only when the link is asked for it.
   *
   * @param fields the fields to try, in order
   * @return the short URL's text, without surrounding whitespace
   * @throws TransportException when none holds one
   */
  public String shortUrlText(String... fields) {
    for (String field : fields) {
      Optional<String> url = urlText(field);
      if (url.isPresent()) {
        return url.get();
      }
    }
    throw unreadable("the link has no readable \"" + String.join("\" or \"", fields) + "\"");
  }

  /**
   * The required short code: {@code field} when non-blank, else the short URL's last path segment.
   *
   * @param field the short code field, or null when the vendor sends none
   * @param shortUrl the link's short URL
   * @return the short code
   * @throws TransportException when neither gives one
   */
  public String shortCode(String field, URI shortUrl) {
    return Optional.ofNullable(field).flatMap(this::string)
        .or(() -> Links.lastPathSegment(shortUrl))
        .orElseThrow(() -> noShortCode(field, shortUrl.toString()));
  }

  /** {@link #shortCode(String, URI)} of a short URL's text, parsed only when the field has no code. */
  private String shortCodeOf(String field, String shortUrl) {
    Optional<String> code = field == null ? Optional.empty() : string(field);
    return code.isPresent()
        ? code.get()
        : Links.lastPathSegment(URI.create(shortUrl)).orElseThrow(() -> noShortCode(field, shortUrl));
  }

  private TransportException noShortCode(String field, String shortUrl) {
    return unreadable("the link has no short code (" + (field == null ? "" : "\"" + field
        + "\" is missing and ") + "the short URL " + shortUrl + " has no path)");
  }

  /**
   * An optional string: non-blank JSON text, else empty.
   *
   * @param field the field's name
   * @return the text, or empty
   */
  public Optional<String> string(String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.textValue().isBlank()
        ? Optional.of(value.textValue())
        : Optional.empty();
  }

  /**
   * An optional absolute URL ({@link Links#absoluteUri}); a relative one is empty.
   *
   * @param field the field's name
   * @return the URL, or empty
   */
  public Optional<URI> url(String field) {
    return string(field).flatMap(Links::absoluteUri);
  }

  /**
   * Like {@link #url}, the URL's text without surrounding whitespace: for {@link
   * Link.Builder#destination(String)}, which parses it only when the link is asked for it. Text of
   * the common shape of an absolute URL is recognised without parsing it; other text is parsed to
   * tell.
   *
   * @param field the field's name
   * @return the absolute URL's text, or empty
   */
  public Optional<String> urlText(String field) {
    return string(field).map(String::strip).filter(UriText::isAbsolute);
  }

  /**
   * An optional boolean, read by {@link Json#bool} ({@code true}, {@code 1}, {@code "true"}, ...).
   *
   * @param field the field's name
   * @return the boolean, or empty
   */
  public Optional<Boolean> bool(String field) {
    return Json.bool(node, field);
  }

  /**
   * An optional count: a whole number of 0 or more ({@link Json#wholeNumber}); a negative one is
   * "not said".
   *
   * @param field the field's name
   * @return the count, or empty
   * @throws TransportException for a JSON integer beyond a {@code long}: a number the model cannot
   *     hold is a broken answer, never a truncated or dropped value
   */
  public OptionalLong count(String field) {
    OptionalLong count = Cursors.count(providerId, operation, node, field);
    return count.isPresent() && count.getAsLong() < 0 ? OptionalLong.empty() : count;
  }

  /**
   * An optional instant, read by {@link IsoTimestamps#parse} (a time without a zone is UTC).
   *
   * @param field the field's name
   * @return the instant, or empty
   */
  public Optional<Instant> instant(String field) {
    return string(field).flatMap(IsoTimestamps::parse);
  }

  /**
   * The error for this object: {@link Envelope#unreadable} with {@code what}.
   *
   * @param what what is wrong with the object
   * @return a {@link TransportException}, to throw
   */
  public TransportException unreadable(String what) {
    return Envelope.unreadable(providerId, operation, what);
  }
}
