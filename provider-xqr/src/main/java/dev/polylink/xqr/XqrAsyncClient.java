package dev.polylink.xqr;

import dev.polylink.core.AsyncLinkClient;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of an {@link XqrClient}, from {@link XqrClient#async()}: every {@link
 * AsyncLinkClient} operation, and xQR's typed extra without blocking, on the same transport,
 * rate-limit budget, retries, deadlines, listeners and completion executor (see {@link
 * AsyncLinkClient}).
 */
public interface XqrAsyncClient extends AsyncLinkClient {
  /**
   * {@link XqrClient#analyticsSummary} without blocking: the same request ({@code GET
   * /v1/analytics/summary?period=}) and mapping; a vendor error fails the future with the exception
   * the blocking call throws, and cancelling the future cancels the call.
   *
   * @param period the period
   * @return the summary
   */
  CompletableFuture<XqrAnalyticsSummary> analyticsSummary(XqrSummaryPeriod period);
}
