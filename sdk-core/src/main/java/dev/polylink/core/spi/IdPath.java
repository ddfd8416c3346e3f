package dev.polylink.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The path of a request to one resource by its id, such as {@code v1/links/{link_id}}. A provider
 * makes it once and passes {@link #with(String) the path for an id} to its Retrofit method as the
 * {@code @Url}, and the path itself as the method's {@code @Tag}. Listeners, logs and metrics then
 * still name the template, never the id: the client reads the tag as the request's path template,
 * where it would otherwise read the method's HTTP annotation.
 *
 * <p>Why not Retrofit's {@code @Path}: for every call it percent-encodes the value, replaces the
 * placeholder in the relative URL and matches the whole result against a path-traversal regular
 * expression. For an xQR {@code get} that was about 3 % of the CPU on the calling thread
 * (benchmarks/README.md), spent on ids the provider had already checked. Here the template is split
 * once, and the id is put between its two parts:
 *
 * <ul>
 *   <li>A segment of unreserved characters (RFC 3986: letters, digits, {@code - . _ ~}) goes in as
 *       it is. Every id a provider has checked (UUIDs, digits, short codes) is one.
 *   <li>Any other character is percent-encoded as UTF-8, {@code /}, {@code ?} and {@code %} among
 *       them, so the id stays one segment whatever it holds.
 *   <li>{@code .}, {@code ..} and the empty id are refused, as Retrofit refuses path traversal.
 * </ul>
 */
public final class IdPath {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String template;
  private final String prefix;
  private final String suffix;

  private IdPath(String template, String prefix, String suffix) {
    this.template = "/" + template;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /**
   * {@return the path of this template}
   *
   * @param template a relative path with exactly one placeholder, such as {@code v1/links/{link_id}}
   *     or {@code v1/links/{link_id}/qr}, with no query
   * @throws IllegalArgumentException when it has no placeholder, more than one, or a query
   */
  public static IdPath of(String template) {
    Objects.requireNonNull(template, "template");
    int open = template.indexOf('{');
    int close = template.indexOf('}', open + 1);
    if (open < 0 || close < 0 || template.indexOf('{', open + 1) >= 0 || template.indexOf('}', close + 1) >= 0
        || close == open + 1 || template.indexOf('?') >= 0 || template.startsWith("/")) {
      throw new IllegalArgumentException(
          "template: must be a relative path with exactly one {placeholder} and no query: " + template);
    }
    return new IdPath(template, template.substring(0, open), template.substring(close + 1));
  }

  /**
   * {@return the template as listeners, logs and metrics name a request's path: with a leading
   * slash, such as {@code /v1/links/{link_id}}, as for a path from a method's HTTP annotation}
   */
  public String template() {
    return template;
  }

  /**
   * {@return the relative path for {@code id}, its one segment percent-encoded where needed}
   *
   * @param id the id, already checked by the provider
   * @throws IllegalArgumentException for an empty id, {@code .} or {@code ..}
   */
  public String with(String id) {
    if (id.isEmpty() || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("id: must not be empty, '.' or '..' in the path " + template);
    }
    for (int i = 0, n = id.length(); i < n; i++) {
      if (!unreserved(id.charAt(i))) {
        return prefix + encoded(id) + suffix;
      }
    }
    return prefix + id + suffix;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static String encoded(String id) {
    StringBuilder out = new StringBuilder(id.length() * 3);
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && unreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** {@return the template} */
  @Override
  public String toString() {
    return template;
  }
}
