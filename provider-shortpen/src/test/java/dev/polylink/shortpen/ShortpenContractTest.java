package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
 * The core contract against ShortPen. {@code get} has no endpoint of its own: its first request is
 * {@code GET /v1/links?page=1&limit=100}, so that is where the error answers are served.
 */
class ShortpenContractTest extends LinkClientContractTest {
  private static final LinkId ID = LinkId.of(501);

  @Override
  protected LinkClientBuilder<?, ?> newBuilder() {
    return ShortpenClient.builder().defaultDomainId(1);
  }

  @Override
  protected String basePath() {
    return "";
  }

  @Override
  protected LinkId sampleId() {
    return ID;
  }

  @Override
  protected List<String> malformedIds() {
    return List.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "abc", "0", "-5", "007", "1.5", "99999999999999999999");
  }

  @Override
  protected MappingBuilder getRequest(LinkId id) {
    return get(urlPathEqualTo("/v1/links"))
        .withQueryParam("page", equalTo("1"))
        .withQueryParam("limit", equalTo("100"));
  }

  @Override
  protected String getResponseBody(LinkId id) {
    return ShortpenFixtures.LIST_PAGE.replace("\"id\": 501", "\"id\": " + id);
  }

  @Override
  protected MappingBuilder createRequest() {
    return post(urlPathEqualTo("/v1/generate"));
  }

  /**
   * ShortPen's documented answers: generate (then the list page that resolves the new link's id),
   * the list page, Update Link, and a delete's {@code data.deleted} count. ShortPen says "not
   * found" to a delete with {@code deleted: 0} in a 200, not with a 404.
   */
  @Override
  protected OperationFixture operationFixture(Operation operation) {
    switch (operation) {
      case CREATE:
        return OperationFixture.of(createRequest(), json(200, ShortpenFixtures.GENERATE_RESPONSE))
            .supporting(get(urlPathEqualTo("/v1/links"))
                .willReturn(json(200, ShortpenFixtures.page(1, 1, ShortpenFixtures.item(501, "summer-2025")))));
      case GET:
        return OperationFixture.of(getRequest(ID), json(200, getResponseBody(ID)));
      case LIST:
        return OperationFixture.of(get(urlPathEqualTo("/v1/links")), json(200, ShortpenFixtures.LIST_PAGE));
      case UPDATE:
        return OperationFixture.of(put(urlPathEqualTo("/v1/links")), json(200, ShortpenFixtures.UPDATE_RESPONSE));
      default:
        return OperationFixture.of(delete(urlPathEqualTo("/v1/links")), json(200, deleted(1)))
            .goneAnswer(json(200, deleted(0)));
    }
  }

  private static String deleted(int count) {
    return "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": " + count + "}, \"message\": \"\"}";
  }


  /**
   * ShortPen documents 400, 401, 404, 429 (monthly quota) and 500 in its error envelope; it
   * documents no 409 or 410. A burst 429 is not documented; the issue defines one as a 429 carrying
   * {@code Retry-After}, which is what this fixture sends.
   */
  @Override
  protected Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase) {
    switch (errorCase) {
      case UNAUTHORIZED:
        return Optional.of(VendorErrorFixture.of(401, ShortpenFixtures.error(401, "Missing or invalid API token.")));
      case NOT_FOUND:
        return Optional.of(VendorErrorFixture.of(404, ShortpenFixtures.error(404, "No link found.")));
      case BURST_LIMIT:
        return Optional.of(VendorErrorFixture.of(429, ShortpenFixtures.error(429, "Too many requests."))
            .header("Retry-After", "2"));
      case QUOTA_EXHAUSTED:
        return Optional.of(VendorErrorFixture.of(429,
            ShortpenFixtures.error(429, "Monthly QR code quota reached. Upgrade your plan.")));
      case SERVER_ERROR:
        return Optional.of(VendorErrorFixture.of(500, ShortpenFixtures.error(500, "Unexpected error.")));
      default:
        return Optional.empty();
    }
  }

  @Override
  protected String defaultBaseUrl() {
    return ShortpenClient.DEFAULT_BASE_URL;
  }

  /** The first page, as for {@code get}. */
  @Override
  protected MappingBuilder listRequest() {
    return getRequest(ID);
  }

  @Override
  protected String listResponseBody(LinkId id) {
    return getResponseBody(id);
  }

  /** {@code link}, and the deprecated {@code short_url} it falls back to. */
  @Override
  protected List<String> shortUrlFields() {
    return List.of("link", "short_url");
  }

  /** ShortPen sends no code: it is the short URL's last path segment. */
  @Override
  protected Optional<String> shortCodeField() {
    return Optional.empty();
  }
}
