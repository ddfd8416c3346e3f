package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.fake.FakeLinkClient;
import dev.polylink.core.spi.Json;
import dev.polylink.core.testing.CapturedLogs;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The wire log shows each attempt's request and response, with every credential and password redacted. */
class WireLogInterceptorTest {
  private static final String ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void logsRequestAndResponseOfEachAttemptWithTheKeyRedacted() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("X-Request-Id", "req-42")
        .withBody("{\"link\": {\"id\": \"" + ID + "\", \"short_url\": \"https://fk.example/abc\", \"code\": \"abc\","
            + " \"title\": \"Spring\"}}")));
    try (CapturedLogs logs = CapturedLogs.of(Logging.WIRE_LOGGER, Level.TRACE);
        FakeLinkClient client = FakeLinkClient.builder().apiKey("very-secret-key").baseUrl(wm.baseUrl() + "/api")
            .wireLog(true).build()) {
      client.update(LinkId.of(ID), LinkPatch.builder().title("Spring").build());
      List<String> lines = logs.lines();
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("--> PATCH " + wm.baseUrl() + "/api/links/" + ID + "\n"), lines.get(0));
      assertTrue(lines.get(0).contains("\nAuthorization: ██\n"), lines.get(0));
      assertTrue(lines.get(0).endsWith("\n{\"title\":\"Spring\"}"), lines.get(0));
      assertTrue(lines.get(1).startsWith("<-- 200 PATCH "), lines.get(1));
      assertTrue(lines.get(1).contains("\nX-Request-Id: req-42"), lines.get(1));
      assertTrue(lines.get(1).contains("\"title\":\"Spring\""), lines.get(1));
      assertFalse(logs.text().contains("very-secret-key"), logs.text());
    }
  }

  @Test
  void withoutTheBuilderOptionNothingIsLoggedEvenAtTrace() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    try (CapturedLogs logs = CapturedLogs.of(Logging.WIRE_LOGGER, Level.TRACE);
        FakeLinkClient client = FakeLinkClient.builder().apiKey("k").baseUrl(wm.baseUrl() + "/api").build()) {
      client.delete(LinkId.of(ID));
      assertEquals(List.of(), logs.lines());
    }
  }

  @Test
  void redactsPasswordsTokensAndKeysInBodiesHeadersAndQueries() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("Set-Cookie", "session=cookie-secret")
        .withBody("{\"data\": [{\"url_password\": \"resp-secret\", \"with_password\": true, \"code\": \"ok\"}]}")));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new WireLogInterceptor()).build();
    String body = "{\"url\": \"https://example.com/\", \"password\": \"pw-secret\", \"nested\": {\"api_key\": \"k-secret\","
        + " \"items\": [{\"url_password\": \"pw2-secret\"}]}, \"with_password\": true, \"token\": null}";
    Request request = new Request.Builder().url(wm.baseUrl() + "/x?api_key=q-secret&page=2")
        .header("Authorization", "Basic dXNlcjpwYXNz-secret").header("X-Api-Key", "h-secret")
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (CapturedLogs logs = CapturedLogs.of(Logging.WIRE_LOGGER, Level.TRACE);
        Response response = http.newCall(request).execute()) {
      assertEquals(200, response.code());
      assertTrue(response.body().string().contains("resp-secret"), "the caller still gets the whole body");
      String text = logs.text();
      assertFalse(text.contains("secret"), text);
      assertTrue(text.contains("\"with_password\":true"), text);
      assertTrue(text.contains("\"url\":\"https://example.com/\""), text);
      assertTrue(text.contains("page=2"), text);
      assertTrue(text.contains("\"code\":\"ok\""), text);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void bodiesThatAreNotJsonAreNotShown() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody("<html>password=html-secret</html>")));
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new WireLogInterceptor()).build();
    Request request = new Request.Builder().url(wm.baseUrl() + "/x")
        .post(RequestBody.create("user=a&password=form-secret", MediaType.get("application/x-www-form-urlencoded"))).build();
    try (CapturedLogs logs = CapturedLogs.of(Logging.WIRE_LOGGER, Level.TRACE);
        Response response = http.newCall(request).execute()) {
      assertEquals(502, response.code());
      String text = logs.text();
      assertFalse(text.contains("secret"), text);
      assertTrue(text.contains("(27-character application/x-www-form-urlencoded body not shown)"), text);
      assertTrue(text.contains("text/html body not shown)"), text);
    } finally {
      http.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void redactKeepsNullsAndBooleansAndReplacesEveryDepth() throws Exception {
    assertEquals("{\"a\":{\"password\":\"██\",\"b\":[{\"secret\":\"██\"}]},\"with_password\":false,\"password\":null}",
        WireLogInterceptor.redact(Json.mapper().readTree(
            "{\"a\": {\"password\": 5, \"b\": [{\"secret\": \"x\"}]}, \"with_password\": false, \"password\": null}"))
            .toString());
  }
}
