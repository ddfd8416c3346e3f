package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.testing.CapturedLogs;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire log's edges: bodyless and streamed requests, the cut at {@value WireLogInterceptor#MAX_BODY} characters, the time taken. */
class WireLogInterceptorEdgeTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new WireLogInterceptor()).build();

  @AfterEach
  void shutDown() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** A JSON object whose compact form is exactly {@code length} characters. */
  private static String jsonOf(int length) {
    return "{\"a\":\"" + "x".repeat(length - 8) + "\"}";
  }

  private List<String> exchange(Request request) throws IOException {
    try (CapturedLogs logs = CapturedLogs.of(Logging.WIRE_LOGGER, Level.TRACE);
        Response response = http.newCall(request).execute()) {
      response.body().string();
      return logs.lines();
    }
  }

  @Test
  void aRequestWithoutABodyShowsNoBodyNoteAndTheTimeIsTheTimeTaken() throws IOException {
    wm.stubFor(any(urlPathEqualTo("/get")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"ok\": true}")));
    long before = System.nanoTime();
    List<String> lines = exchange(new Request.Builder().url(wm.baseUrl() + "/get").build());
    long elapsedMillis = (System.nanoTime() - before) / 1_000_000;
    assertEquals(2, lines.size(), lines.toString());
    assertFalse(lines.get(0).contains("body"), lines.get(0));
    Matcher millis = Pattern.compile("^<-- 200 GET \\S+ \\((\\d+) ms\\)").matcher(lines.get(1));
    assertTrue(millis.find(), lines.get(1));
    assertTrue(Long.parseLong(millis.group(1)) <= elapsedMillis, lines.get(1) + " but " + elapsedMillis + " ms passed");
  }

  @Test
  void aOneShotBodyIsNotReadForTheLog() throws IOException {
    wm.stubFor(any(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(204)));
    RequestBody oneShot = new RequestBody() {
      @Override public MediaType contentType() { return MediaType.get("application/json"); }
      @Override public boolean isOneShot() { return true; }
      @Override public void writeTo(BufferedSink sink) throws IOException { sink.writeUtf8("{\"streamed\": 1}"); }
    };
    List<String> lines = exchange(new Request.Builder().url(wm.baseUrl() + "/upload").post(oneShot).build());
    assertTrue(lines.get(0).endsWith("\n(streamed body not shown)"), lines.get(0));
    assertFalse(lines.get(0).contains("\"streamed\""), lines.get(0));
  }

  @Test
  void aBodyOfExactlyTheLimitIsShownWholeAndOneCharacterMoreIsCut() throws IOException {
    int max = WireLogInterceptor.MAX_BODY;
    wm.stubFor(any(urlPathEqualTo("/exact")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(jsonOf(max))));
    wm.stubFor(any(urlPathEqualTo("/over")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(jsonOf(max + 1))));
    String exact = exchange(new Request.Builder().url(wm.baseUrl() + "/exact").build()).get(1);
    assertTrue(exact.endsWith("\n" + jsonOf(max)), exact.substring(exact.length() - 40));
    String over = exchange(new Request.Builder().url(wm.baseUrl() + "/over").build()).get(1);
    assertTrue(over.endsWith("\n" + jsonOf(max + 1).substring(0, max) + "…(cut)"), over.substring(over.length() - 40));
  }
}
