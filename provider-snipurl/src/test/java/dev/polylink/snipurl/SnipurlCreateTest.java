package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST links: the body, custom_alias rules and what SnipURL's create cannot carry. */
class SnipurlCreateTest extends SnipurlWireMockTest {

  private static final String CREATED =
      "{\"success\":true,\"data\":" + linkJson("7d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6", "my-article") + "}";

  @Test
  void everyCreatableFieldIsSentUnderSnipurlsNames() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/article\", \"custom_alias\": \"my-article\","
            + " \"title\": \"Example Article\", \"password\": \"s3cret\", \"expires_at\": \"2025-12-31T23:59:59Z\"}",
            false, false))
        .willReturn(json(201, CREATED)));
    Link link = client.create(CreateLinkRequest.builder()
        .destination("https://example.com/article")
        .slug("my-article")
        .title("Example Article")
        .password("s3cret")
        .expiresAt(Instant.parse("2025-12-31T23:59:59Z"))
        .build());
    assertEquals("7d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6", link.id().value());
    assertEquals("my-article", link.shortCode());
    assertEquals(URI.create("https://snipurl.click/my-article"), link.shortUrl());
    assertEquals(Optional.of(true), link.enabled());
    assertEquals(Optional.of(false), link.passwordProtected());
    assertEquals(Optional.empty(), link.expiresAt(), "expires_at: null means no expiry was reported");
    assertEquals(0, link.clicks().getAsLong());
    assertEquals(false, link.providerFields().containsKey("expires_at"));
  }

  @Test
  void onlyTheUrlIsSentWhenNothingElseIsGiven() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/article\"}", false, false))
        .willReturn(json(201, CREATED)));
    client.create(CreateLinkRequest.builder().destination("https://example.com/article").build());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void emptySnipurlOptionsAreAcceptedOnCreate() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/article\"}", false, false))
        .willReturn(json(201, CREATED)));
    client.create(CreateLinkRequest.builder().destination("https://example.com/article")
        .options(SnipurlOptions.builder().build()).build());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @TestFactory
  Stream<DynamicTest> validAliasesAreSent() {
    return Stream.of("abc", "a-b", "A1-b2-C3", "x".repeat(50), "123")
        .map(alias -> dynamicTest(alias, () -> {
          wm.resetAll();
          wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
              .withRequestBody(equalToJson(
                  "{\"url\": \"https://example.com/\", \"custom_alias\": \"" + alias + "\"}", false, false))
              .willReturn(json(201, CREATED)));
          client.create(CreateLinkRequest.builder().destination("https://example.com/").slug(alias).build());
          assertEquals(1, wm.getAllServeEvents().size());
        }));
  }

  @TestFactory
  Stream<DynamicTest> invalidAliasesAreRejectedBeforeSending() {
    return Stream.of("ab", "-abc", "abc-", "a_b", "a b", "x".repeat(51), "h\u00e9llo", "a.b")
        .map(alias -> dynamicTest(alias, () -> {
          wm.resetAll();
          RequestValidationException e = assertThrows(RequestValidationException.class,
              () -> client.create(CreateLinkRequest.builder().destination("https://example.com/").slug(alias).build()));
          assertEquals(List.of("slug: must be 3 to 50 letters, digits or hyphens, not starting or ending with a hyphen"
              + " (was \"" + alias + "\")"), e.violations());
          assertEquals("snipurl", e.providerId());
          assertNoRequests();
        }));
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder()
            .destination("https://example.com/")
            .slug("-x")
            .domain("links.example.com")
            .options(SnipurlOptions.builder().analyticsPublic(true).build())
            .build()));
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertTrue(e.violations().get(0).startsWith("slug:"), e.violations().toString());
    assertTrue(e.violations().get(1).startsWith("domain: SnipURL has no custom domains"), e.violations().toString());
    assertTrue(e.violations().get(2).startsWith("options: SnipURL accepts analytics_public"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aBurstLimitOnCreateIsRetriedAfterRetryAfter() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).inScenario("burst")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(json(429, fixture("rate-limit-1m.json")).withHeader("Retry-After", "12"))
        .willSetStateTo("calm"));
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(201, CREATED)));
    client.create(CreateLinkRequest.builder().destination("https://example.com/article").build());
    assertEquals(2, wm.getAllServeEvents().size());
    assertEquals(List.of(java.time.Duration.ofSeconds(12)), sleeper.waits());
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

  @Test
  void aCreateIsUnaffected() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links")).willReturn(json(201,
        "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "my-article") + "}")));
    client.create(CreateLinkRequest.builder().destination("https://example.com/").title("t".repeat(255)).build());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
  }
}
