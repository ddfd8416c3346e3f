package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code DELETE /v1/links} with a JSON body, for one link and in bulk. */
class ShortpenDeleteTest extends ShortpenWireMockTest {
  private static String deleted(int count) {
    return "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": " + count + "}, \"message\": \"\"}";
  }

  @Test
  void deleteSendsUrlIdInTheBody() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": 501}", false, false))
        .willReturn(json(200, deleted(1))));
    client.delete(LinkId.of(501));
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links")));
  }

  @Test
  void a404IsNotFound() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .willReturn(json(404, ShortpenFixtures.error(404, "No matching links found."))));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.delete(LinkId.of(501)));
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(Optional.of("No matching links found."), e.vendorMessage());
  }

  @Test
  void aCountOfZeroIsNotFound() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).willReturn(json(200, deleted(0))));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.delete(LinkId.of(501)));
    assertEquals(404, e.statusCode());
    assertEquals(Operation.DELETE, e.operation());
  }

  @Test
  void a500IsRetriedWithTheSameBody() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(500, ShortpenFixtures.error(500, "Unexpected error."))).willSetStateTo("ok"));
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(json(200, deleted(1))));
    client.delete(LinkId.of(501));
    wm.verify(2, deleteRequestedFor(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": 501}", false, false)));
    assertEquals(1, sleeper.retryWaits().size(), sleeper.waits().toString());
  }

  @Test
  void a500ThatPersistsIsAServerExceptionAfterEveryAttempt() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).willReturn(json(500, ShortpenFixtures.error(500, "Unexpected error."))));
    ServerException e = assertThrows(ServerException.class, () -> client.delete(List.of(LinkId.of(501), LinkId.of(502))));
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(Optional.of("Unexpected error."), e.vendorMessage());
    wm.verify(RetryPolicy.defaults().maxAttempts(), deleteRequestedFor(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501, 502]}", false, false)));
  }

  @Test
  void bulkDeleteSendsOneRequestWithAnArrayAndReturnsTheCount() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501, 502, 7]}", false, false))
        .willReturn(json(200, deleted(2))));
    OptionalInt count = client.delete(List.of(LinkId.of(501), LinkId.of(502), LinkId.of(501), LinkId.of(7)));
    assertEquals(OptionalInt.of(2), count);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links")));
  }

  @Test
  void bulkDeleteOfOneIdStillSendsAnArray() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501]}", false, false))
        .willReturn(json(200, deleted(1))));
    assertEquals(OptionalInt.of(1), client.delete(List.of(LinkId.of(501))));
  }

  @Test
  void bulkDeleteNamesEveryMalformedIdBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.delete(List.of(LinkId.of(501), LinkId.of("abc"), LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))));
    assertEquals(List.of("ids[1]: must be a positive integer (was \"abc\")",
        "ids[2]: must be a positive integer (was \"1b4e28ba-2fa1-11d2-883f-0016d3cca427\")"), e.violations());
    assertNoRequests();
  }

  @Test
  void bulkDeleteOfNothingIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.delete(List.of()));
    assertEquals(List.of("ids: must name at least one link"), e.violations());
    assertNoRequests();
  }

  @Test
  void bulkDeleteWithoutACountIsATransportException() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .willReturn(json(200, "{\"success\": true, \"status_code\": 200, \"data\": {}, \"message\": \"\"}")));
    assertThrows(TransportException.class, () -> client.delete(List.of(LinkId.of(501))));
  }

  @Test
  void theLargestIntCountIsReadWhole() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).willReturn(json(200,
        "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": 2147483647}, \"message\": \"\"}")));
    assertEquals(OptionalInt.of(Integer.MAX_VALUE), client.delete(List.of(LinkId.of(501))));
  }

  @Test
  void bulkDeleteWhereNothingMatchedIsNotFound() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .willReturn(json(404, ShortpenFixtures.error(404, "No matching links found."))));
    assertThrows(NotFoundException.class, () -> client.delete(List.of(LinkId.of(501), LinkId.of(502))));
  }

  @Test
  void aBulkDeleteWhoseAnswerWasLostAndWhoseResendFindsNothingIsNotANotFound() {
    // The first attempt soft-deletes both links, but its answer is lost; the resent request
    // matches nothing and ShortPen answers 404.
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("deleted"));
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs("deleted")
        .willReturn(json(404, ShortpenFixtures.error(404, "No links found for the given url_id."))));

    assertEquals(OptionalInt.empty(), client.delete(List.of(LinkId.of(501), LinkId.of(502))));
    wm.verify(2, deleteRequestedFor(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501, 502]}", false, false)));
  }

  @Test
  void aBulkDeleteResentAfterALostAnswerHasNoKnownCount() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
        .willSetStateTo("partly"));
    wm.stubFor(delete(urlEqualTo("/v1/links")).inScenario("lost").whenScenarioStateIs("partly")
        .willReturn(json(200, deleted(1))));
    assertEquals(OptionalInt.empty(), client.delete(List.of(LinkId.of(501), LinkId.of(502))));
  }

  @Test
  void aCountBeyondAnIntIsATransportExceptionNotATruncatedNumber() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).willReturn(json(200,
        "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": 4294967297}, \"message\": \"\"}")));
    assertThrows(TransportException.class, () -> client.delete(List.of(LinkId.of(501))));
  }
}
