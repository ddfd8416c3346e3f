package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.IdPath;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * SnipURL's QR, analytics and account-usage endpoints, relative to the base URL like {@link SnipurlApi}.
 *
 * <p>A request to one resource by its id takes its path as {@code @Url}, made by one of the
 * {@link IdPath} constants below and tagged with it, which names the template to listeners, logs
 * and metrics ({@link IdPath} says why not {@code @Path}).
 */
interface SnipurlFeatureApi {
  /** The path of {@link #qr}. */
  IdPath QR = IdPath.of("qr/{short_code}");

  /** The path of {@link #stats}. */
  IdPath STATS = IdPath.of("analytics/{link_id}");

  /** {@code GET qr/{short_code}}: an image, not JSON; only the caller's links (404 otherwise). */
  @GET // QR: qr/{short_code}
  Call<ResponseBody> qr(@Url String path, @Tag IdPath template,
      @Query("format") String format,
      @Query("size") Integer size,
      @Query("color") String color,
      @Query("bg") String background,
      @Query("ec") String errorCorrection,
      @Query("margin") Integer margin);

  /** {@code GET analytics/{link_id}?start=&end=} (both or neither). */
  @GET // STATS: analytics/{link_id}
  Call<JsonNode> stats(@Url String path, @Tag IdPath template, @Query("start") String start, @Query("end") String end);

  @GET("analytics/summary")
  Call<JsonNode> summary();

  @GET("account/usage")
  Call<JsonNode> usage();
}
