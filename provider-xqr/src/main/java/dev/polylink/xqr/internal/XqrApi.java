package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.IdPath;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * xQR's link endpoints, relative to the base URL ({@code https://xqr.co/api} by default). Responses
 * are read as one {@link JsonNode} each, parsed once, so that the {@code data} link object can be
 * mapped and also kept as the link's provider fields. The explicit {@code Content-Type} gives the
 * header exactly as xQR documents it ({@code application/json}, without a charset parameter).
 *
 * <p>A request to one resource by its id takes its path as {@code @Url}, made by one of the
 * {@link IdPath} constants below and tagged with it, which names the template to listeners, logs
 * and metrics ({@link IdPath} says why not {@code @Path}).
 */
interface XqrApi {
  /** The path of {@link #get}, {@link #update} and {@link #delete}. */
  IdPath LINK = IdPath.of("v1/links/{link_id}");

  @Headers("Content-Type: application/json")
  @POST("v1/links")
  Call<JsonNode> create(@Body CreateLinkBody body);

  @GET // LINK: v1/links/{link_id}
  Call<JsonNode> get(@Url String path, @Tag IdPath template);

  @GET("v1/links")
  Call<JsonNode> list(
      @Query("limit") Integer limit,
      @Query("offset") Long offset,
      @Query("label") String label,
      @Query("enabled") Boolean enabled);

  @Headers("Content-Type: application/json")
  @PATCH // LINK: v1/links/{link_id}
  Call<JsonNode> update(@Url String path, @Tag IdPath template, @Body UpdateLinkBody body);

  @Headers("Content-Type: application/json")
  @POST("v1/links/bulk")
  Call<JsonNode> bulkCreate(@Body BulkCreateBody body);

  @Headers("Content-Type: application/json")
  @PATCH("v1/links/bulk/status")
  Call<JsonNode> bulkStatus(@Body okhttp3.RequestBody body);

  @DELETE // LINK: v1/links/{link_id}
  Call<Void> delete(@Url String path, @Tag IdPath template);
}
