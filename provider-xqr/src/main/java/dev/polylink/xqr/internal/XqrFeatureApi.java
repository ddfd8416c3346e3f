package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** xQR's QR, analytics and workspace endpoints, relative to the base URL like {@link XqrApi}. */
interface XqrFeatureApi {
  /** Scope {@code qr:render}; a binary SVG or PNG, errors still JSON. */
  @GET("v1/links/{link_id}/qr")
  Call<ResponseBody> qr(
      @Path("link_id") String linkId,
      @Query("format") String format,
      @Query("size") Integer size,
      @Query("template_id") String templateId);

  /** The per-link statistics path as the reference page's heading gives it. */
  @GET("v1/analytics/links/{link_id}")
  Call<JsonNode> stats(@Path("link_id") String linkId);

  /** The per-link statistics path as the same page's examples call it. */
  @GET("v1/analytics/links/{link_id}/stats")
  Call<JsonNode> statsAsInTheExamples(@Path("link_id") String linkId);

  @GET("v1/analytics/summary")
  Call<JsonNode> summary(@Query("period") String period);

  @GET("v1/workspace/usage")
  Call<JsonNode> usage();
}
