package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** xQR's documented input rules, all checked before any request. */
class XqrValidationTest extends WireMockTestBase {
  private static final LinkId ID = LinkId.of(Fixtures.DOCUMENTED_ID);

  private static List<String> labels(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "l" + i).collect(Collectors.toList());
  }

  @Test
  void aShortSlugIsNamedWithTheRule() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").slug("a").build()));
    assertEquals(List.of("slug: must be 3 to 64 letters, digits or hyphens (was \"a\")"), e.violations());
    assertEquals("xqr", e.providerId());
    assertNoRequests();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "with_underscore", "with space", "ümlaut", "dot.ted",
      "a123456789b123456789c123456789d123456789e123456789f123456789g1234"})
  void slugsOutsideTheDocumentedShapeAreRejected(String slug) {
    assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").slug(slug).build()));
    assertNoRequests();
  }

  @Test
  void elevenLabelsAreRejectedOnCreateAndUpdate() {
    RequestValidationException onCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").labels(labels(11)).build()));
    assertEquals(List.of("labels: at most 10 allowed (was 11)"), onCreate.violations());
    RequestValidationException onUpdate = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().labels(labels(11)).build()));
    assertEquals(List.of("labels: at most 10 allowed (was 11)"), onUpdate.violations());
    assertNoRequests();
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder()
            .destination("https://example.com")
            .slug("x")
            .labels(labels(12))
            .domain("links.example.com")
            .build()));
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertEquals("slug: must be 3 to 64 letters, digits or hyphens (was \"x\")", e.violations().get(0));
    assertEquals("labels: at most 10 allowed (was 12)", e.violations().get(1));
    assertEquals(true, e.violations().get(2).startsWith("domain: "), e.violations().get(2));
    assertNoRequests();
  }

  @Test
  void unsupportedFieldsAreAllNamedOnCreate() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.create(CreateLinkRequest.builder()
            .destination("https://example.com")
            .title("T")
            .password("s3cret-Pa55")
            .redirectType(RedirectType.TEMPORARY)
            .build()));
    assertEquals(Set.of(LinkField.TITLE, LinkField.PASSWORD, LinkField.REDIRECT_TYPE), e.fields());
    assertEquals(false, e.getMessage().contains("s3cret-Pa55"), e.getMessage());
    assertNoRequests();
  }

  @Test
  void slugAndExpiryCannotBeChangedOrClearedAfterCreation() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.update(ID, LinkPatch.builder()
            .slug("new-slug")
            .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
            .clearTitle()
            .build()));
    assertEquals(Set.of(LinkField.SLUG, LinkField.EXPIRES_AT, LinkField.TITLE), e.fields());
    assertThrows(UnsupportedFieldException.class,
        () -> client.update(ID, LinkPatch.builder().clearExpiresAt().build()));
    assertNoRequests();
  }

  @Test
  void optionsThatSetNothingMakeAnEmptyPatch() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().options(XqrOptions.builder().build()).build()));
    assertEquals(true, e.violations().get(0).startsWith("patch: "), e.violations().toString());
    assertNoRequests();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "2.5", "1e3", "9999999999"})
  void aCursorThatIsNotAnOffsetIsRejected(String cursor) {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().cursor(cursor).build()));
    assertEquals(true, e.violations().get(0).startsWith("cursor: "), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void searchIsNotAnXqrFilter() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().search("summer").build()));
    assertEquals(true, e.violations().get(0).contains("search"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aPageOf200IsAllowedAnd201IsNot() {
    assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().pageSize(201).build()));
    assertNoRequests();
    assertEquals(200, client.capabilities().maxPageSize());
  }

  @Test
  void instantsThatCannotBeSentAreRejectedBeforeAnyRequest() {
    RequestValidationException onCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").expiresAt(Instant.MAX).build()));
    assertEquals(List.of("expiresAt: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"
        + " (was " + Instant.MAX + ")"), onCreate.violations());

    XqrOptions rules = XqrOptions.builder().routingRules(
        RoutingRule.builder().destination("https://m.example.com").priority(1).deviceTypes(DeviceType.MOBILE).build(),
        RoutingRule.builder().destination("https://t.example.com").priority(2).deviceTypes(DeviceType.TABLET)
            .expiresAt(Instant.MIN).build()).build();
    RequestValidationException ruleOnCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").options(rules).build()));
    assertEquals(1, ruleOnCreate.violations().size(), ruleOnCreate.violations().toString());
    assertEquals(true, ruleOnCreate.violations().get(0).startsWith("options.routingRules[1].expiresAt: must be between"),
        ruleOnCreate.violations().toString());
    RequestValidationException ruleOnUpdate = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().options(rules).build()));
    assertEquals(ruleOnCreate.violations(), ruleOnUpdate.violations());
    assertNoRequests();
  }

  @Test
  void theLatestSendableInstantIsSentWithAFourDigitYear() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/links"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
            "{\"url\": \"https://example.com\", \"expires_at\": \"9999-12-31T23:59:59Z\"}", false, false))
        .willReturn(json(500, "")));
    assertThrows(dev.polylink.core.ServerException.class, () -> client.create(CreateLinkRequest.builder()
        .destination("https://example.com").expiresAt(dev.polylink.core.spi.Checks.LATEST_SENDABLE.minusMillis(1)).build()));
    wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/links")));
  }
}
