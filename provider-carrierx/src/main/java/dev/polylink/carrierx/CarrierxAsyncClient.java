package dev.polylink.carrierx;

import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link CarrierxClient}, from {@link CarrierxClient#async()}: every
 * {@link AsyncLinkClient} operation, and CarrierX's typed extras without blocking, on the same
 * transport, retries, deadlines, listeners and completion executor (see {@link AsyncLinkClient}).
 * Each extra sends what its blocking method sends and fails its future with the exception that
 * method throws; a check that fails before sending fails the future and sends nothing, and
 * cancelling the future cancels the call in flight.
 */
public interface CarrierxAsyncClient extends AsyncLinkClient {
  /**
   * {@link CarrierxClient#list(String, ListLinksRequest)} without blocking.
   *
   * @param filter a CarrierX filter expression, sent as is
   * @param request the page size and cursor
   * @return one page of the matching links
   */
  CompletableFuture<Page<Link>> list(String filter, ListLinksRequest request);

  /**
   * {@link CarrierxClient#replace} without blocking: the GET and the PUT as two steps of one
   * future; cancelling it between them sends no PUT.
   *
   * @param id the link's {@code link_sid}
   * @param patch the changes to apply before the PUT
   * @return the link as CarrierX answers the PUT
   */
  CompletableFuture<Link> replace(LinkId id, LinkPatch patch);
}
