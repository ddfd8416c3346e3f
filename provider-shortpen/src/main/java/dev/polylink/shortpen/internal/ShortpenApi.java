package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;

/** ShortPen's link endpoints, relative to the base URL ({@code https://api.shortpen.com}). */
interface ShortpenApi {
  /** Creates a link; answers {@code {data: {link, short_url, created, qr}}}, without an id. */
  @POST("v1/generate")
  Call<JsonNode> generate(@Body LinkWriteBody body);

  /** One page of links; {@code count}, {@code total} and {@code page} sit beside {@code data}. */
  @GET("v1/links")
  Call<JsonNode> list(
      @Query("page") int page, @Query("limit") int limit, @Query("workspace_id") Long workspaceId);

  /** Updates the link named by {@code url_id} in the body. */
  @PUT("v1/links")
  Call<JsonNode> update(@Body LinkWriteBody body);

  /**
   * Soft-deletes the links named by {@code url_id} (one id or an array) in the body: a {@link
   * dev.polylink.core.spi.CountingJsonBody} of a {@link DeleteBody}, so that the caller learns
   * whether the request was resent.
   */
  @HTTP(method = "DELETE", path = "v1/links", hasBody = true)
  Call<JsonNode> deleteMany(@Body RequestBody body);
}
