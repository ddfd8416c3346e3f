package dev.polylink.core.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads the URLs in vendors' link objects: a short or destination URL, the short code it ends in. */
public final class Links {
  private Links() {}

  /**
   * {@code text} as an absolute URI (one with a scheme), surrounding whitespace ignored; empty when
   * it is null, relative or not a URI. Nothing else is checked: see {@link Checks#httpUrl} for the
   * rules a request's URL must meet.
   *
   * @param text the text to read
   * @return the absolute URI, or empty
   */
  public static Optional<URI> absoluteUri(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.strip());
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return the last non-empty segment of the URI's decoded path: the short code of a short URL
   * such as {@code https://s.example/abc}} Empty segments are skipped, so {@code /abc/} and {@code
   * /abc//} give {@code abc} too; a URI without a path (or with only slashes) gives empty. The
   * query and fragment play no part. The path is decoded ({@link URI#getPath()}) before it is
   * split, so {@code /a%20b} gives {@code a b} and an escaped slash splits too ({@code /a%2Fb}
   * gives {@code b}). A null {@code uri} gives empty.
   *
   * @param uri the URI
   */
  public static Optional<String> lastPathSegment(URI uri) {
    String path = uri == null ? null : uri.getPath();
    if (path == null) {
      return Optional.empty();
    }
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == 0) {
      return Optional.empty();
    }
    return Optional.of(path.substring(path.lastIndexOf('/', end - 1) + 1, end));
  }
}
