package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.UnsupportedFieldException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code PUT /v1/links}: exact bodies, the Link built from the answer, and errors. */
class ShortpenUpdateTest extends ShortpenWireMockTest {
  private static final LinkId ID = LinkId.of(501);

  private Link updateExpecting(String expectedBody, LinkPatch patch) {
    wm.stubFor(put(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson(expectedBody, false, false))
        .willReturn(json(200, ShortpenFixtures.UPDATE_RESPONSE)));
    Link link = client.update(ID, patch);
    wm.verify(1, putRequestedFor(urlEqualTo("/v1/links")));
    return link;
  }

  @Test
  void theDocumentedExampleSendsExactlyTheDocumentedRequestAndParsesTheAnswer() {
    LinkPatch patch = LinkPatch.builder()
        .destination("https://example.com/new-destination")
        .options(ShortpenOptions.builder().domainId(1).build())
        .build();
    Link link = updateExpecting(
        "{\"url_id\": 501, \"url\": \"https://example.com/new-destination\", \"domain_id\": 1}", patch);

    wm.verify(putRequestedFor(urlPathEqualTo("/v1/links"))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    assertEquals("shortpen", link.providerId());
    assertEquals(ID, link.id());
    assertEquals(URI.create("https://go.shortpen.com/summer-2025"), link.shortUrl());
    assertEquals("summer-2025", link.shortCode());
    assertEquals(Optional.of(URI.create("https://example.com/new-destination")), link.destination());
    assertEquals(
        Map.of("link", "https://go.shortpen.com/summer-2025", "short_url", "https://go.shortpen.com/summer-2025",
            "created", true, "qr", "<string>"),
        link.providerFields());
    // Everything the answer does not carry and the patch did not set stays empty.
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(Optional.empty(), link.createdAt());
    assertEquals(Optional.empty(), link.updatedAt());
    assertEquals(OptionalLong.empty(), link.clicks());
    assertTrue(link.labels().isEmpty());
  }

  @Test
  void aPasswordIsSentWithWithPasswordTrue() {
    Link link = updateExpecting(
        "{\"url_id\": 501, \"with_password\": true, \"url_password\": \"s3cret-Pa55\"}",
        LinkPatch.builder().password("s3cret-Pa55").build());
    assertEquals(Optional.of(true), link.passwordProtected());
  }

  @Test
  void clearPasswordSendsWithPasswordFalseOnly() {
    Link link = updateExpecting(
        "{\"url_id\": 501, \"with_password\": false}", LinkPatch.builder().clearPassword().build());
    assertEquals(Optional.of(false), link.passwordProtected());
  }

  @Test
  void permanentIs301() {
    Link link = updateExpecting("{\"url_id\": 501, \"redirect_type\": 301}",
        LinkPatch.builder().redirectType(RedirectType.PERMANENT).build());
    assertEquals(Optional.of(RedirectType.PERMANENT), link.redirectType());
  }

  @Test
  void temporaryIs302() {
    Link link = updateExpecting("{\"url_id\": 501, \"redirect_type\": 302}",
        LinkPatch.builder().redirectType(RedirectType.TEMPORARY).build());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
  }

  @Test
  void slugAndTitleMapToCustomSlugAndTitle() {
    Link link = updateExpecting("{\"url_id\": 501, \"custom_slug\": \"autumn-2025\", \"title\": \"Autumn\"}",
        LinkPatch.builder().slug("autumn-2025").title("Autumn").build());
    assertEquals(Optional.of("Autumn"), link.title());
    // The code comes from the answer, not from the patch.
    assertEquals("summer-2025", link.shortCode());
  }

  @Test
  void theClientsDefaultDomainAndWorkspaceAreNeverSentOnUpdate() {
    client.close();
    client = client(b -> b.defaultDomainId(1).workspaceId(7));
    updateExpecting("{\"url_id\": 501, \"title\": \"T\"}", LinkPatch.builder().title("T").build());
  }

  @Test
  void optionsAloneAreAnUpdateAndMoveTheLink() {
    Link link = updateExpecting(
        "{\"url_id\": 501, \"domain_id\": 4, \"workspace_id\": 9, \"generate_qr\": true, \"r\": 45, \"g\": 151, \"b\": 123}",
        LinkPatch.builder()
            .options(ShortpenOptions.builder().domainId(4).workspaceId(9).generateQr(true).qrColor(45, 151, 123).build())
            .build());
    assertEquals(Optional.empty(), link.destination());
  }

  @Test
  void withParamTheDestinationIsNotReportedBecauseShortpenAppendsToIt() {
    Link link = updateExpecting(
        "{\"url_id\": 501, \"url\": \"https://example.com/a\", \"param\": {\"utm_source\": \"mail\"}}",
        LinkPatch.builder()
            .destination("https://example.com/a")
            .options(ShortpenOptions.builder().param("utm_source", "mail").build())
            .build());
    assertEquals(Optional.empty(), link.destination());
  }

  @Test
  void optionsThatSetNothingAreRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().options(ShortpenOptions.builder().build()).build()));
    assertTrue(e.violations().get(0).startsWith("patch:"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void clearingTheTitleIsUnsupported() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.update(ID, LinkPatch.builder().clearTitle().build()));
    assertEquals(Set.of(LinkField.TITLE), e.fields());
    assertNoRequests();
  }

  @Test
  void aSlugWithASlashIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().slug("a/b").build()));
    assertEquals(List.of("slug: must not contain control, invisible or whitespace characters, or any of"
        + " / \\ . % ? # ; (found '/' at index 1; was \"a/b\")"), e.violations());
    assertNoRequests();
  }

  @Test
  void thePasswordNeverAppearsInAnException() {
    wm.stubFor(put(urlEqualTo("/v1/links"))
        .willReturn(json(400, ShortpenFixtures.error(400, "Validation error."))));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.update(ID, LinkPatch.builder().password("hunter2-very-secret").build()));
    assertFalse(e.toString().contains("hunter2-very-secret"));
    assertFalse(LinkPatch.builder().password("hunter2-very-secret").build().toString().contains("hunter2"));
  }

  @Test
  void a400KeepsShortpensMessageAndHasNoErrorCode() {
    String body = ShortpenFixtures.error(400, "No field to update was provided.");
    wm.stubFor(put(urlEqualTo("/v1/links")).willReturn(json(400, body)));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.update(ID, LinkPatch.builder().title("T").build()));
    assertEquals(Optional.of("No field to update was provided."), e.vendorMessage());
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals(body, e.responseBody());
    assertEquals(Operation.UPDATE, e.operation());
    assertEquals("shortpen update failed: HTTP 400: No field to update was provided.", e.getMessage());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void a404IsNotFound() {
    wm.stubFor(put(urlEqualTo("/v1/links"))
        .willReturn(json(404, ShortpenFixtures.error(404, "No link found for the given url_id."))));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.update(ID, LinkPatch.builder().title("T").build()));
    assertEquals(404, e.statusCode());
    assertEquals(Optional.of("No link found for the given url_id."), e.vendorMessage());
  }

  @Test
  void a429WithoutRetryAfterIsAnExhaustedMonthlyQuotaAndIsNotRetried() {
    wm.stubFor(put(urlEqualTo("/v1/links"))
        .willReturn(json(429, ShortpenFixtures.error(429, "Monthly custom slug quota reached."))));
    RateLimitException e = assertThrows(RateLimitException.class,
        () -> client.update(ID, LinkPatch.builder().slug("x1").build()));
    assertTrue(e.quotaExhausted());
    assertFalse(e.retryable());
    assertEquals(Optional.empty(), e.retryAfter());
    assertEquals(Optional.of("Monthly custom slug quota reached."), e.vendorMessage());
    assertEquals(1, wm.getAllServeEvents().size());
    assertTrue(sleeper.waits().isEmpty());
  }

  @Test
  void a429WithRetryAfterIsABurstAndIsRetriedAfterTheWait() {
    wm.stubFor(put(urlEqualTo("/v1/links")).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(429, ShortpenFixtures.error(429, "Too many requests.")).withHeader("Retry-After", "3"))
        .willSetStateTo("calm"));
    wm.stubFor(put(urlEqualTo("/v1/links")).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(200, ShortpenFixtures.UPDATE_RESPONSE)));
    client.update(ID, LinkPatch.builder().title("T").build());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
    assertEquals(2, wm.getAllServeEvents().size());
  }

  @Test
  void a500OnPutIsRetriedThenRaised() {
    wm.stubFor(put(urlEqualTo("/v1/links")).willReturn(json(500, ShortpenFixtures.error(500, "Unexpected error."))));
    ServerException e = assertThrows(ServerException.class,
        () -> client.update(ID, LinkPatch.builder().title("T").build()));
    assertTrue(e.retryable());
    assertEquals(RetryPolicy.defaults().maxAttempts(), wm.getAllServeEvents().size());
  }

  @Test
  void anAnswerWithoutDataIsATransportException() {
    wm.stubFor(put(urlEqualTo("/v1/links")).willReturn(json(200, "{\"success\": true, \"status_code\": 200}")));
    TransportException e = assertThrows(TransportException.class,
        () -> client.update(ID, LinkPatch.builder().title("T").build()));
    assertTrue(e.getMessage().contains("no \"data\""), e.getMessage());
  }

  @Test
  void successFalseOnA200IsATransportException() {
    wm.stubFor(put(urlEqualTo("/v1/links")).willReturn(json(200, ShortpenFixtures.error(200, "Odd."))));
    TransportException e = assertThrows(TransportException.class,
        () -> client.update(ID, LinkPatch.builder().title("T").build()));
    assertTrue(e.getMessage().contains("success: false (Odd.)"), e.getMessage());
  }

  @Test
  void theDeprecatedShortUrlIsTheFallback() {
    wm.stubFor(put(urlEqualTo("/v1/links")).willReturn(json(200,
        "{\"success\": true, \"status_code\": 200, \"data\": {\"short_url\": \"https://go.shortpen.com/old-one\","
            + " \"created\": false, \"qr\": null}, \"message\": \"\"}")));
    Link link = client.update(ID, LinkPatch.builder().title("T").build());
    assertEquals(URI.create("https://go.shortpen.com/old-one"), link.shortUrl());
    assertEquals("old-one", link.shortCode());
    assertEquals(Map.of("short_url", "https://go.shortpen.com/old-one", "created", false), link.providerFields());
  }

  @Test
  void aRetriedPutSendsTheSameBody() {
    wm.stubFor(put(urlEqualTo("/v1/links")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(put(urlEqualTo("/v1/links")).inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(json(200, ShortpenFixtures.UPDATE_RESPONSE)));
    client.update(ID, LinkPatch.builder().title("T").build());
    wm.verify(2, putRequestedFor(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": 501, \"title\": \"T\"}", false, false)));
  }
}
