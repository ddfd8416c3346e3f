package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.IdPath;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * xQR's QR, analytics and workspace endpoints, relative to the base URL like {@link XqrApi}.
 *
 * <p>A request to one resource by its id takes its path as {@code @Url}, made by one of the
 * {@link IdPath} constants below and tagged with it, which names the template to listeners, logs
 * and metrics ({@link IdPath} says why not {@code @Path}).
 */
interface XqrFeatureApi {
  /** The path of {@link #qr}. */
  IdPath QR = IdPath.of("v1/links/{link_id}/qr");

  /** The path of {@link #stats}. */
  IdPath STATS = IdPath.of("v1/analytics/links/{link_id}");

  /** The path of {@link #statsAsInTheExamples}. */
  IdPath STATS_AS_IN_THE_EXAMPLES = IdPath.of("v1/analytics/links/{link_id}/stats");

  /** Scope {@code qr:render}; a binary SVG or PNG, errors still JSON. */
  @GET // QR: v1/links/{link_id}/qr
  Call<ResponseBody> qr(@Url String path, @Tag IdPath template,
      @Query("format") String format,
      @Query("size") Integer size,
      @Query("template_id") String templateId);

  /** The per-link statistics path as the reference page's heading gives it. */
  @GET // STATS: v1/analytics/links/{link_id}
  Call<JsonNode> stats(@Url String path, @Tag IdPath template);

  /** The per-link statistics path as the same page's examples call it. */
  @GET // STATS_AS_IN_THE_EXAMPLES: v1/analytics/links/{link_id}/stats
  Call<JsonNode> statsAsInTheExamples(@Url String path, @Tag IdPath template);

  @GET("v1/analytics/summary")
  Call<JsonNode> summary(@Query("period") String period);

  @GET("v1/workspace/usage")
  Call<JsonNode> usage();
}
