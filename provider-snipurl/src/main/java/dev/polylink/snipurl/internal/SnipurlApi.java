package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.IdPath;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * SnipURL's link endpoints, relative to the base URL ({@code https://snipurl.click/api/v1}).
 * Success bodies are read as trees and mapped once by {@link LinkMapper}; a {@code null} query
 * parameter is left out of the URL.
 *
 * <p>A request to one resource by its id takes its path as {@code @Url}, made by one of the
 * {@link IdPath} constants below and tagged with it, which names the template to listeners, logs
 * and metrics ({@link IdPath} says why not {@code @Path}).
 */
interface SnipurlApi {
  /** The path of {@link #get}, {@link #update} and {@link #delete}. */
  IdPath LINK = IdPath.of("links/{id}");

  /** {@code POST links}: 201 {@code {success, data: link}}. */
  @POST("links")
  Call<JsonNode> create(@Body CreateLinkBody body);

  /**
   * {@code POST links/bulk {links: [...]}} (1 to 50 items): 201 {@code {success, data: {success:
   * [{id, short_code, short_url, original_url, title, created_at}], failed: [{index, error}]}}}.
   */
  @POST("links/bulk")
  Call<JsonNode> createBulk(@Body BulkCreateBody body);

  /** {@code GET links/{id}}: 200 {@code {success, data: link}}. */
  @GET // LINK: links/{id}
  Call<JsonNode> get(@Url String path, @Tag IdPath template);

  /** {@code GET links}: 200 {@code {success, data: [link], meta: {page, per_page, total, total_pages}}}. */
  @GET("links")
  Call<JsonNode> list(
      @Query("page") Long page,
      @Query("per_page") Integer perPage,
      @Query("search") String search,
      @Query("is_active") String isActive);

  /** {@code PATCH links/{id}}: 200 {@code {success, data: link}}. */
  @PATCH // LINK: links/{id}
  Call<JsonNode> update(@Url String path, @Tag IdPath template, @Body UpdateLinkBody body);

  /** {@code DELETE links/{id}}: 200 {@code {success, data: {deleted: true}}}; nothing in it to read. */
  @DELETE // LINK: links/{id}
  Call<Void> delete(@Url String path, @Tag IdPath template);

  /**
   * {@code DELETE links/bulk {ids: [...]}} (1 to 50 UUIDs): 200 {@code {success, data: {deleted:
   * n}}}. The body is a {@link dev.polylink.core.spi.CountingJsonBody} of a {@link BulkDeleteBody},
   * so the caller learns whether it was resent.
   */
  @HTTP(method = "DELETE", path = "links/bulk", hasBody = true)
  Call<JsonNode> deleteBulk(@Body RequestBody body);
}
