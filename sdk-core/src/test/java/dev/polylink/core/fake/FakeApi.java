package dev.polylink.core.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The fake vendor's HTTP API. */
interface FakeApi {
  @POST("links")
  Call<JsonNode> create(@Body Map<String, Object> body);

  @GET("links/{id}")
  Call<JsonNode> get(@Path("id") String id);

  @GET("links")
  Call<JsonNode> list(@Query("cursor") String cursor, @Query("size") Integer size, @Query("q") String search);

  @PATCH("links/{id}")
  Call<JsonNode> update(@Path("id") String id, @Body ObjectNode body);

  @DELETE("links/{id}")
  Call<Void> delete(@Path("id") String id);
}
