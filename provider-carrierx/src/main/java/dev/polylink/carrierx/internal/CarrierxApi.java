package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polylink.core.spi.IdPath;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * CarrierX's shortener link endpoints, relative to the Core API base URL. Bodies and answers are
 * bare link objects (no envelope); every body is JSON, so Retrofit's Jackson converter sends {@code
 * Content-Type: application/json; charset=UTF-8}, without which CarrierX answers 415.
 *
 * <p>A request to one resource by its id takes its path as {@code @Url}, made by one of the
 * {@link IdPath} constants below and tagged with it, which names the template to listeners, logs
 * and metrics ({@link IdPath} says why not {@code @Path}).
 */
interface CarrierxApi {
  /** The path of {@link #get}, {@link #update}, {@link #replace} and {@link #delete}. */
  IdPath LINK = IdPath.of("shortener/links/{link_sid}");

  /** {@code reuse} is {@code true} or null (parameter left out). */
  @POST("shortener/links")
  Call<JsonNode> create(@Query("reuse") Boolean reuse, @Body CreateLinkBody body);

  @GET // LINK: shortener/links/{link_sid}
  Call<JsonNode> get(@Url String path, @Tag IdPath template);

  /** Null parameters are left out. */
  @GET("shortener/links")
  Call<JsonNode> list(
      @Query("limit") Integer limit, @Query("offset") Long offset, @Query("filter") String filter);

  @PATCH // LINK: shortener/links/{link_sid}
  Call<JsonNode> update(@Url String path, @Tag IdPath template, @Body UpdateLinkBody body);

  @PUT // LINK: shortener/links/{link_sid}
  Call<JsonNode> replace(@Url String path, @Tag IdPath template, @Body ObjectNode body);

  @DELETE // LINK: shortener/links/{link_sid}
  Call<Void> delete(@Url String path, @Tag IdPath template);
}
