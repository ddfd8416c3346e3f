package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * xQR's link endpoints, relative to the base URL ({@code https://xqr.co/api} by default). Responses
 * are read as one {@link JsonNode} each, parsed once, so that the {@code data} link object can be
 * mapped and also kept as the link's provider fields. The explicit {@code Content-Type} gives the
 * header exactly as xQR documents it ({@code application/json}, without a charset parameter).
 */
interface XqrApi {
  @Headers("Content-Type: application/json")
  @POST("v1/links")
  Call<JsonNode> create(@Body CreateLinkBody body);

  @GET("v1/links/{link_id}")
  Call<JsonNode> get(@Path("link_id") String linkId);

  @GET("v1/links")
  Call<JsonNode> list(
      @Query("limit") Integer limit,
      @Query("offset") Long offset,
      @Query("label") String label,
      @Query("enabled") Boolean enabled);

  @Headers("Content-Type: application/json")
  @PATCH("v1/links/{link_id}")
  Call<JsonNode> update(@Path("link_id") String linkId, @Body UpdateLinkBody body);

  @Headers("Content-Type: application/json")
  @POST("v1/links/bulk")
  Call<JsonNode> bulkCreate(@Body BulkCreateBody body);

  @Headers("Content-Type: application/json")
  @PATCH("v1/links/bulk/status")
  Call<JsonNode> bulkStatus(@Body okhttp3.RequestBody body);

  @DELETE("v1/links/{link_id}")
  Call<Void> delete(@Path("link_id") String linkId);
}
