package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.testkit.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain HTTP against an emulator: no redirects followed, JSON bodies sent as the vendors' docs send them. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String authorization;

  private Http(String authorization) {
    this.authorization = authorization;
  }

  /** Requests with {@code Authorization: Bearer <key>}. */
  static Http bearer(String key) {
    return new Http("Bearer " + key);
  }

  /** Requests with the given {@code Authorization} header, or none for null. */
  static Http authorization(String header) {
    return new Http(header);
  }

  Reply get(String url) {
    return send("GET", url, null, null);
  }

  Reply post(String url, String json) {
    return send("POST", url, "application/json", json);
  }

  Reply patch(String url, String json) {
    return send("PATCH", url, "application/json", json);
  }

  Reply put(String url, String json) {
    return send("PUT", url, "application/json", json);
  }

  Reply delete(String url) {
    return send("DELETE", url, null, null);
  }

  Reply delete(String url, String json) {
    return send("DELETE", url, "application/json", json);
  }

  /** Any request; {@code contentType} and {@code body} may be null. */
  Reply send(String method, String url, String contentType, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + method + " " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A response: status, headers (names in lower case) and body text. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    /** The first value of a header, matched without regard to case. */
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    /** The body as a JSON object. */
    Map<String, Object> json() {
      Optional<Map<String, Object>> parsed = Json.parseObject(body);
      assertTrue(parsed.isPresent(), () -> "not a JSON object (" + status + "): " + body);
      return parsed.get();
    }
  }

  /** {@code value} as a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object value) {
    assertTrue(value instanceof Map, () -> "not an object: " + value);
    return (Map<String, Object>) value;
  }

  /** {@code value} as a JSON array. */
  @SuppressWarnings("unchecked")
  static List<Object> arr(Object value) {
    assertTrue(value instanceof List, () -> "not an array: " + value);
    return (List<Object>) value;
  }

  /** {@code value} as a number's long value. */
  static long num(Object value) {
    assertTrue(value instanceof Number, () -> "not a number: " + value);
    return ((Number) value).longValue();
  }
}
