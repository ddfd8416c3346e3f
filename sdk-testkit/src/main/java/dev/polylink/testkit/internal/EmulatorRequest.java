package dev.polylink.testkit.internal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One HTTP request as an emulator sees it: method, decoded path segments, query, headers, body. */
public final class EmulatorRequest {
  private final String method;
  private final List<String> segments;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;

  /**
   * @param method the HTTP method, any case
   * @param url the path and query as sent, e.g. {@code /api/v1/links?limit=5}
   * @param headers the request headers (the first value of each)
   * @param body the request body, empty for none
   */
  public EmulatorRequest(String method, String url, Map<String, String> headers, byte[] body) {
    this.method = method.toUpperCase(Locale.ROOT);
    int q = url.indexOf('?');
    String rawPath = q < 0 ? url : url.substring(0, q);
    this.segments = segments(rawPath);
    this.query = q < 0 ? Map.of() : parseQuery(url.substring(q + 1));
    TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sorted.putAll(headers);
    this.headers = Collections.unmodifiableMap(sorted);
    this.body = body == null ? new byte[0] : body.clone();
  }

  /** Reads a WireMock request. */
  public static EmulatorRequest from(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), header.firstValue());
    }
    return new EmulatorRequest(request.getMethod().getName(), request.getUrl(), headers, request.getBody());
  }

  /** The method in upper case. */
  public String method() {
    return method;
  }

  /** The decoded, non-empty path segments: {@code /api/v1/links/} gives {@code [api, v1, links]}. */
  public List<String> segments() {
    return segments;
  }

  /** The path segments after {@code prefix}, or empty when the path does not start with it. */
  public Optional<List<String>> segmentsAfter(List<String> prefix) {
    if (segments.size() < prefix.size() || !segments.subList(0, prefix.size()).equals(prefix)) {
      return Optional.empty();
    }
    return Optional.of(segments.subList(prefix.size(), segments.size()));
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A header's value, matched without regard to case; null when absent. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Whether the request carries a body of at least one byte. */
  public boolean hasBody() {
    return body.length > 0;
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type of the body without parameters, in lower case; empty when none is given. */
  public String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }
}
