package dev.polylink.core.spi;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Client-side validation shared by providers. Every check returns normally or throws a {@link
 * RequestValidationException} whose violation names the field and the rule.
 */
public final class Checks {

  /**
   * The ASCII characters {@link #slug} refuses besides control, format and whitespace characters,
   * because they change how a URL path is read: {@code /} and {@code \} (segment separators; many
   * servers read a backslash as a slash), {@code .} ({@code .} and {@code ..} segments), {@code %}
   * (percent-escapes such as {@code %2e%2e%2f}), {@code ?} (query), {@code #} (fragment) and
   * {@code ;} (path parameters, which servlet containers strip).
   */
  public static final String SLUG_PATH_CHARACTERS = "/\\.%?#;";

  /** The rule {@link #slug} enforces, as its violation states it. */
  public static final String SLUG_RULE =
      "must not contain control, invisible or whitespace characters, or any of / \\ . % ? # ;";

  /** The earliest instant {@link #sendableInstant} accepts: {@code 0001-01-01T00:00:00Z}. */
  public static final Instant EARLIEST_SENDABLE = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * The latest instant {@link #sendableInstant} accepts: {@code 9999-12-31T23:59:59Z}, a whole
   * second, so that a provider rounding up to whole seconds stays within four-digit years.
   */
  public static final Instant LATEST_SENDABLE = Instant.parse("9999-12-31T23:59:59Z");

  private Checks() {}

  /**
   * The rule every provider applies to a slug before its own: a slug becomes one segment of the
   * short URL's path, so it must not contain anything that changes how that path is read or that
   * cannot be seen. Refused, whatever the vendor's own rule allows:
   *
   * <ul>
   *   <li>control characters ({@link Character#isISOControl}: U+0000 to U+001F, U+007F to U+009F);
   *   <li>format characters (Unicode category Cf: zero-width spaces and joiners, bidirectional
   *       overrides such as U+202E, the byte-order mark U+FEFF) and unpaired surrogates;
   *   <li>whitespace of any kind ({@link Character#isWhitespace} or {@link Character#isSpaceChar}:
   *       space, tab, no-break space U+00A0, line and paragraph separators);
   *   <li>{@value #SLUG_PATH_CHARACTERS} (see {@link #SLUG_PATH_CHARACTERS}).
   * </ul>
   *
   * <p>Everything else (letters and digits of any script, {@code -}, {@code _}, {@code ~}, ...) is
   * left to the provider's own rule. The violation names the first offending character, escaped.
   *
   * @param providerId who is asking (for the exception)
   * @param slug the slug to check
   * @return the slug, unchanged
   * @throws RequestValidationException {@code slug: }{@value #SLUG_RULE}{@code  (found ...; was ...)}
   */
  public static String slug(String providerId, String slug) {
    for (int i = 0; i < slug.length(); ) {
      int cp = slug.codePointAt(i);
      if (refusedInSlug(cp)) {
        throw new RequestValidationException(
            providerId, "slug: " + SLUG_RULE + " (found " + describe(cp) + " at index " + i + "; was "
                + quote(slug) + ")");
      }
      i += Character.charCount(cp);
    }
    return slug;
  }

  private static boolean refusedInSlug(int cp) {
    int type = Character.getType(cp);
    return Character.isISOControl(cp)
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || SLUG_PATH_CHARACTERS.indexOf(cp) >= 0;
  }

  private static String describe(int cp) {
    if (cp >= 0x21 && cp < 0x7F) {
      return "'" + (char) cp + "'";
    }
    return String.format("U+%04X", cp);
  }

  /**
   * Checks that an instant can be sent as an ISO-8601 timestamp with a four-digit year, the form
   * every vendor reads: between {@link #EARLIEST_SENDABLE} and {@link #LATEST_SENDABLE}. An instant
   * outside (such as {@link Instant#MAX}) would need an expanded year, which no vendor documents, and
   * overflows when rounded to the vendor's precision.
   *
   * @param providerId who is asking (for the exception)
   * @param field the field named in the violation, e.g. {@code "expiresAt"}
   * @param instant the instant to check
   * @return the instant, unchanged
   * @throws RequestValidationException {@code expiresAt: must be between 0001-01-01T00:00:00Z and
   *     9999-12-31T23:59:59Z (was ...)}
   */
  public static Instant sendableInstant(String providerId, String field, Instant instant) {
    if (instant.isBefore(EARLIEST_SENDABLE) || instant.isAfter(LATEST_SENDABLE)) {
      throw new RequestValidationException(
          providerId, field + ": must be between " + EARLIEST_SENDABLE + " and " + LATEST_SENDABLE
              + " (was " + instant + ")");
    }
    return instant;
  }

  /**
   * Parses an absolute http or https URL with a host.
   *
   * @param providerId who is asking (for the exception)
   * @param field the field name used in the message, e.g. {@code "destination"}
   * @param value the value to check
   * @return the URL
   */
  public static URI httpUrl(String providerId, String field, String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw invalid(providerId, field, "must be an absolute http or https URL", value);
    }
    return httpUrl(providerId, field, uri);
  }

