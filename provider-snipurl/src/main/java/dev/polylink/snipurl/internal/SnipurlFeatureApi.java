package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** SnipURL's QR, analytics and account-usage endpoints, relative to the base URL like {@link SnipurlApi}. */
interface SnipurlFeatureApi {
  /** {@code GET qr/{short_code}}: an image, not JSON; only the caller's links (404 otherwise). */
  @GET("qr/{short_code}")
  Call<ResponseBody> qr(
      @Path("short_code") String shortCode,
      @Query("format") String format,
      @Query("size") Integer size,
      @Query("color") String color,
      @Query("bg") String background,
      @Query("ec") String errorCorrection,
      @Query("margin") Integer margin);

  /** {@code GET analytics/{link_id}?start=&end=} (both or neither). */
  @GET("analytics/{link_id}")
  Call<JsonNode> stats(@Path("link_id") String linkId, @Query("start") String start, @Query("end") String end);

  @GET("analytics/summary")
  Call<JsonNode> summary();

  @GET("account/usage")
  Call<JsonNode> usage();
}
