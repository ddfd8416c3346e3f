package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.testing.ErrorCase;
import dev.polylink.core.testing.LinkClientContractTest;
import dev.polylink.core.testing.OperationFixture;
import dev.polylink.core.testing.VendorErrorFixture;
import java.util.List;
import java.util.Optional;

/**
 * The core contract suite against SnipURL's documented shapes. SnipURL has no 410 (a disabled or
 * expired link is still readable through the API) and no quota 429 (both of its windows are burst
 * limits), so those cases have no fixture. Its 500 body is not documented: the fixture is the
 * plain-text page a Next.js server answers with.
 */
class SnipurlContractTest extends LinkClientContractTest {
  @Override
  protected LinkClientBuilder<?, ?> newBuilder() {
    return SnipurlClient.builder();
  }

  @Override
  protected String basePath() {
    return "/api/v1";
  }

  @Override
  protected LinkId sampleId() {
    return SnipurlWireMockTest.DOC_ID;
  }

  @Override
  protected List<String> malformedIds() {
    return List.of(
        "42",
        "a8Kx2m", // a short code, not the link's UUID
        "550e8400-e29b-41d4-a716-44665544000", // one hex digit short
        "550e8400e29b41d4a716446655440000", // no hyphens
        "550e8400-e29b-41d4-a716-44665544000g");
  }

  @Override
  protected MappingBuilder getRequest(LinkId id) {
    return get(urlPathEqualTo("/api/v1/links/" + id));
  }

  @Override
  protected String getResponseBody(LinkId id) {
    return SnipurlWireMockTest.fixture("update-response.json").replace(SnipurlWireMockTest.DOC_ID.value(), id.value());
  }

  @Override
  protected MappingBuilder createRequest() {
    return post(urlPathEqualTo("/api/v1/links"));
  }

  @Override
  protected String apiKey() {
    return SnipurlWireMockTest.API_KEY;
  }

  @Override
  protected String apiKeySecret() {
    return SnipurlWireMockTest.KEY_SECRET;
  }

  /**
   * SnipURL's answers as its handlers write them ({@code {success, data, meta}}): create 201 and
   * update 200 with the link, a list page, and a delete's {@code {deleted: true}}.
   */
  @Override
  protected OperationFixture operationFixture(Operation operation) {
    String link = SnipurlWireMockTest.linkJson(sampleId().value(), "a8Kx2m");
    switch (operation) {
      case CREATE:
        return OperationFixture.of(createRequest(), SnipurlWireMockTest.json(201, "{\"success\":true,\"data\":" + link + "}"));
      case GET:
        return OperationFixture.of(getRequest(sampleId()), SnipurlWireMockTest.json(200, getResponseBody(sampleId())));
      case LIST:
        return OperationFixture.of(get(urlPathEqualTo("/api/v1/links")), SnipurlWireMockTest.json(200,
            "{\"success\":true,\"data\":[" + link + "],\"meta\":{\"page\":1,\"limit\":20,\"total\":1,\"total_pages\":1}}"));
      case UPDATE:
        return OperationFixture.of(patch(urlPathEqualTo(SnipurlWireMockTest.LINK_PATH)),
            SnipurlWireMockTest.json(200, SnipurlWireMockTest.fixture("update-response.json")));
      default:
        return OperationFixture.of(delete(urlPathEqualTo(SnipurlWireMockTest.LINK_PATH)),
            SnipurlWireMockTest.json(200, "{\"success\":true,\"data\":{\"deleted\":true}}"));
    }
  }

  @Override
  protected Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase) {
    switch (errorCase) {
      case UNAUTHORIZED:
        return Optional.of(VendorErrorFixture.of(401, SnipurlWireMockTest.error("UNAUTHORIZED", "Invalid API key."))
            .expectErrorCode("UNAUTHORIZED"));
      case NOT_FOUND:
        return Optional.of(VendorErrorFixture.of(404, SnipurlWireMockTest.error("NOT_FOUND", "Link not found."))
            .expectErrorCode("NOT_FOUND"));
      case CONFLICT:
        return Optional.of(VendorErrorFixture.of(409,
                SnipurlWireMockTest.error("CONFLICT", "This custom alias is already taken."))
            .expectErrorCode("CONFLICT"));
      case BURST_LIMIT:
        return Optional.of(VendorErrorFixture.of(429, SnipurlWireMockTest.fixture("rate-limit-1m.json"))
            .header("Retry-After", "12")
            .header("X-RateLimit-Limit", "60")
            .header("X-RateLimit-Remaining", "0")
            .header("X-RateLimit-Reset", "1750413612")
            .expectErrorCode("RATE_LIMIT_EXCEEDED"));
      case SERVER_ERROR:
        return Optional.of(VendorErrorFixture.of(500, "Internal Server Error"));
      default:
        return Optional.empty();
    }
  }

  @Override
  protected String defaultBaseUrl() {
    return SnipurlClient.DEFAULT_BASE_URL;
  }

  @Override
  protected MappingBuilder listRequest() {
    return get(urlPathEqualTo("/api/v1/links"));
  }

  @Override
  protected String listResponseBody(LinkId id) {
    return "{\"success\":true,\"data\":[" + SnipurlWireMockTest.linkJson(id.value(), "a8Kx2m")
        + "],\"meta\":{\"page\":1,\"per_page\":20,\"total\":1,\"total_pages\":1}}";
  }
}
