package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.ApiException;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 7: a success body beyond the limit fails without being read whole; an error body
 * is kept (and read) up to 64 KiB on each attempt; an exception message shows at most 300
 * characters of the vendor's message, which comes first.
 */
class BodyLimitTest {
  private static final int MIB = 1024 * 1024;

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true)).build();

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  /** One call first, so that class loading and Retrofit's first parse of the method do not count. */
  private static void warmUp(TransportHarness h) {
    try {
      h.call("GET");
    } catch (dev.polylink.core.PolylinkException expected) {
      // the measured call follows
    }
  }

  private static String bigJson(int bytes) {
    return "{\"id\": \"7\", \"padding\": \"" + "x".repeat(bytes) + "\"}";
  }

  @Test
  void aSuccessBodyWhoseContentLengthIsBeyondTheLimitIsNotRead() {
    String body = bigJson(8 * MIB);
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("Content-Length", String.valueOf(body.length())).withBody(body)));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> b.maxResponseBodySize(MIB))) {
      warmUp(h);
      wm.resetRequests();
      long before = allocatedBytes();
      TransportException e = assertThrows(TransportException.class, () -> h.call("GET"));
      long allocated = allocatedBytes() - before;
      assertTrue(e.getMessage().contains("of " + body.length() + " bytes (Content-Length) exceeds the limit of"
          + " 1048576 bytes (maxResponseBodySize)"), e.getMessage());
      assertTrue(allocated < 2L * MIB, "allocated " + allocated + " bytes for an 8 MiB body it refused");
      assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size(), "not retried: the answer is what it is");
    }
  }

  @Test
  void aChunkedSuccessBodyIsReadOnlyUpToTheLimit() {
    // No Content-Length: chunked transfer encoding.
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("Transfer-Encoding", "chunked").withBody(bigJson(8 * MIB))));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> b.maxResponseBodySize(MIB))) {
      warmUp(h);
      long before = allocatedBytes();
      TransportException e = assertThrows(TransportException.class, () -> h.call("GET"));
      long allocated = allocatedBytes() - before;
      assertTrue(e.getMessage().contains("exceeds the limit of 1048576 bytes"), e.getMessage());
      assertTrue(allocated < 2L * MIB, "allocated " + allocated + " bytes for an 8 MiB body cut at 1 MiB");
    }
  }

  @Test
  void aBodyWithinTheLimitIsRead() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(bigJson(MIB - 100))));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> b.maxResponseBodySize(MIB))) {
      assertEquals("7", ((com.fasterxml.jackson.databind.JsonNode) h.call("GET")).get("id").asText());
    }
  }

  @Test
  void theDefaultLimitHoldsACarrierxPageOfAThousandLinks() {
    String link = "{\"date_accessed\": null, \"date_created\": \"2024-01-18T19:26:02.000Z\", \"destination_url\": \"https://example.com/"
        + "d".repeat(8_000) + "\", \"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\", \"hits\": 0,"
        + " \"link_sid\": \"a533f53a-7e6f-4822-be3c-3767924ee2a9\", \"maximum_ttl\": -1, \"mode\": \"redirect_permanent\","
        + " \"partner_sid\": \"e00430c3-a7d0-4666-ab5c-f7202448382f\", \"short_name\": \"eOtEtO\", \"url\": \"http://newdomain.com/eOtEtO\"}";
    StringBuilder page = new StringBuilder("{\"count\": 1000, \"items\": [");
    for (int i = 0; i < 1000; i++) {
      page.append(i == 0 ? "" : ",").append(link);
    }
    page.append("], \"limit\": 1000, \"offset\": 0, \"total\": 1000}");
    assertTrue(page.length() < HttpTransport.DEFAULT_MAX_RESPONSE_BODY_SIZE / 1.5, "length " + page.length());
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(page.toString())));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      assertEquals(1000, ((com.fasterxml.jackson.databind.JsonNode) h.call("GET")).get("items").size());
    }
  }

  @Test
  void anErrorBodyIsKeptUpTo64KibOnEveryAttempt() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("E".repeat(4 * MIB))));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api", b -> {})) {
      warmUp(h);
      wm.resetRequests();
      long before = allocatedBytes();
      ServerException e = assertThrows(ServerException.class, () -> h.call("GET"));
      long allocated = allocatedBytes() - before;
      assertEquals(RetryInterceptor.ERROR_BODY_CAP, e.responseBody().length());
      assertEquals(3, wm.findAll(anyRequestedFor(anyUrl())).size());
      assertTrue(allocated < MIB, "allocated " + allocated + " bytes over 3 attempts of a 4 MiB error body");
    }
  }

  @Test
  void aHugeVendorMessageIsCutInTheExceptionMessageButComesFirst() {
    String huge = "Slug is invalid: " + "z".repeat(50_000);
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"message\": \"" + huge + "\"}")));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/api",
        b -> b.errorDecoder((status, headers, body) -> VendorError.builder()
            .message(Json.tryParse(body).map(n -> n.get("message").asText()).orElse(null)).build()))) {
      ApiException e = assertThrows(ApiException.class, () -> h.call("GET"));
      assertTrue(e.getMessage().startsWith("test get failed: HTTP 400: Slug is invalid: zzz"), e.getMessage());
      assertTrue(e.getMessage().length() < 400, "message of " + e.getMessage().length() + " characters");
      assertTrue(e.getMessage().endsWith("(" + (huge.length() - 300) + " more characters)"), e.getMessage());
      assertEquals(Optional.of(huge), e.vendorMessage(), "the accessor keeps it whole");
    }
  }
}
