package dev.polylink.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A URI kept as its text and parsed into a {@link URI} when first read: what {@code Link} holds
 * for its short URL and destination, so that a link mapped from a vendor's answer does not parse
 * two URIs nobody may read ({@code java.net.URI}'s parser was the largest single item of a mapped
 * link's CPU time; a parsed {@code URI} also holds about 375 bytes beside its text).
 *
 * <p>Text is only kept unparsed when {@link #surelyAbsolute} proves that {@code new URI(text)}
 * succeeds and is absolute: a common shape ({@code scheme://host[:port]/path?query#fragment} in
 * plain ASCII, every character one the URI grammar allows where it stands). Any other text is
 * parsed at once, so a text that is not a URI fails where it is given, as before; the lazy parse
 * of a proven text cannot fail. The parsed value is the same {@code new URI(text)} either way.
 *
 * <p>Equality and the hash code are {@link URI}'s (they parse the text), so two links compare as
 * they did when they held {@code URI}s. Thread-safe: the parsed value is published through a
 * volatile field ({@code URI}'s own fields are not final); two threads reading it first may both
 * parse, and both get equal values.
 */
public final class UriText {
  private final String text;
  private volatile URI uri;

  private UriText(String text, URI uri) {
    this.text = text;
    this.uri = uri;
  }

  /**
   * A parsed URI.
   *
   * @param uri the URI
   * @param name the name of the field, for the exception
   * @return the URI's text and value
   * @throws NullPointerException when {@code uri} is null, with {@code name} as its message
   */
  public static UriText of(URI uri, String name) {
    Objects.requireNonNull(uri, name);
    return new UriText(uri.toString(), uri);
  }

  /**
   * A URI's text, parsed when first read when {@link #surelyAbsolute} proves it a URI, else now.
   *
   * @param text the URI's text, exactly ({@code new URI(text)}: surrounding whitespace is an error)
   * @param name the name of the field, for the exceptions
   * @return the text and, when it has been parsed, its value
   * @throws NullPointerException when {@code text} is null, with {@code name} as its message
   * @throws IllegalArgumentException when {@code text} is not a URI, naming {@code name} and the
   *     parser's reason
   */
  public static UriText parse(String text, String name) {
    Objects.requireNonNull(text, name);
    if (surelyAbsolute(text)) {
      return new UriText(text, null);
    }
    try {
      return new UriText(text, new URI(text));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URI: " + e.getMessage(), e);
    }
  }

  /**
   * {@return whether {@code text} is an absolute URI as {@code new URI(text)} reads it} Cheap for
   * text of the common shape ({@link #surelyAbsolute}); any other text is parsed.
   *
   * @param text the text, or null (not a URI)
   */
  public static boolean isAbsolute(String text) {
    if (text == null) {
      return false;
    }
    if (surelyAbsolute(text)) {
      return true;
    }
    try {
      return new URI(text).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** {@return the URI, parsed at the first call} */
  public URI uri() {
    URI parsed = uri;
    if (parsed == null) {
      // surelyAbsolute(text) held: this cannot fail (URI.create would rethrow unchecked).
      parsed = URI.create(text);
      uri = parsed;
    }
    return parsed;
  }

  /** {@return the text, which is what the URI's {@link URI#toString()} gives} */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof UriText && uri().equals(((UriText) other).uri());
  }

  @Override
  public int hashCode() {
    return uri().hashCode();
  }

  // ---- the proof: a conservative subset of RFC 2396 as java.net.URI parses it ----

  /** The ASCII characters allowed in a scheme after its first letter. */
  private static final boolean[] SCHEME = chars("+-.");
  /** In the authority: a host name, an IPv4 address, a port after {@code ':'}. */
  private static final boolean[] AUTHORITY = chars("-.:");
  /** In the path: RFC 2396 pchar and {@code '/'} (an escape, {@code '%'}, is checked apart). */
  private static final boolean[] PATH = chars("-_.!~*'()" + ":@&=+$,;/");
  /** In the query and fragment: RFC 2396 uric ({@code '['} and {@code ']'} left to the parser). */
  private static final boolean[] URIC = chars("-_.!~*'()" + ";/?:@&=+$,");

  private static boolean[] chars(String marks) {
    boolean[] allowed = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      allowed[c] = true;
      allowed[c - 'a' + 'A'] = true;
    }
    for (int i = 0; i < marks.length(); i++) {
      allowed[marks.charAt(i)] = true;
    }
    return allowed;
  }

  /**
   * Whether {@code text} has the shape {@code scheme "://" authority *("/" *pchar) ["?" *uric]
   * ["#" *uric]}, in ASCII, with a scheme of a letter and then letters, digits, {@code +-.}, a
   * non-empty authority of letters, digits and {@code -.:}, and every {@code %} followed by two hex
   * digits. For such text {@code java.net.URI}'s parser (RFC 2396 with RFC 2732's brackets) takes
   * the scheme, then the authority (as a server, or else as a registry name, which allows every
   * character above: it never fails), then the path, query and fragment, each made of characters
   * its grammar allows: so {@code new URI(text)} succeeds, with a scheme. {@code false} says
   * nothing: other text may be a URI too.
   *
   * @param text the text
   * @return {@code true} only when {@code new URI(text)} succeeds and is absolute
   */
  static boolean surelyAbsolute(String text) {
    int n = text.length();
    if (n == 0 || !letter(text.charAt(0))) {
      return false;
    }
    int i = 1;
    for (; i < n && text.charAt(i) != ':'; i++) {
      if (!allowed(SCHEME, text.charAt(i))) {
        return false;
      }
    }
    // "://" and at least one character of authority
    if (i + 3 >= n || text.charAt(i + 1) != '/' || text.charAt(i + 2) != '/') {
      return false;
    }
    i += 3;
    int authorityStart = i;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      if (!allowed(AUTHORITY, c)) {
        return false;
      }
    }
    if (i == authorityStart) {
      return false;
    }
    i = scan(text, i, n, PATH); // ends at '?', '#', the end or FAIL
    if (i < n && text.charAt(i) == '?') {
      i = scan(text, i + 1, n, URIC); // ends at '#', the end or FAIL
    }
    if (i < n && text.charAt(i) == '#') {
      i = scan(text, i + 1, n, URIC); // a second '#' is not a URIC: not at the end
    }
    return i == n;
  }

  /** What {@link #scan} returns for a character its part does not allow: beyond every end. */
  private static final int FAIL = Integer.MAX_VALUE;

  /**
   * Scans from {@code i} while the characters are in {@code allowed}, every {@code '%'} followed by
   * two hex digits; a {@code '?'} or {@code '#'} that {@code allowed} lacks ends the part.
   *
   * @return where the part ends ({@code n} at the end), or {@link #FAIL}
   */
  private static int scan(String text, int i, int n, boolean[] allowed) {
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
          return FAIL;
        }
        i += 2;
      } else if (!allowed(allowed, c)) {
        return c == '?' || c == '#' ? i : FAIL;
      }
    }
    return i;
  }

  private static boolean allowed(boolean[] allowed, char c) {
    return c < 128 && allowed[c];
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
