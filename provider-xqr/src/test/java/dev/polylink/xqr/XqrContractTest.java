package dev.polylink.xqr;

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

/**
 * The core contract suite against {@link XqrClient}, with xQR's documented bodies: the Get Link
 * response and the error envelope {@code {"error": {code, message, status}, "meta": {request_id}}}.
 */
class XqrContractTest extends LinkClientContractTest {
  private static final String SECRET = "q7Zt-w3Kp_L9xV2mB8nR4cY6hJ1sD5fG0aE3uI7oT9yW2eQ4rX6zC8vB1nM5kL3j";

  @Override
  protected LinkClientBuilder<?, ?> newBuilder() {
    return XqrClient.builder();
  }

  @Override
  protected String basePath() {
    return "/api";
  }

  @Override
  protected String apiKey() {
    return "xqr_pk_a1b2c3d4." + SECRET;
  }

  @Override
  protected String apiKeySecret() {
    return SECRET;
  }

  @Override
  protected LinkId sampleId() {
    return LinkId.of(XqrFixtures.DOCUMENTED_ID);
  }

  @Override
  protected List<String> malformedIds() {
    return List.of(
        "42",
        "summer24",
        "d47f2e1a-8c3b-4a5d-9e6f-1234567890a",
        "d47f2e1a8c3b4a5d9e6f1234567890ab",
        "d47f2e1a-8c3b-4a5d-9e6f-1234567890ab/../x");
  }

  @Override
  protected MappingBuilder getRequest(LinkId id) {
    return get(urlPathEqualTo("/api/v1/links/" + id));
  }

  @Override
  protected String getResponseBody(LinkId id) {
    return fixture("get-link-response.json").replace(XqrFixtures.DOCUMENTED_ID, id.value());
  }

  @Override
  protected MappingBuilder createRequest() {
    return post(urlPathEqualTo("/api/v1/links"));
  }

  /**
   * The documented codes and messages (error-handling and error-reference pages). xQR documents no
   * code for 404, 410 or 500; those bodies use the documented envelope with illustrative codes.
   */
  /** xQR's documented Create, Get, List and Update Link answers; a delete answers 204. */
  @Override
  protected OperationFixture operationFixture(Operation operation) {
    String id = XqrFixtures.DOCUMENTED_ID;
    switch (operation) {
      case CREATE:
        return OperationFixture.of(createRequest(), json(201, fixture("create-link-response.json")));
      case GET:
        return OperationFixture.of(getRequest(sampleId()), json(200, getResponseBody(sampleId())));
      case LIST:
        return OperationFixture.of(get(urlPathEqualTo("/api/v1/links")), json(200, fixture("list-links-response.json")));
      case UPDATE:
        return OperationFixture.of(patch(urlPathEqualTo("/api/v1/links/" + id)), json(200, fixture("update-link-response.json")));
      default:
        return OperationFixture.of(delete(urlPathEqualTo("/api/v1/links/" + id)), aResponse().withStatus(204));
    }
  }

  @Override
  protected Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase) {
    switch (errorCase) {
      case UNAUTHORIZED:
        return Optional.of(error(401, "INVALID_API_KEY", "The API key is malformed or not found", "req_401a"));
      case NOT_FOUND:
        return Optional.of(error(404, "NOT_FOUND", "Resource does not exist or belongs to another workspace", "req_404a"));
      case CONFLICT:
        return Optional.of(error(409, "SLUG_TAKEN", "The requested custom slug is already in use", "req_409a"));
      case GONE:
        return Optional.of(error(410, "LINK_DISABLED", "This link is disabled", "req_410a"));
      case BURST_LIMIT:
        return Optional.of(error(429, "BURST_LIMIT_EXCEEDED", "Too many requests per second", "req_429b")
            .header("Retry-After", "1")
            .header("X-RateLimit-Limit", "1000")
            .header("X-RateLimit-Remaining", "950")
            .header("X-RateLimit-Burst-Limit", "10")
            .header("X-RateLimit-Burst-Remaining", "0"));
      case QUOTA_EXHAUSTED:
        return Optional.of(error(429, "RATE_LIMIT_EXCEEDED", "Monthly API quota exhausted", "req_429q")
            .header("X-RateLimit-Limit", "1000")
            .header("X-RateLimit-Remaining", "0"));
      case SERVER_ERROR:
        return Optional.of(error(500, "INTERNAL_ERROR", "Unexpected server error", "req_500a"));
      default:
        return Optional.empty();
    }
  }

  static VendorErrorFixture error(int status, String code, String message, String requestId) {
    return VendorErrorFixture.of(status,
            "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\", \"status\": " + status
                + "}, \"meta\": {\"request_id\": \"" + requestId + "\"}}")
        .expectErrorCode(code)
        .expectRequestId(requestId);
  }

  @Override
  protected String defaultBaseUrl() {
    return XqrClient.DEFAULT_BASE_URL;
  }

  @Override
  protected MappingBuilder listRequest() {
    return get(urlPathEqualTo("/api/v1/links"));
  }

  @Override
  protected String listResponseBody(LinkId id) {
    return fixture("list-links-response.json").replace(XqrFixtures.DOCUMENTED_ID, id.value());
  }
}
