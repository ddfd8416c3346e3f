package dev.polylink.shortpen;

import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.LinkId;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link ShortpenClient}, from {@link ShortpenClient#async()}: every
 * {@link AsyncLinkClient} operation, and ShortPen's typed extra without blocking, on the same
 * transport, rate-limit budget, retries, deadlines, listeners and completion executor (see {@link
 * AsyncLinkClient}). {@link ShortpenClient#qrCode(dev.polylink.core.Link)} makes no request and has
 * no asynchronous variant.
 */
public interface ShortpenAsyncClient extends AsyncLinkClient {
  /**
   * {@link ShortpenClient#delete(Collection)} without blocking: the same checks first (a failed
   * future, nothing sent), the same single {@code DELETE /v1/links} with {@code {"url_id": [ids]}}
   * and the same count; cancelling the future cancels the call.
   *
   * @param ids the links to delete
   * @return the number of links ShortPen deleted; empty when the request was resent after an
   *     attempt that may have been processed
   */
  CompletableFuture<OptionalInt> delete(Collection<LinkId> ids);
}
