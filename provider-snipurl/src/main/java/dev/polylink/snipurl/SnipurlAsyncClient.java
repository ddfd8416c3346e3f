package dev.polylink.snipurl;

import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.LinkId;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link SnipurlClient}, from {@link SnipurlClient#async()}: every
 * {@link AsyncLinkClient} operation, and SnipURL's typed extras without blocking, on the same
 * transport, rate-limit budget, retries, deadlines, listeners and completion executor (see {@link
 * AsyncLinkClient}). Each extra sends what its blocking method sends and fails its future with the
 * exception that method throws; a check that fails before sending fails the future and sends
 * nothing, and cancelling the future cancels the call in flight.
 */
public interface SnipurlAsyncClient extends AsyncLinkClient {
  /**
   * {@link SnipurlClient#analyticsSettings} without blocking ({@code GET links/{id}}).
   *
   * @param id the link's UUID
   * @return the settings that would set the link's sharing as it is
   */
  CompletableFuture<SnipurlOptions> analyticsSettings(LinkId id);

  /**
   * {@link SnipurlClient#qrCode(String, QrOptions)} without blocking ({@code GET qr/:short_code}).
   *
   * @param shortCode the short code
   * @param options the options
   * @return the image
   */
  CompletableFuture<QrCode> qrCode(String shortCode, QrOptions options);

  /**
   * {@link SnipurlClient#analyticsSummary} without blocking ({@code GET analytics/summary}).
   *
   * @return the account's analytics summary
   */
  CompletableFuture<SnipurlAnalyticsSummary> analyticsSummary();

  /**
   * {@link SnipurlClient#delete(Collection)} without blocking: every id checked first, then the
   * same requests of {@value SnipurlClient#MAX_BULK_DELETE} ids, one after the other, each sent
   * when the one before succeeded; a request that fails after an earlier one succeeded fails the
   * future with the same {@link dev.polylink.core.BulkOperationException}. Cancelling the future
   * cancels the request in flight and sends no more.
   *
   * @param ids the links to delete
   * @return the number of links SnipURL reports deleted; empty when not known exactly
   */
  CompletableFuture<OptionalInt> delete(Collection<LinkId> ids);
}
