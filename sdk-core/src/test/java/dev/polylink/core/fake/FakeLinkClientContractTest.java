package dev.polylink.core.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/** Runs the contract suite against the fake provider, proving the suite and core together. */
class FakeLinkClientContractTest extends LinkClientContractTest {
  private static final LinkId ID = LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

  @Override
  protected LinkClientBuilder<?, ?> newBuilder() {
    return FakeLinkClient.builder();
  }

  @Override
  protected String basePath() {
    return "/api";
  }

  @Override
  protected LinkId sampleId() {
    return ID;
  }

  @Override
  protected List<String> malformedIds() {
    return List.of("42", "not-a-uuid", "1b4e28ba-2fa1-11d2-883f-0016d3cca42");
  }

  @Override
  protected MappingBuilder getRequest(LinkId id) {
    return get(urlPathEqualTo("/api/links/" + id));
  }

  @Override
  protected String getResponseBody(LinkId id) {
    return "{\"link\": {\"id\": \"" + id + "\", \"short_url\": \"https://fk.example/abc\", \"code\": \"abc\","
        + " \"url\": \"https://example.com/\", \"title\": \"T\", \"enabled\": true,"
        + " \"created_at\": \"2026-01-01T00:00:00Z\"}}";
  }

  @Override
  protected MappingBuilder createRequest() {
    return post(urlPathEqualTo("/api/links"));
  }

  @Override
  protected OperationFixture operationFixture(Operation operation) {
    String link = getResponseBody(ID);
    switch (operation) {
      case CREATE:
        return OperationFixture.of(createRequest(), json(201, link));
      case GET:
        return OperationFixture.of(getRequest(ID), json(200, link));
      case LIST:
        return OperationFixture.of(get(urlPathEqualTo("/api/links")),
            json(200, "{\"links\": [" + link.substring("{\"link\": ".length(), link.length() - 1) + "]}"));
      case UPDATE:
        return OperationFixture.of(patch(urlPathEqualTo("/api/links/" + ID)), json(200, link));
      default:
        return OperationFixture.of(delete(urlPathEqualTo("/api/links/" + ID)), aResponse().withStatus(204));
    }
  }

  @Override
  protected Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase) {
    switch (errorCase) {
      case UNAUTHORIZED:
        return Optional.of(error(401, "BAD_KEY", "req_1"));
      case NOT_FOUND:
        return Optional.of(error(404, "NOT_FOUND", "req_2"));
      case CONFLICT:
        return Optional.of(error(409, "SLUG_TAKEN", "req_3"));
      case GONE:
        return Optional.of(error(410, "GONE", "req_4"));
      case BURST_LIMIT:
        return Optional.of(error(429, "SLOW_DOWN", "req_5").header("Retry-After", "2"));
      case QUOTA_EXHAUSTED:
        return Optional.of(error(429, "QUOTA", "req_6"));
      case SERVER_ERROR:
        return Optional.of(error(500, "INTERNAL", "req_7"));
      default:
        return Optional.empty();
    }
  }

  @Override
  protected String defaultBaseUrl() {
    return "https://fake.example/api";
  }

  @Override
  protected MappingBuilder listRequest() {
    return get(urlPathEqualTo("/api/links"));
  }

  @Override
  protected String listResponseBody(LinkId id) {
    return "{\"links\": [" + getResponseBody(id).substring("{\"link\": ".length()).replaceFirst("}$", "") + "]}";
  }

  @Override
  protected Optional<String> shortCodeField() {
    return Optional.of("code");
  }

  private static VendorErrorFixture error(int status, String code, String requestId) {
    return VendorErrorFixture.of(status,
            "{\"error\": {\"code\": \"" + code + "\", \"message\": \"m\", \"request_id\": \"" + requestId + "\"}}")
        .expectErrorCode(code)
        .expectRequestId(requestId);
  }
}
