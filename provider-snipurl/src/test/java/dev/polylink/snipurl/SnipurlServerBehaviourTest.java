package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.BulkOperationException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What SnipURL's real server does beyond its documentation (providers-research.md section 7, issue
 * 11 items 4, 8 and 14): its title limit, {@code analytics_shared_fields: null}, its section names,
 * its bulk-delete id rule, lost bulk-delete answers and bulk deletes that fail part-way.
 */
class SnipurlServerBehaviourTest extends SnipurlTestSupport {
  private static final String BULK_PATH = "/api/v1/links/bulk";

  private static List<LinkId> ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> LinkId.of(new UUID(0x2222_0000_4000L, 0x8000_0000_0000_0000L | (i + 1L))))
        .collect(Collectors.toList());
  }

  private static String idsJson(List<LinkId> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}"));
  }

  private static String deleted(int n) {
    return "{\"success\":true,\"data\":{\"deleted\":" + n + "}}";
  }

  private static String getAnswer(String sharedFieldsMember) {
    String link = linkJson(DOC_ID.value(), "my-article");
    return "{\"success\":true,\"data\":" + link.substring(0, link.length() - 1)
        + (sharedFieldsMember.isEmpty() ? "" : "," + sharedFieldsMember) + "}}";
  }

  // ---------------------------------------------------------------- title (item 14)

  @Test
  void aTitleOver255CharactersIsRejectedBeforeSendingOnCreateAndUpdate() {
    String tooLong = "t".repeat(256);
    RequestValidationException onCreate = assertThrows(RequestValidationException.class, () -> client.create(
        CreateLinkRequest.builder().destination("https://example.com/").title(tooLong).build()));
    assertEquals(List.of("title: must be at most 255 characters (was 256)"), onCreate.violations());
    RequestValidationException onUpdate = assertThrows(RequestValidationException.class,
        () -> client.update(DOC_ID, LinkPatch.builder().title(tooLong).build()));
    assertEquals(List.of("title: must be at most 255 characters (was 256)"), onUpdate.violations());
    assertNoRequests();
  }

  @Test
  void aTitleOf255CodePointsIsSentEvenWhenItNeedsMoreUtf16Units() {
    String title = "\ud83d\ude00".repeat(255); // 255 characters for PostgreSQL, 510 Java chars
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "my-article") + "}")));
    client.update(DOC_ID, LinkPatch.builder().title(title).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  // ---------------------------------------------------------------- analytics settings (item 14)

  @Test
  void analyticsSharedFieldsNullIsReadAsShareEverySection() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, getAnswer("\"analytics_shared_fields\":null"))));

    SnipurlOptions settings = client.analyticsSettings(DOC_ID);

    assertTrue(settings.sharesAllAnalyticsSections());
    assertEquals(Optional.of(false), settings.analyticsPublic());
    assertEquals(Optional.empty(), settings.analyticsSharedFields());
    assertFalse(client.get(DOC_ID).providerFields().containsKey("analytics_shared_fields"),
        "providerFields() leaves JSON nulls out, hence analyticsSettings");
  }

  @Test
  void aListOfSectionsIsReadWithTheServersNamesAndUnknownNamesSkipped() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        getAnswer("\"analytics_shared_fields\":[\"clicks\",\"os\",\"overview\",\"cities\"]"))));

    SnipurlOptions settings = client.analyticsSettings(DOC_ID);

    assertFalse(settings.sharesAllAnalyticsSections());
    assertEquals(Optional.of(EnumSet.of(AnalyticsSection.OVERVIEW, AnalyticsSection.CLICKS, AnalyticsSection.OS)),
        settings.analyticsSharedFields());
    assertEquals(List.of("clicks", "os", "overview", "cities"),
        client.get(DOC_ID).providerFields().get("analytics_shared_fields"));
  }

  @Test
  void settingsAnAnswerLeavesOutStayUnset() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "a").replace(",\"analytics_public\":false", "") + "}")));
    assertTrue(client.analyticsSettings(DOC_ID).isEmpty());
  }

  @Test
  void theServersSectionNamesAreSentInDeclarationOrder() {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .withRequestBody(equalToJson(
            "{\"analytics_shared_fields\": [\"devices\", \"clicks\", \"trend\", \"countries\", \"os\"]}", false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "a") + "}")));
    client.update(DOC_ID, LinkPatch.builder().options(SnipurlOptions.builder().analyticsSharedFields(EnumSet.of(
        AnalyticsSection.OS, AnalyticsSection.TREND, AnalyticsSection.CLICKS, AnalyticsSection.COUNTRIES,
        AnalyticsSection.DEVICES)).build()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  // ---------------------------------------------------------------- instants (item 8)

  @Test
  void instantsThatCannotBeSentAreRejectedBeforeSending() {
    for (Instant bad : List.of(Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"))) {
      RequestValidationException onCreate = assertThrows(RequestValidationException.class, () -> client.create(
          CreateLinkRequest.builder().destination("https://example.com/").expiresAt(bad).build()));
      assertTrue(onCreate.violations().get(0).startsWith("expiresAt: must be between"), onCreate.violations()::toString);
      assertThrows(RequestValidationException.class,
          () -> client.update(DOC_ID, LinkPatch.builder().expiresAt(bad).build()));
    }
    assertNoRequests();
  }

  // ---------------------------------------------------------------- bulk delete (items 4 and 14)

  @Test
  void bulkIdsAreCheckedWithTheServersStricterUuidRule() {
    List<LinkId> ids = List.of(
        LinkId.of("550e8400-e29b-01d4-a716-446655440000"),   // version 0
        LinkId.of("550e8400-e29b-41d4-c716-446655440000"),   // variant c
        LinkId.of("550e8400-e29b-41d4-a716-446655440000"));  // fine
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.delete(ids));
    assertEquals(2, e.violations().size(), e.violations()::toString);
    assertTrue(e.violations().get(0).startsWith("ids[0]: must be a UUID of version 1 to 8"), e.violations()::toString);
    assertTrue(e.violations().get(0).endsWith("(was \"550e8400-e29b-01d4-a716-446655440000\")"), e.violations()::toString);
    assertTrue(e.violations().get(1).startsWith("ids[1]: must be a UUID of version 1 to 8"), e.violations()::toString);
    assertNoRequests();
  }

  @Test
  void theNilAndMaxUuidsPassTheBulkRuleAsTheyDoOnTheServer() {
    List<LinkId> ids = List.of(LinkId.of("00000000-0000-0000-0000-000000000000"),
        LinkId.of("ffffffff-ffff-ffff-ffff-ffffffffffff"), LinkId.of("550e8400-e29b-81d4-B716-446655440000"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false))
        .willReturn(json(200, deleted(0))));
    assertEquals(OptionalInt.of(0), client.delete(ids));
  }

  @Test
  void aBulkDeleteWhoseAnswerWasLostDoesNotReportTheResentAttemptsCount() {
    List<LinkId> ids = ids(10);
    // The first attempt is processed (the ten links are deleted) but its answer never arrives; the
    // resent request finds nothing left to delete, so SnipURL answers 0.
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("deleted"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs("deleted")
        .willReturn(json(200, deleted(0))));

    assertEquals(OptionalInt.empty(), client.delete(ids), "the count is unknown, not 0");
    wm.verify(2, deleteRequestedFor(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false)));
  }

  @Test
  void aBulkDeleteWhoseSecondRequestFailsSaysWhatTheFirstDeleted() {
    List<LinkId> ids = ids(120);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(48))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 100)), false, false))
        .willReturn(aResponse().withStatus(500)));

    BulkOperationException e = assertThrows(BulkOperationException.class, () -> client.delete(ids));

    assertEquals("snipurl", e.providerId());
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(ids.subList(0, 50), e.completed());
    assertEquals(OptionalLong.of(48), e.completedCount());
    assertEquals(ids.subList(50, 100), e.failed());
    assertEquals(ids.subList(100, 120), e.notSent());
    ServerException cause = assertInstanceOf(ServerException.class, e.failure());
    assertSame(cause, e.getCause());
    assertEquals(500, cause.statusCode());
    assertTrue(e.getMessage().contains("50 id(s) were in requests that succeeded (48 reported done)"), e.getMessage());
    assertTrue(e.getMessage().contains("20 id(s) were not sent"), e.getMessage());
    wm.verify(1 + RetryPolicy.defaults().maxAttempts(), deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
  }

  @Test
  void afterALostAnswerAPartWayFailureSaysTheCountIsUnknown() {
    List<LinkId> ids = ids(60);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("resent"));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).inScenario("lost").whenScenarioStateIs("resent")
        .withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(0))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 60)), false, false))
        .willReturn(json(400, error("VALIDATION_ERROR", "Invalid request. Provide 1-50 link IDs."))));

    BulkOperationException e = assertThrows(BulkOperationException.class, () -> client.delete(ids));

    assertEquals(OptionalLong.empty(), e.completedCount());
    assertEquals(ids.subList(0, 50), e.completed());
    assertEquals(ids.subList(50, 60), e.failed());
    assertEquals(List.of(), e.notSent());
    assertInstanceOf(BadRequestException.class, e.failure());
    assertTrue(e.getMessage().contains("how many were done is unknown"), e.getMessage());
  }

  @Test
  void aCreateIsUnaffected() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).willReturn(json(201,
        "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "my-article") + "}")));
    client.create(CreateLinkRequest.builder().destination("https://example.com/").title("t".repeat(255)).build());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
  }
}
