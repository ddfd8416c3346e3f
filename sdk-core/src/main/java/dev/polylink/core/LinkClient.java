package dev.polylink.core;

import dev.polylink.core.internal.LazyPages;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One URL-shortener account behind the unified model. Implementations are thread-safe; create one
 * per account and share it. Every method throws {@link PolylinkException} subclasses only:
 * {@link RequestValidationException} or {@link UnsupportedFieldException} before any request,
 * {@link ApiException} subclasses for the vendor's error answers, {@link TransportException} for
 * I/O failures and unreadable responses.
 */
public interface LinkClient extends AutoCloseable {
  /** The provider id: {@code "xqr"}, {@code "shortpen"}, {@code "snipurl"} or {@code "carrierx"}. */
  String providerId();

  /** What this provider can do; requests outside it are rejected before sending. */
  Capabilities capabilities();

  /** Creates a link. */
  Link create(CreateLinkRequest request);

  /** Reads one link; {@link NotFoundException} when there is none. */
  Link get(LinkId id);

  /** Reads one page of links. */
  Page<Link> list(ListLinksRequest request);

  /**
   * Every link from {@code request}'s cursor on, as a lazy stream: a page is fetched only when the
   * stream's consumer reaches it, with no prefetch. Close the stream or stop consuming it to stop.
   */
  default Stream<Link> listAll(ListLinksRequest request) {
    return LazyPages.stream(providerId(), request, this::list);
  }

  /** Applies a patch and returns the link as the vendor reports it afterwards. */
  Link update(LinkId id, LinkPatch patch);

  /**
   * Deletes a link; {@link NotFoundException} when there is none. A DELETE whose answer was lost
   * (a reset, a deadline) is sent again; if that retry is answered 404 the link is reported deleted,
   * since the first attempt may have deleted it (as jclouds' delete methods treat a 404).
   */
  void delete(LinkId id);

  /** The rate-limit state from the most recent response, where the vendor reports one. */
  Optional<RateLimitStatus> lastRateLimit();

  /**
   * Releases what this client created itself (its connection pool and threads). An {@code
   * OkHttpClient} passed to the builder is never shut down.
   */
  @Override
  void close();
}
