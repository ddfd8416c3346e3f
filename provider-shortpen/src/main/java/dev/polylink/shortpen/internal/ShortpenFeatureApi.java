package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** ShortPen's analytics and account endpoints, relative to the base URL like {@link ShortpenApi}. */
interface ShortpenFeatureApi {
  /** Raw click events: body {@code {start, end, workspace_id?, url_id?}} (inclusive {@code YYYY-MM-DD}). */
  @POST("v1/analytics")
  Call<JsonNode> analytics(@Body Map<String, Object> body);

  /** The account, with {@code data.enabledFeatures[slug] = {name, enabled, limit, used, remaining}}. */
  @POST("v1/me")
  Call<JsonNode> me(@Body Map<String, Object> body);
}
