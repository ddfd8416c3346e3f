package dev.polylink.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** A tiny vendor API on an {@link HttpTransport}, for the tests of the shared HTTP layer. */
final class TransportHarness implements AutoCloseable {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  interface Api {
    @GET("things/{id}")
    Call<JsonNode> get(@Path("id") String id);

    @POST("things")
    Call<JsonNode> create(@Body Map<String, Object> body);

    @PUT("things/{id}")
    Call<JsonNode> put(@Path("id") String id, @Body Map<String, Object> body);

    @PATCH("things/{id}")
    Call<JsonNode> patch(@Path("id") String id, @Body Map<String, Object> body);

    @DELETE("things/{id}")
    Call<Void> delete(@Path("id") String id);
  }

  /** The waits the client asked for; nothing sleeps for real. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final HttpTransport transport;
  final Api api;

  TransportHarness(String baseUrl, Consumer<HttpTransport.Builder> customize) {
    HttpTransport.Builder b =
        HttpTransport.builder("test")
            .baseUrl(baseUrl)
            .authorization("Bearer test-key")
            .retryPolicy(RetryPolicy.defaults())
            .sleeper(waits::add)
            .errorDecoder((status, headers, body) -> VendorError.none());
    customize.accept(b);
    transport = b.build();
    api = transport.create(Api.class);
  }

  /** Runs one call of {@code method}: GET, POST, PUT, PATCH or DELETE on {@code things}. */
  Object call(String method) {
    return call(transport, api, method);
  }

  /** Runs one call of {@code method} on {@code api} through {@code transport}. */
  static Object call(HttpTransport transport, Api api, String method) {
    switch (method) {
      case "GET":
        return transport.execute(Operation.GET, api.get("7"));
      case "POST":
        return transport.execute(Operation.CREATE, api.create(Map.of("name", "x")));
      case "PUT":
        return transport.execute(Operation.UPDATE, api.put("7", Map.of("name", "x")));
      case "PATCH":
        return transport.execute(Operation.UPDATE, api.patch("7", Map.of("name", "x")));
      case "DELETE":
        return transport.execute(Operation.DELETE, api.delete("7"));
      default:
        throw new IllegalArgumentException(method);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
