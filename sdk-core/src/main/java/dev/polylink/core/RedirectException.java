package dev.polylink.core;

import java.util.Optional;

/**
 * The vendor answered with a redirect (3xx). Polylink never follows a redirect on an API call:
 * OkHttp would turn a 301/302 answer to a POST, PUT, PATCH or DELETE into a GET to the new host and
 * report success, and resend a 307/308 request, body and credentials included, to another origin.
 * What the redirect points at is in the message and in {@link #location()}; an API that moved is a
 * configuration matter ({@code baseUrl}), not something to follow silently. Never retried.
 */
public class RedirectException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * The {@code Location} the vendor redirected to; {@link #location()}.
   */
  private final String location;

  /**
   * A 3xx answer; a value the vendor did not send is null (unknown).
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param statusCode the HTTP status, 300 to 399
   * @param location the {@code Location} header, or null when the answer had none
   * @param requestId the vendor's request id, or null
   * @param responseBody the raw body as kept; empty for none
   */
  public RedirectException(
      String providerId,
      Operation operation,
      int statusCode,
      String location,
      String requestId,
      String responseBody) {
    super(providerId, operation, statusCode, null, null, requestId, null, responseBody, false,
        "redirect to " + (location == null ? "no Location" : cut(location)) + " not followed");
    this.location = location;
  }

  /**
   * The {@code Location} the vendor redirected to, where it sent one.
   *
   * @return the {@code Location} header as sent
   */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  private static String cut(String location) {
    return location.length() <= 200 ? location : location.substring(0, 200) + "...";
  }
}
