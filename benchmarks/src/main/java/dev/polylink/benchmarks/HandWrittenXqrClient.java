package dev.polylink.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline: what a user would write by hand with OkHttp and Jackson for the same four xQR
 * requests (same method, path, headers and body), mapping each link to a plain record. Uses an
 * OkHttp client with the same connection-pool sizing as Polylink's, so that the comparison
 * measures the SDK's own per-call work.
 */
final class HandWrittenXqrClient implements AutoCloseable {
  /** A link mapped by hand. */
  record PlainLink(String id, String shortUrl, String shortCode, String destination, boolean enabled,
      List<String> labels, long scanCount, Instant createdAt, Instant updatedAt) {}

  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();
  private final String baseUrl;
  private final String authorization;

  HandWrittenXqrClient(OkHttpClient http, String baseUrl, String apiKey) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + apiKey;
  }

  PlainLink create(String destination, String slug) {
    String body = "{\"url\":" + quote(destination) + ",\"custom_slug\":" + quote(slug) + "}";
    return one(request("v1/links").post(RequestBody.create(body, JSON)).build());
  }

  PlainLink get(String id) {
    return one(request("v1/links/" + id).get().build());
  }

  List<PlainLink> list(int limit) {
    JsonNode data = call(request("v1/links?limit=" + limit).get().build()).get("data");
    List<PlainLink> links = new ArrayList<>(data.size());
    for (JsonNode node : data) {
      links.add(map(node));
    }
    return links;
  }

  PlainLink update(String id, String destination) {
    String body = "{\"url\":" + quote(destination) + "}";
    return one(request("v1/links/" + id).patch(RequestBody.create(body, JSON)).build());
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(baseUrl + "/" + path)
        .header("Authorization", authorization)
        .header("User-Agent", "hand-written/1.0")
        .header("Accept", "application/json");
  }

  private PlainLink one(Request request) {
    return map(call(request).get("data"));
  }

  private JsonNode call(Request request) {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      return mapper.readTree(response.body().byteStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PlainLink map(JsonNode n) {
    List<String> labels = new ArrayList<>();
    n.path("labels").forEach(l -> labels.add(l.asText()));
    return new PlainLink(n.path("id").asText(), n.path("short_url").asText(), n.path("short_code").asText(),
        n.path("destination").asText(null), n.path("enabled").asBoolean(), labels, n.path("scan_count").asLong(),
        Instant.parse(n.path("created_at").asText()), Instant.parse(n.path("updated_at").asText()));
  }

  private String quote(String s) {
    try {
      return mapper.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
