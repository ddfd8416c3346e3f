package dev.polylink.carrierx;

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
 * The core contract suite against CarrierX. The success bodies are the documented link object;
 * the error bodies carry the documented messages (the body shape itself is not documented).
 * CarrierX documents no 410 and no rate limits, so GONE, BURST_LIMIT and QUOTA_EXHAUSTED have no
 * fixture; 500 is not documented either, but every HTTP API can answer it.
 */
class CarrierxContractTest extends LinkClientContractTest {

  @Override
  protected LinkClientBuilder<?, ?> newBuilder() {
    return CarrierxClient.builder().defaultDomainSid(CarrierxFixtures.DOMAIN_SID);
  }

  @Override
  protected String basePath() {
    return CarrierxFixtures.BASE_PATH;
  }

  @Override
  protected LinkId sampleId() {
    return LinkId.of(CarrierxFixtures.SID);
  }

  @Override
  protected List<String> malformedIds() {
    return List.of(
        "42",
        "eOtEtO",
        "a533f53a-7e6f-4822-be3c-3767924ee2a",
        "a533f53a7e6f48224be3c3767924ee2a9",
        "a533f53a-7e6f-4822-be3c-3767924ee2a9/../x",
        "g533f53a-7e6f-4822-be3c-3767924ee2a9");
  }

  /** CarrierX's sample token is a UUID. */
  @Override
  protected String apiKey() {
    return CarrierxFixtures.TOKEN;
  }

  @Override
  protected String apiKeySecret() {
    return CarrierxFixtures.TOKEN;
  }

  @Override
  protected MappingBuilder getRequest(LinkId id) {
    return get(urlPathEqualTo(CarrierxFixtures.LINKS + "/" + id));
  }

  @Override
  protected String getResponseBody(LinkId id) {
    return CarrierxFixtures.documentedLink().replace(CarrierxFixtures.SID, id.value());
  }

  @Override
  protected MappingBuilder createRequest() {
    return post(urlPathEqualTo(CarrierxFixtures.LINKS));
  }

  /**
   * CarrierX's documented answers (no envelope): the link object on create and get, the first list
   * page, Update Link, and 204 on delete.
   */
  @Override
  protected OperationFixture operationFixture(Operation operation) {
    switch (operation) {
      case CREATE:
        return OperationFixture.of(createRequest(), json(200, CarrierxFixtures.documentedLink()));
      case GET:
        return OperationFixture.of(getRequest(sampleId()), json(200, getResponseBody(sampleId())));
      case LIST:
        return OperationFixture.of(get(urlPathEqualTo(CarrierxFixtures.LINKS)), json(200, fixture("list-links-page-1.json")));
      case UPDATE:
        return OperationFixture.of(patch(urlPathEqualTo(CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID)),
            json(200, fixture("update-link-response.json")));
      default:
        return OperationFixture.of(delete(urlPathEqualTo(CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID)), aResponse().withStatus(204));
    }
  }

  @Override
  protected Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase) {
    switch (errorCase) {
      case UNAUTHORIZED:
        return Optional.of(VendorErrorFixture.of(401, "{\"message\": \"Bad credentials\", \"errors\": null}"));
      case NOT_FOUND:
        return Optional.of(VendorErrorFixture.of(404, "{\"message\": \"Cannot find item by SID\", \"errors\": null}"));
      case CONFLICT:
        return Optional.of(VendorErrorFixture.of(409,
            "{\"message\": \"Conflict\", \"errors\": [{\"field\": \"short_name\","
                + " \"message\": \"short_name is already used in this domain\"}]}"));
      case SERVER_ERROR:
        return Optional.of(VendorErrorFixture.of(500, "{\"message\": \"Internal Server Error\"}"));
      default:
        return Optional.empty();
    }
  }

  @Override
  protected String defaultBaseUrl() {
    return CarrierxClient.DEFAULT_BASE_URL;
  }

  @Override
  protected MappingBuilder listRequest() {
    return get(urlPathEqualTo(CarrierxFixtures.LINKS));
  }

  @Override
  protected String listResponseBody(LinkId id) {
    return fixture("list-links-page-1.json").replace(CarrierxFixtures.SID, id.value());
  }

  @Override
  protected String idField() {
    return "link_sid";
  }

  @Override
  protected List<String> shortUrlFields() {
    return List.of("url");
  }

  @Override
  protected Optional<String> shortCodeField() {
    return Optional.of("short_name");
  }
}
