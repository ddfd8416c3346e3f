package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.RateLimitParser;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * A vendor without a network, for the unit tests of {@link RetryInterceptor} and {@link
 * AsyncRetryCall}: the inner client's application interceptors answer each attempt from a script.
 * The {@link Attempt#SENT_MARKER} runs between them, as the network interceptor it is would run
 * once a connection is there, so a step can fail before it ({@link #notSent}: DNS, connect) or after
 * it (sent). Nothing opens a socket and nothing sleeps; each test gets its own vendor.
 */
final class RetryFakeVendor {
  /**
   * When the latest attempt through {@code idle} ended, as {@link IdleConnections} keeps it: read by
   * reflection, since nothing else shows it and a timing-based test would be flaky.
   */
  static long lastUse(IdleConnections idle) {
    try {
      java.lang.reflect.Field f = IdleConnections.class.getDeclaredField("lastUse");
      f.setAccessible(true);
      return ((java.util.concurrent.atomic.AtomicLong) f.get(idle)).get();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** One attempt's answer (or failure), given the attempt's chain. */
  @FunctionalInterface
  interface Step {
    Response answer(Interceptor.Chain chain) throws IOException;
  }

  /** A failure before the request was written: the attempt is provably not sent. */
  private record NotSent(Throwable failure) implements Step {
    @Override
    public Response answer(Interceptor.Chain chain) {
      throw sneaky(failure);
    }
  }

  static final MediaType JSON = MediaType.get("application/json");

  private final ConcurrentLinkedDeque<Step> steps = new ConcurrentLinkedDeque<>();
  private final ThreadLocal<Step> current = new ThreadLocal<>();
  /** Each attempt's call and request, in order. */
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** The inner client: the script's interceptors around the sent marker. */
  final OkHttpClient inner;
  /** Runs as each attempt's call is made (from its event listener factory), before anything else. */
  volatile Runnable onNewCall = () -> { };

  RetryFakeVendor() {
    Interceptor before = chain -> {
      if (chain.call().isCanceled()) {
        throw new IOException("Canceled"); // as connecting would: a cancelled call sends nothing
      }
      Step step = steps.poll();
      if (step == null) {
        throw new AssertionError("more attempts than the script has steps");
      }
      calls.add(chain.call());
      requests.add(chain.request());
      if (step instanceof NotSent) {
        return step.answer(chain);
      }
      current.set(step);
      try {
        return chain.proceed(chain.request());
      } finally {
        current.remove();
      }
    };
    Interceptor after = chain -> current.get().answer(chain);
    inner = new OkHttpClient.Builder()
        .eventListenerFactory(call -> {
          onNewCall.run();
          return okhttp3.EventListener.NONE;
        })
        .addInterceptor(before).addInterceptor(Attempt.SENT_MARKER).addInterceptor(after).build();
  }

  /** Adds the next attempt's step. */
  RetryFakeVendor then(Step step) {
    steps.add(step);
    return this;
  }

  /** Adds an attempt that fails with {@code failure} (checked or not) before anything is written. */
  RetryFakeVendor notSent(Throwable failure) {
    steps.add(new NotSent(failure));
    return this;
  }

  /** Adds an attempt answered {@code status} with a JSON {@code body} and {@code headers} (name, value, ...). */
  RetryFakeVendor answer(int status, String body, String... headers) {
    return then(chain -> response(chain, status, ResponseBody.create(body, JSON), headers));
  }

  /** Adds an attempt whose request was sent and then failed with {@code failure}. */
  RetryFakeVendor fail(IOException failure) {
    return then(chain -> {
      throw failure;
    });
  }

  /** How many attempts were made. */
  int attempts() {
    return requests.size();
  }

  static Response response(Interceptor.Chain chain, int status, ResponseBody body, String... headers) {
    return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(status)
        .message("status " + status).headers(Headers.of(headers)).body(body).build();
  }

  /** A body of {@code size} bytes of 'a', {@code chunk} bytes per read, of the given declared length. */
  static ResponseBody body(int size, int chunk, long declaredLength) {
    Source source = new Source() {
      private int left = size;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(Math.min(byteCount, chunk), left);
        sink.writeUtf8("a".repeat(n));
        left -= n;
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    BufferedSource buffered = Okio.buffer(source);
    return ResponseBody.create(buffered, JSON, declaredLength);
  }

  /** A body that breaks off with {@code failure} after {@code prefix}. */
  static ResponseBody brokenBody(String prefix, IOException failure) {
    Source source = new Source() {
      private boolean sent;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (!sent) {
          sent = true;
          sink.writeUtf8(prefix);
          return prefix.length();
        }
        throw failure;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
    return ResponseBody.create(Okio.buffer(source), JSON, -1);
  }

  /** Throws {@code t}, checked or not, past the compiler (as OkHttp's Kotlin code can). */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * Windows from {@code X-Window: name remaining [resetEpochSeconds]} headers, one a line: the
   * rate-limit parser of these tests.
   */
  static final RateLimitParser WINDOWS = new RateLimitParser() {
    @Override
    public Optional<RateLimitStatus> parse(Headers headers) {
      return windows(headers).stream().findFirst();
    }

    @Override
    public List<RateLimitStatus> windows(Headers headers) {
      List<RateLimitStatus> windows = new ArrayList<>();
      for (String value : headers.values("X-Window")) {
        String[] parts = value.split(" ");
        RateLimitStatus.Builder b = RateLimitStatus.builder().window(parts[0]).remaining(Long.parseLong(parts[1]));
        if (parts.length > 2) {
          b.resetAt(Instant.ofEpochSecond(Long.parseLong(parts[2])));
        }
        windows.add(b.build());
      }
      return windows;
    }
  };

  /** Settings for a {@link RetryInterceptor} on this vendor: no backoff, generous deadlines, no pacer. */
  static ClientSettings.Builder settings() {
    return ClientSettings.builder()
        .attemptTimeout(Duration.ofSeconds(30)).operationTimeout(Duration.ofMinutes(10))
        .maxResponseBodyBytes(1 << 20).authorization("Bearer k").userAgent("test-agent")
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build())
        .sleeper(d -> { }).clock(java.time.Clock.systemUTC())
        .errorDecoder((status, headers, body) -> VendorError.none())
        .rateLimitParser(RateLimitParser.NONE).rateLimitSink(s -> { });
  }

  /** A GET (or {@code method} with a small JSON body) of this vendor's one URL. */
  static Request request(String method) {
    okhttp3.RequestBody body = method.equals("GET") || method.equals("DELETE")
        ? null : okhttp3.RequestBody.create("{}", JSON);
    return new Request.Builder().url("http://vendor.invalid/things/7").method(method, body).build();
  }
}
