package dev.polylink.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an emulator answers: a status, headers and an optional body. Built by the static factories. */
public final class EmulatorResponse {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body;

  private EmulatorResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
  }

  /** A JSON body rendered from plain values. */
  public static EmulatorResponse json(int status, Object body) {
    return new EmulatorResponse(status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** A binary body of the given content type, e.g. an image. */
  public static EmulatorResponse bytes(int status, String contentType, byte[] body) {
    return new EmulatorResponse(status, contentType, body.clone());
  }

  /** No body at all, e.g. a 204. */
  public static EmulatorResponse empty(int status) {
    return new EmulatorResponse(status, null, null);
  }

  /** A text body of the given content type. */
  public static EmulatorResponse text(int status, String contentType, String body) {
    return new EmulatorResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A redirect to {@code location} with a short HTML body, as redirecting servers send. */
  public static EmulatorResponse redirect(int status, String location) {
    EmulatorResponse response = text(status, "text/html; charset=utf-8", "<a href=\"" + Html.escape(location)
        + "\">Redirecting</a>\n");
    return response.header("Location", location);
  }

  /** Sets a header, replacing an earlier value of the same name. */
  public EmulatorResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Drops the body (for HEAD requests), keeping status and headers. */
  public EmulatorResponse withoutBody() {
    body = null;
    return this;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers, in the order set. */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The body, or null for none. */
  public byte[] body() {
    return body == null ? null : body.clone();
  }
}
