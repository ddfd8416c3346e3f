package dev.polylink.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.polylink.core.spi.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;

/**
 * The wire log: every attempt's request and response at TRACE on logger {@value
 * Logging#WIRE_LOGGER}, redacted. Added (after the retry interceptor, so that each attempt is
 * logged) only when the builder's {@code wireLog(true)} is set, and silent unless TRACE is enabled.
 *
 * <p>Redacted: the values of credential headers ({@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie}, {@code Set-Cookie} and any header whose name contains {@code key}, {@code token},
 * {@code secret} or {@code password}); query parameters with such names; and, in JSON bodies, the
 * value of every member whose name contains {@code password}, {@code secret}, {@code token} or
 * {@code api_key}/{@code apikey} (SnipURL's {@code password}, ShortPen's {@code url_password}).
 * Bodies that are not JSON are not shown, only their size; shown bodies are cut at {@value
 * #MAX_BODY} characters.
 */
final class WireLogInterceptor implements Interceptor {
  static final String REDACTED = "██";
  static final int MAX_BODY = 4096;

  private static final Logger LOG = Logging.logger(Logging.WIRE_LOGGER);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isTraceEnabled()) {
      return chain.proceed(request);
    }
    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(url(request.url()));
    headers(out, request.headers());
    RequestBody body = request.body();
    if (body != null && !body.isOneShot() && !body.isDuplex()) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      body(out, body.contentType(), buffer.readString(StandardCharsets.UTF_8));
    } else if (body != null) {
      out.append("\n(streamed body not shown)");
    }
    LOG.trace(out.toString());
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.trace("<-- {} {} failed: {}", request.method(), url(request.url()), e.getClass().getSimpleName());
      throw e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ')
        .append(request.method()).append(' ').append(url(request.url())).append(" (").append(millis).append(" ms)");
    headers(in, response.headers());
    ResponseBody peeked = response.peekBody(MAX_BODY * 4L);
    body(in, peeked.contentType(), peeked.string());
    LOG.trace(in.toString());
    return response;
  }

  private static String url(HttpUrl url) {
    if (url.querySize() == 0) {
      return url.toString();
    }
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (sensitiveHeader(name)) {
        b.setQueryParameter(name, REDACTED);
      }
    }
    return b.build().toString();
  }

  private static void headers(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      out.append('\n').append(name).append(": ").append(sensitiveHeader(name) ? REDACTED : headers.value(i));
    }
  }

  private static boolean sensitiveHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("auth") || n.contains("cookie") || n.contains("key") || n.contains("token")
        || n.contains("secret") || n.contains("password") || n.contains("signature");
  }

  static boolean sensitiveField(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
    return n.contains("password") || n.contains("secret") || n.contains("token") || n.contains("api_key")
        || n.contains("apikey") || n.equals("authorization") || n.equals("key");
  }

  private static void body(StringBuilder out, MediaType type, String text) {
    if (text.isEmpty()) {
      return;
    }
    JsonNode json;
    try {
      json = Json.mapper().readTree(text);
    } catch (IOException | RuntimeException e) {
      json = null;
    }
    if (json == null || !(json.isContainerNode())) {
      out.append("\n(").append(text.length()).append("-character ")
          .append(type == null ? "body" : type.type() + "/" + type.subtype() + " body").append(" not shown)");
      return;
    }
    String shown = redact(json).toString();
    out.append('\n').append(shown.length() > MAX_BODY ? shown.substring(0, MAX_BODY) + "…(cut)" : shown);
  }

  /** The JSON with every sensitive member's value replaced, at any depth. */
  static JsonNode redact(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (sensitiveField(field.getKey()) && !field.getValue().isNull() && !field.getValue().isBoolean()) {
          field.setValue(TextNode.valueOf(REDACTED));
        } else {
          redact(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode) {
      node.forEach(WireLogInterceptor::redact);
    }
    return node;
  }
}