  /**
   * Checks that a URI is an absolute http or https URL with a host. Internationalized domain names
   * ({@code https://münchen.de/}) are hosts too, although {@link URI#getHost()} does not see them.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @return {@code uri}, checked
   */
  public static URI httpUrl(String providerId, String field, URI value) {
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    if (!value.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || !hasHost(value)) {
      throw invalid(providerId, field, "must be an absolute http or https URL", value.toString());
    }
    return value;
  }

  private static boolean hasHost(URI value) {
    if (value.getHost() != null) {
      return true; // a defined host is never empty (URI#getHost)
    }
    // java.net.URI parses a non-ASCII host as a registry-based authority without a host: accept it
    // when its host part is a valid internationalized domain name.
    String authority = value.getRawAuthority();
    if (authority == null || value.isOpaque()) {
      return false;
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && host.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
      host = host.substring(0, colon);
    }
    if (host.isEmpty()) {
      return false;
    }
    try {
      String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
      return !ascii.isEmpty() && new URI("http://" + ascii + "/").getHost() != null;
    } catch (IllegalArgumentException | URISyntaxException e) {
      return false;
    }
  }

  /**
   * Checks a value against a pattern, describing the rule in words for the message.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @param pattern the pattern the value must match
   * @param rule the rule in words, for the message
   * @return {@code value}, checked
   */
  public static String matches(
      String providerId, String field, String value, Pattern pattern, String rule) {
    if (!pattern.matcher(value).matches()) {
      throw invalid(providerId, field, rule, value);
    }
    return value;
  }

  /**
   * Checks that a collection has at most {@code max} elements.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param values the values by configuration key
   * @param max the largest value allowed
   */
  public static void atMost(String providerId, String field, Collection<?> values, int max) {
    if (values.size() > max) {
      throw new RequestValidationException(
          providerId, field + ": at most " + max + " allowed (was " + values.size() + ")");
    }
  }

  /**
   * Checks that an int lies in {@code [min, max]}.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param value the value to check
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return {@code value}, checked
   */
  public static int inRange(String providerId, String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new RequestValidationException(
          providerId, field + ": must be between " + min + " and " + max + " (was " + value + ")");
    }
    return value;
  }

  /**
   * {@return the id as a UUID, or a {@link RequestValidationException} naming the expected shape}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param id the link's id
   */
  public static UUID uuidId(String providerId, LinkId id) {
    String value = id.value();
    if (!isUuidShape(value)) {
      throw invalid(providerId, "id", "must be a UUID", value);
    }
    return UUID.fromString(value);
  }

  /**
   * {@return the id in the canonical text of a UUID, lowercase, as {@code uuidId(providerId,
   * id).toString()} gives it, or a {@link RequestValidationException} naming the expected shape}
   * For a path segment: an id already in that form (as vendors return them) is the result itself,
   * without a {@link UUID} parsed and printed again.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param id the link's id
   */
  public static String uuidText(String providerId, LinkId id) {
    String value = id.value();
    if (!isUuidShape(value)) {
      throw invalid(providerId, "id", "must be a UUID", value);
    }
    for (int i = 0; i < 36; i++) {
      if (value.charAt(i) >= 'A' && value.charAt(i) <= 'F') {
        return value.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return value;
  }

  /**
   * The canonical 8-4-4-4-12 hex form, checked by hand instead of by a regex on every call: {@link
   * UUID#fromString} alone would also take short groups such as {@code 1-2-3-4-5}.
   */
  private static boolean isUuidShape(String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return the id as a positive integer, or a {@link RequestValidationException}}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param id the link's id
   */
  public static long positiveIntegerId(String providerId, LinkId id) {
    String value = id.value();
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(providerId, "id", "must be a positive integer", value);
    }
    if (parsed <= 0 || !Long.toString(parsed).equals(value)) {
      throw invalid(providerId, "id", "must be a positive integer", value);
    }
    return parsed;
  }

  /**
   * {@return A {@link RequestValidationException} for one field; the value is quoted and shortened}
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param field the field's name, for the message
   * @param rule the rule in words, for the message
   * @param value the value to check
   */
  public static RequestValidationException invalid(
      String providerId, String field, String rule, String value) {
    return new RequestValidationException(providerId, field + ": " + rule + " (was " + quote(value) + ")");
  }

  /**
   * Several violations at once.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param violations every rule the input broke; not empty
   * @return the exception, to throw
   */
  public static RequestValidationException invalid(String providerId, List<String> violations) {
    return new RequestValidationException(providerId, violations);
  }

  /**
   * The value in quotes, shortened to 80 characters; control and format characters are shown as
   * escapes (a backslash, {@code u} and four hex digits), so that a message never carries a raw line break, NUL or bidirectional
   * override into a log.
   */
  private static String quote(String value) {
    String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    StringBuilder sb = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
