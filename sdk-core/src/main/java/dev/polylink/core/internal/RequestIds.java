package dev.polylink.core.internal;

import java.util.List;
import java.util.Optional;
import okhttp3.Response;

/** The common request-id response headers, {@code X-Request-Id} and {@code Request-Id}. */
final class RequestIds {
  private static final List<String> HEADERS = List.of("X-Request-Id", "Request-Id");

  private RequestIds() {}

  /** The first non-blank request-id header, stripped. */
  static Optional<String> fromHeaders(Response response) {
    for (String name : HEADERS) {
      String value = response.header(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }
}
