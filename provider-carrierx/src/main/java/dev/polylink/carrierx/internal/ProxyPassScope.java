package dev.polylink.carrierx.internal;

import dev.polylink.core.PermissionDeniedException;

/**
 * Explains a 403 answering a request that set {@code mode: proxy_pass}: CarrierX requires the extra
 * scope {@code shortener.allow_link_mode_proxypass} for it, which the error decoder cannot know
 * about because it does not see the request.
 */
final class ProxyPassScope {
  static final String SCOPE = "shortener.allow_link_mode_proxypass";
  static final String HINT = "setting mode proxy_pass needs the extra CarrierX scope " + SCOPE;

  private ProxyPassScope() {}

  /**
   * The same failure (status, code, request id, details, raw body, retryability) with the hint
   * appended to the vendor's message; the original is attached as a suppressed exception.
   */
  static PermissionDeniedException explain(PermissionDeniedException e) {
    PermissionDeniedException explained =
        new PermissionDeniedException(
            e.providerId(), e.operation(), e.statusCode(), e.errorCode().orElse(null),
            e.vendorMessage().map(m -> m + " (" + HINT + ")").orElse(HINT), e.requestId().orElse(null),
            e.details().orElse(null), e.responseBody());
    explained.addSuppressed(e);
    return explained;
  }
}
