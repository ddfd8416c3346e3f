package dev.polylink.shortpen;

import dev.polylink.core.PolylinkException;
import java.net.URI;
import java.util.Objects;

/**
 * ShortPen created the link, but its id could not be found afterwards. ShortPen's {@code POST
 * /v1/generate} answers with the short URL only, so {@link ShortpenClient#create} looks the new link
 * up in {@code GET /v1/links}; this exception says that look-up failed (the link was not listed, or
 * listing failed: see {@link #getCause()}).
 *
 * <p>The link exists: do not create it again. {@link #shortUrl()} identifies it, so it can be found
 * later with {@link ShortpenClient#listAll} or in the dashboard.
 */
public final class LinkNotResolvedException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The short URL ShortPen answered with; {@link #shortUrl()}.
   */
  private final URI shortUrl;

  /**
   * An exception for a link that was created at {@code shortUrl} but whose id was not found.
   *
   * @param shortUrl the short URL ShortPen returned for the new link
   * @param detail why it was not found, e.g. how many pages were read
   * @param cause the failure that stopped the look-up, or {@code null} when every page was read
   */
  public LinkNotResolvedException(URI shortUrl, String detail, Throwable cause) {
    super(
        ShortpenClient.PROVIDER_ID,
        ShortpenClient.PROVIDER_ID + " create: the link " + Objects.requireNonNull(shortUrl, "shortUrl")
            + " was created, but its id could not be resolved from GET /v1/links ("
            + Objects.requireNonNull(detail, "detail")
            + "); do not create it again, look it up by its short URL",
        cause);
    this.shortUrl = shortUrl;
  }

  /** {@return the short URL of the link that was created} */
  public URI shortUrl() {
    return shortUrl;
  }
}
