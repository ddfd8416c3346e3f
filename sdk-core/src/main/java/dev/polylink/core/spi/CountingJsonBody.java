package dev.polylink.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body, serialized once with the shared mapper, that counts how often it was
 * written to the network. OkHttp writes a body once per attempt that reaches the point of sending
 * it, so after a call {@link #timesSent()} above 1 means the request was resent after an attempt
 * that may have been processed: the vendor's answer then describes the last attempt only. A
 * provider uses it where that matters, such as a bulk delete whose answer counts what it deleted.
 *
 * <p>Pass it as the {@code @Body} of a Retrofit method declared with {@link RequestBody}.
 */
public final class CountingJsonBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final byte[] bytes;
  private final AtomicInteger sent = new AtomicInteger();

  private CountingJsonBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The value as JSON, written as Jackson's Retrofit converter would write it.
   *
   * @param value what to serialize with {@link Json#mapper()}
   * @return a body that has not been sent yet
   * @throws IllegalArgumentException when Jackson cannot serialize the value
   */
  public static CountingJsonBody of(Object value) {
    try {
      return new CountingJsonBody(Json.mapper().writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + value.getClass().getName(), e);
    }
  }

  /**
   * How many times the body was written to a connection so far.
   *
   * @return 0 before the call, 1 after a call sent once, more after a resend
   */
  public int timesSent() {
    return sent.get();
  }

  @Override
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sent.incrementAndGet();
    sink.write(bytes);
  }
}
