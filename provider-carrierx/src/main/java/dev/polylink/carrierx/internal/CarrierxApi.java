package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * CarrierX's shortener link endpoints, relative to the Core API base URL. Bodies and answers are
 * bare link objects (no envelope); every body is JSON, so Retrofit's Jackson converter sends {@code
 * Content-Type: application/json; charset=UTF-8}, without which CarrierX answers 415.
 */
interface CarrierxApi {
  /** {@code reuse} is {@code true} or null (parameter left out). */
  @POST("shortener/links")
  Call<JsonNode> create(@Query("reuse") Boolean reuse, @Body CreateLinkBody body);

  @GET("shortener/links/{link_sid}")
  Call<JsonNode> get(@Path("link_sid") String linkSid);

  /** Null parameters are left out. */
  @GET("shortener/links")
  Call<JsonNode> list(
      @Query("limit") Integer limit, @Query("offset") Long offset, @Query("filter") String filter);

  @PATCH("shortener/links/{link_sid}")
  Call<JsonNode> update(@Path("link_sid") String linkSid, @Body UpdateLinkBody body);

  @PUT("shortener/links/{link_sid}")
  Call<JsonNode> replace(@Path("link_sid") String linkSid, @Body ObjectNode body);

  @DELETE("shortener/links/{link_sid}")
  Call<Void> delete(@Path("link_sid") String linkSid);
}
