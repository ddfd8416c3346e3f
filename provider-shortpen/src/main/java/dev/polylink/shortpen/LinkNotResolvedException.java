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
   * How many pages the look-up read; {@link #pagesRead()}.
   */
  private final int pagesRead;

  /**
   * An exception for a link that was created at {@code shortUrl} but whose id was not found.
   *
   * @param shortUrl the short URL ShortPen returned for the new link
   * @param pagesRead how many pages of {@code GET /v1/links} were read before giving up
   * @param detail why it was not found, e.g. which pages were read of how many
   * @param cause the failure that stopped the look-up, or {@code null} when the link was not on any
   *     page read
   */
  public LinkNotResolvedException(URI shortUrl, int pagesRead, String detail, Throwable cause) {
    super(
        ShortpenClient.PROVIDER_ID,
        ShortpenClient.PROVIDER_ID + " create: the link " + Objects.requireNonNull(shortUrl, "shortUrl")
            + " was created, but its id could not be resolved from GET /v1/links ("
            + Objects.requireNonNull(detail, "detail")
            + "); do not create it again, look it up by its short URL",
        cause);
    this.shortUrl = shortUrl;
    this.pagesRead = pagesRead;
  }

  /** {@return the short URL of the link that was created} */
  public URI shortUrl() {
    return shortUrl;
  }

  /**
   * How far the look-up got: the number of list pages (100 links each) it read, at most the
   * client's {@link ShortpenClient.Builder#createLookupPages(int)}; fewer when the list ended or a
   * list request failed.
   *
   * @return the number of pages read
   */
  public int pagesRead() {
    return pagesRead;
  }
}
