package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.GoneException;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientListener;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.core.spi.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every provider module's {@link LinkClient} must meet, driven through {@code
 * LinkClient} alone against WireMock, with expectations derived from the provider's {@link
 * dev.polylink.core.Capabilities}. A provider module extends this class and supplies its vendor's
 * request shapes and documented response bodies.
 */
public abstract class LinkClientContractTest extends WireMockTestBase<LinkClient>
    implements BulkContract {

  // ---------------------------------------------------------------- fixture: what a provider supplies

  /**
   * A builder of the provider under test with whatever the provider itself requires (a default
   * domain, say), but no key, base URL, retry policy or sleeper: the suite sets those.
   */
  protected abstract LinkClientBuilder<?, ?> newBuilder();

  /** The path of the vendor's documented base URL, e.g. {@code "/api"} for xQR; {@code ""} for none. */
  protected abstract String basePath();

  /** A well-formed id of a link. */
  protected abstract LinkId sampleId();

  /** Ids of the wrong shape for this vendor (e.g. a UUID where integers are expected). */
  protected abstract List<String> malformedIds();

  /** The request {@code get(id)} sends (for a vendor without get-one, the first list request). */
  protected abstract MappingBuilder getRequest(LinkId id);

  /** The vendor's 200 body answering {@link #getRequest}, containing the link {@code id}. */
  protected abstract String getResponseBody(LinkId id);

  /** The request {@code create(sampleCreateRequest())} sends. */
  protected abstract MappingBuilder createRequest();

  /**
   * For the fault-injection cases ({@link #faultInjection()}): the request {@code operation} sends
   * with {@link #sampleId()}, {@link #sampleCreateRequest()}, a first page or {@link
   * #someUpdatablePatch()}, and the vendor's documented success answer to it.
   */
  protected abstract OperationFixture operationFixture(Operation operation);

  /** The vendor's documented error answer for a case, or empty when the vendor has no such answer. */
  protected abstract Optional<VendorErrorFixture> errorFixture(ErrorCase errorCase);

  /** An API key of the vendor's shape. Its {@link #apiKeySecret()} must never appear in messages. */
  protected String apiKey() {
    return "contract0.SECRETPART-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  }

  /** The part of {@link #apiKey()} that must never be shown. */
  protected String apiKeySecret() {
    return "SECRETPART-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  }

  /** A create request the provider accepts. */
  protected CreateLinkRequest sampleCreateRequest() {
    CreateLinkRequest.Builder b = CreateLinkRequest.builder().destination("https://example.com/contract");
    if (client.capabilities().canCreate(LinkField.SLUG)) {
      b.slug("contract-slug");
    }
    return b.build();
  }

  // ---------------------------------------------------------------- set-up

  /** A client on WireMock with the default retry policy and the recording sleeper. */
  @Override
  protected LinkClient newClient() {
    return build(newBuilder(), b -> b);
  }

  @Override
  public final LinkClient featureClient() {
    return client;
  }

  @Override
  public final WireMockExtension featureWireMock() {
    return wm;
  }

  @Override
  public final CreateLinkRequest bulkSampleCreate() {
    return sampleCreateRequest();
  }

  @Override
  public final LinkPatch bulkSamplePatch() {
    return someUpdatablePatch();
  }

  @Override
  public final LinkId featureSampleId() {
    return sampleId();
  }

  @Override
  public final List<String> featureMalformedIds() {
    return malformedIds();
  }

  /** Builds a client on WireMock; {@code tweak} may change settings (timeout, retry policy). */
  protected <B extends LinkClientBuilder<B, C>, C extends LinkClient> C build(
      LinkClientBuilder<B, C> builder, Function<B, B> tweak) {
    B configured =
        builder.apiKey(apiKey())
            .baseUrl(wm.baseUrl() + basePath())
            .retryPolicy(RetryPolicy.defaults())
            // The default pacing (RateLimit.adaptive()) stays on: its waits go to the recording
            // sleeper, whose clock the client reads, so that a wait moves time on.
            .clock(sleeper.clock())
            .sleeper(sleeper)
            .addListener(sleeper)
            .scheduledExecutorService(scheduler);
    return tweak.apply(configured).build();
  }

  // ---------------------------------------------------------------- capabilities

  @Test
  void capabilitiesAreConsistent() {
    assertFalse(client.providerId().isBlank());
    assertTrue(client.capabilities().creatableFields().contains(LinkField.DESTINATION));
    assertTrue(client.capabilities().updatableFields().containsAll(client.capabilities().clearableFields()));
    // every provider does all of link CRUD; QR codes, statistics and usage vary (FeatureContract)
    assertTrue(client.capabilities().operations().containsAll(
        EnumSet.of(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE)),
        client.capabilities().operations().toString());
  }

  @TestFactory
  Stream<DynamicTest> createRejectsEachUncreatableFieldBeforeSending() {
    return uncreatableFields().stream()
        .map(field -> dynamicTest("create with " + field, () -> {
          wm.resetAll();
          UnsupportedFieldException e =
              assertThrows(UnsupportedFieldException.class,
                  () -> client.create(withField(CreateLinkRequest.builder().destination("https://example.com/x"), field).build()));
          assertEquals(Set.of(field), e.fields());
          assertEquals(Operation.CREATE, e.operation());
          assertEquals(client.providerId(), e.providerId());
          assertTrue(e.getMessage().contains(field.name()), e.getMessage());
          assertNoRequests();
        }));
  }

  @Test
  void createNamesEveryUncreatableFieldAtOnce() {
    Set<LinkField> unsupported = uncreatableFields();
    if (unsupported.isEmpty()) {
      return;
    }
    CreateLinkRequest.Builder b = CreateLinkRequest.builder().destination("https://example.com/x");
    unsupported.forEach(f -> withField(b, f));
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class, () -> client.create(b.build()));
    assertEquals(unsupported, e.fields());
    assertNoRequests();
  }

  @TestFactory
  Stream<DynamicTest> updateRejectsEachUnupdatableFieldBeforeSending() {
    return EnumSet.complementOf(asEnumSet(client.capabilities().updatableFields())).stream()
        .map(field -> dynamicTest("update " + field, () -> {
          wm.resetAll();
          UnsupportedFieldException e =
              assertThrows(UnsupportedFieldException.class,
                  () -> client.update(sampleId(), withField(LinkPatch.builder(), field).build()));
          assertEquals(Set.of(field), e.fields());
          assertEquals(Operation.UPDATE, e.operation());
          assertNoRequests();
        }));
  }

  @TestFactory
  Stream<DynamicTest> updateRejectsClearingEachUnclearableFieldBeforeSending() {
    return clearableByBuilder().stream()
        .filter(field -> !client.capabilities().canClear(field))
        .map(field -> dynamicTest("clear " + field, () -> {
          wm.resetAll();
          UnsupportedFieldException e =
              assertThrows(UnsupportedFieldException.class,
                  () -> client.update(sampleId(), clearField(LinkPatch.builder(), field).build()));
          assertEquals(Set.of(field), e.fields());
          assertNoRequests();
        }));
  }

  @Test
  void updateNamesEveryOffendingFieldAtOnce() {
    LinkPatch.Builder patch = LinkPatch.builder();
    Set<LinkField> expected = EnumSet.noneOf(LinkField.class);
    for (LinkField field : LinkField.values()) {
      if (!client.capabilities().canUpdate(field)) {
        withField(patch, field);
        expected.add(field);
      }
    }
    for (LinkField field : clearableByBuilder()) {
      if (client.capabilities().canUpdate(field) && !client.capabilities().canClear(field)) {
        clearField(patch, field);
        expected.add(field);
      }
    }
    if (expected.isEmpty()) {
      return;
    }
    UnsupportedFieldException e =
        assertThrows(UnsupportedFieldException.class, () -> client.update(sampleId(), patch.build()));
    assertEquals(expected, e.fields());
    assertNoRequests();
  }

  @Test
  void emptyPatchIsRejectedBeforeSending() {
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> client.update(sampleId(), LinkPatch.builder().build()));
    assertEquals(client.providerId(), e.providerId());
    assertNoRequests();
  }

  @TestFactory
  Stream<DynamicTest> malformedIdsAreRejectedBeforeSending() {
    LinkPatch patch = someUpdatablePatch();
    return malformedIds().stream()
        .flatMap(raw -> Stream.of(
            dynamicTest("get " + raw, () -> assertRejectsId(() -> client.get(LinkId.of(raw)))),
            dynamicTest("update " + raw, () -> assertRejectsId(() -> client.update(LinkId.of(raw), patch))),
            dynamicTest("delete " + raw, () -> assertRejectsId(() -> client.delete(LinkId.of(raw))))));
  }

  private void assertRejectsId(Runnable call) {
    wm.resetAll();
    RequestValidationException e = assertThrows(RequestValidationException.class, call::run);
    assertTrue(e.violations().stream().anyMatch(v -> v.startsWith("id")), e.violations().toString());
    assertNoRequests();
  }

  /**
   * Slugs every provider refuses before sending, whatever its own slug rule allows ({@link
   * dev.polylink.core.spi.Checks#slug}): control, format and whitespace characters and the
   * characters that change how a URL path is read.
   */
  protected static final List<String> HOSTILE_SLUGS = List.of(
      "a/b", "a\\b", "a.b", "..", "%2e%2e%2f", "a%2Fb", "a?b", "a#b", "a;b", "two words", "a\tb", "a\nb",
      "a\u0000b", "a\u007fb", "a\u0085b", "a\u00a0b", "a\u200bb", "a\u202eb", "a\u2028b");

  @TestFactory
  Stream<DynamicTest> slugsWithControlOrPathCharactersAreRejectedBeforeSending() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String slug : HOSTILE_SLUGS) {
      String name = slug.chars().mapToObj(c -> c < 0x21 || c > 0x7e ? String.format("U+%04X", c) : String.valueOf((char) c))
          .reduce("", String::concat);
      if (client.capabilities().canCreate(LinkField.SLUG)) {
        tests.add(dynamicTest("create with slug " + name, () -> assertRejectsSlug(() -> client.create(
            CreateLinkRequest.builder().destination("https://example.com/x").slug(slug).build()))));
      }
      if (client.capabilities().canUpdate(LinkField.SLUG)) {
        tests.add(dynamicTest("update to slug " + name, () -> assertRejectsSlug(() -> client.update(
            sampleId(), LinkPatch.builder().slug(slug).build()))));
      }
    }
    return tests.stream();
  }

  private void assertRejectsSlug(Runnable call) {
    wm.resetAll();
    RequestValidationException e = assertThrows(RequestValidationException.class, call::run);
    assertEquals(client.providerId(), e.providerId());
    assertTrue(e.violations().stream().anyMatch(v -> v.startsWith("slug: ")), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void anotherProvidersOptionsAreRejectedBeforeSending() {
    ProviderOptions foreign = () -> "someone-else";
    CreateLinkRequest create = sampleCreateRequest().toBuilder().options(foreign).build();
    assertThrows(RequestValidationException.class, () -> client.create(create));
    assertThrows(RequestValidationException.class,
        () -> client.update(sampleId(), someUpdatablePatch().toBuilder().options(foreign).build()));
    assertNoRequests();
  }

  @TestFactory
  Stream<DynamicTest> unsupportedListFiltersAreRejectedBeforeSending() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ListFilter filter : ListFilter.values()) {
      if (client.capabilities().supports(filter)) {
        continue;
      }
      tests.add(dynamicTest("list by " + filter, () -> {
        wm.resetAll();
        ListLinksRequest.Builder b = ListLinksRequest.builder();
        switch (filter) {
          case LABEL: b.label("x"); break;
          case ENABLED: b.enabled(true); break;
          default: b.search("x"); break;
        }
        assertThrows(RequestValidationException.class, () -> client.list(b.build()));
        assertNoRequests();
      }));
    }
    tests.add(dynamicTest("page size above the maximum", () -> {
      wm.resetAll();
      int tooLarge = client.capabilities().maxPageSize() + 1;
      assertThrows(RequestValidationException.class,
          () -> client.list(ListLinksRequest.builder().pageSize(tooLarge).build()));
      assertNoRequests();
    }));
    return tests.stream();
  }

  // ---------------------------------------------------------------- vendor errors

  @TestFactory
  Stream<DynamicTest> vendorErrorsMapToTypedExceptions() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ErrorCase errorCase : ErrorCase.values()) {
      errorFixture(errorCase).ifPresent(fixture ->
          tests.add(dynamicTest(errorCase.name(), () -> checkError(errorCase, fixture))));
    }
    assertTrue(tests.size() >= 4, "a provider must supply at least four documented error answers");
    return tests.stream();
  }

  private void checkError(ErrorCase errorCase, VendorErrorFixture fixture) {
    wm.resetAll();
    // Each case on a client of its own: the previous case's 429 paused the shared one (its
    // Retry-After holds every request back), which is the pacing the suite checks elsewhere.
    client.close();
    client = newClient();
    sleeper.clear();
    boolean onCreate = errorCase == ErrorCase.CONFLICT;
    wm.stubFor((onCreate ? createRequest() : getRequest(sampleId())).willReturn(errorResponse(fixture)));
    ApiException e = assertThrows(ApiException.class,
        () -> {
          if (onCreate) {
            client.create(sampleCreateRequest());
          } else {
            client.get(sampleId());
          }
        });
    assertInstanceOf(errorCase.exceptionType(), e, e.toString());
    assertEquals(fixture.status(), e.statusCode());
    assertEquals(onCreate ? Operation.CREATE : Operation.GET, e.operation());
    fixture.expectedErrorCode().ifPresent(code -> assertEquals(Optional.of(code), e.errorCode()));
    fixture.expectedRequestId().ifPresent(id -> assertEquals(Optional.of(id), e.requestId()));
    assertEquals(fixture.body(), e.responseBody());
    assertTrue(e.getMessage().startsWith(client.providerId() + " " + (onCreate ? "create" : "get")), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(fixture.status())), e.getMessage());
    int requests = wm.getAllServeEvents().size();
    switch (errorCase) {
      case BURST_LIMIT: {
        RateLimitException r = (RateLimitException) e;
        assertFalse(r.quotaExhausted());
        assertTrue(r.retryable());
        assertTrue(r.retryAfter().isPresent(), "a burst limit carries Retry-After");
        assertEquals(RetryPolicy.defaults().maxAttempts(), requests, "a burst 429 on GET is retried");
        assertEquals(List.of(r.retryAfter().get(), r.retryAfter().get()), sleeper.waits());
        break;
      }
      case QUOTA_EXHAUSTED: {
        RateLimitException r = (RateLimitException) e;
        assertTrue(r.quotaExhausted());
        assertFalse(r.retryable());
        assertEquals(1, requests, "an exhausted quota is never retried");
        assertTrue(sleeper.waits().isEmpty());
        break;
      }
      case SERVER_ERROR:
        assertTrue(e.retryable());
        assertEquals(RetryPolicy.defaults().maxAttempts(), requests, "a 500 on GET is retried");
        break;
      default:
        assertFalse(e.retryable());
        assertEquals(1, requests);
    }
  }

  private static ResponseDefinitionBuilder errorResponse(VendorErrorFixture fixture) {
    ResponseDefinitionBuilder response = json(fixture.status(), fixture.body());
    fixture.headers().forEach(response::withHeader);
    return response;
  }

  /**
   * Every error status maps to its exception by status alone, whatever the body: an HTML page or
   * nothing at all. The raw body is kept and no vendor code is invented.
   */
  @TestFactory
  Stream<DynamicTest> errorStatusesMapByStatusWhateverTheBody() {
    Map<Integer, Class<? extends ApiException>> types = new java.util.LinkedHashMap<>();
    types.put(400, BadRequestException.class);
    types.put(401, AuthenticationException.class);
    types.put(403, PermissionDeniedException.class);
    types.put(404, NotFoundException.class);
    types.put(409, ConflictException.class);
    types.put(410, GoneException.class);
    types.put(422, BadRequestException.class);
    types.put(429, RateLimitException.class);
    types.put(500, ServerException.class);
    types.put(503, ServerException.class);
    Map<String, String> bodies = new java.util.LinkedHashMap<>();
    bodies.put("HTML", "<html><head><title>Error</title></head><body>Something went wrong</body></html>");
    bodies.put("empty", "");
    List<DynamicTest> tests = new ArrayList<>();
    types.forEach((status, type) -> bodies.forEach((kind, body) ->
        tests.add(dynamicTest(status + " with " + kind + " body", () -> {
          wm.resetAll();
          wm.stubFor(getRequest(sampleId()).willReturn(
              aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(body)));
          try (LinkClient once = build(newBuilder(), b -> b.retryPolicy(RetryPolicy.none()))) {
            ApiException e = assertThrows(ApiException.class, () -> once.get(sampleId()));
            assertInstanceOf(type, e, e.toString());
            assertEquals(status, e.statusCode());
            assertEquals(Operation.GET, e.operation());
            assertEquals(body, e.responseBody());
            assertEquals(Optional.empty(), e.errorCode(), "no vendor code is invented");
            assertTrue(e.getMessage().startsWith(client.providerId() + " get failed: HTTP " + status), e.getMessage());
            assertEquals(1, wm.getAllServeEvents().size());
          }
        }))));
    return tests.stream();
  }

  @Test
  void getSucceedsAfterOneRetryOf500() {
    wm.stubFor(getRequest(sampleId()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("oops")).willSetStateTo("recovered"));
    wm.stubFor(getRequest(sampleId()).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(json(200, getResponseBody(sampleId()))));
    Link link = client.get(sampleId());
    assertEquals(sampleId(), link.id());
    assertEquals(2, wm.getAllServeEvents().size());
    // The retry's backoff; a wait for the rate-limit budget may follow it (the retry is paced too).
    assertEquals(1, sleeper.retryWaits().size(), sleeper.waits().toString());
    Duration ceiling = RetryPolicy.defaults().backoffCeiling(1);
    assertTrue(sleeper.retryWaits().get(0).compareTo(ceiling) <= 0, sleeper.waits().toString());
  }

  @Test
  void getWaitsForRetryAfterOfABurstLimitThenSucceeds() {
    VendorErrorFixture burst = errorFixture(ErrorCase.BURST_LIMIT).orElse(null);
    if (burst == null) {
      return;
    }
    wm.stubFor(getRequest(sampleId()).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(errorResponse(burst)).willSetStateTo("calm"));
    wm.stubFor(getRequest(sampleId()).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(200, getResponseBody(sampleId()))));
    client.get(sampleId());
    assertEquals(2, wm.getAllServeEvents().size());
    long seconds = Long.parseLong(burst.headers().get("Retry-After"));
    assertEquals(List.of(Duration.ofSeconds(seconds)), sleeper.waits());
  }

  /**
   * The default pacing ({@code RateLimit.adaptive()}): a burst 429's {@code Retry-After} holds
   * back the client's next request, not only the retry of the one that was refused; the wait is
   * announced as a rate-limit wait and the request is then sent.
   */
  @Test
  void byDefaultABurstLimitHoldsBackTheNextRequestUntilRetryAfter() {
    VendorErrorFixture burst = errorFixture(ErrorCase.BURST_LIMIT).orElse(null);
    if (burst == null) {
      return;
    }
    wm.stubFor(getRequest(sampleId()).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(errorResponse(burst)).willSetStateTo("calm"));
    wm.stubFor(getRequest(sampleId()).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(200, getResponseBody(sampleId()))));
    long seconds = Long.parseLong(burst.headers().get("Retry-After"));
    try (LinkClient once = build(newBuilder(), b -> b.retryPolicy(RetryPolicy.none()))) {
      assertThrows(RateLimitException.class, () -> once.get(sampleId()));
      assertTrue(sleeper.waits().isEmpty(), sleeper.waits().toString());
      assertEquals(sampleId(), once.get(sampleId()).id());
    }
    assertEquals(2, wm.getAllServeEvents().size());
    assertTrue(sleeper.retryWaits().isEmpty(), sleeper.waits().toString());
    assertEquals(1, sleeper.rateLimitWaits().size(), sleeper.waits().toString());
    Duration waited = sleeper.rateLimitWaits().get(0);
    assertTrue(waited.compareTo(Duration.ofSeconds(seconds)) <= 0
        && waited.compareTo(Duration.ofSeconds(seconds).minusMillis(500)) > 0, waited.toString());
  }

  @Test
  void retryAfterBeyondTheMaximumFailsAtOnce() {
    VendorErrorFixture burst = errorFixture(ErrorCase.BURST_LIMIT).orElse(null);
    if (burst == null) {
      return;
    }
    wm.stubFor(getRequest(sampleId()).willReturn(errorResponse(burst).withHeader("Retry-After", "3600")));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(sampleId()));
    assertEquals(Optional.of(Duration.ofHours(1)), e.retryAfter());
    assertEquals(1, wm.getAllServeEvents().size());
    assertTrue(sleeper.waits().isEmpty());
  }

  @Test
  void postIsNeverRetriedAfterA500() {
    wm.stubFor(createRequest().willReturn(aResponse().withStatus(500).withBody("")));
    ServerException e = assertThrows(ServerException.class, () -> client.create(sampleCreateRequest()));
    assertEquals(500, e.statusCode());
    assertEquals(Operation.CREATE, e.operation());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void postIsNeverRetriedAfterAConnectionReset() {
    wm.stubFor(createRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThrows(TransportException.class, () -> client.create(sampleCreateRequest()));
    assertEquals(1, wm.getAllServeEvents().size());
  }

  // ---------------------------------------------------------------- transport failures

  @TestFactory
  Stream<DynamicTest> brokenResponsesAreTransportExceptions() {
    Map<String, ResponseDefinitionBuilder> cases = new java.util.LinkedHashMap<>();
    cases.put("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    cases.put("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE));
    cases.put("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    cases.put("malformed JSON on 200", json(200, "{\"data\": {\"id\": "));
    cases.put("HTML on 200", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Maintenance</body></html>"));
    cases.put("empty body on 200", aResponse().withStatus(200).withBody(""));
    return cases.entrySet().stream().map(c -> dynamicTest(c.getKey(), () -> {
      wm.resetAll();
      wm.stubFor(getRequest(sampleId()).willReturn(c.getValue()));
      TransportException e = assertThrows(TransportException.class, () -> client.get(sampleId()));
      assertEquals(Operation.GET, e.operation());
      assertEquals(client.providerId(), e.providerId());
    }));
  }

  @Test
  void aResponseSlowerThanTheTimeoutIsATransportException() {
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, getResponseBody(sampleId())).withFixedDelay(400)));
    try (LinkClient impatient =
        build(newBuilder(), b -> b.timeout(Duration.ofMillis(60)).retryPolicy(RetryPolicy.none()))) {
      TransportException e = assertThrows(TransportException.class, () -> impatient.get(sampleId()));
      assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout")
          || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out"), e.getMessage());
    }
  }

  @Test
  void anHtml502PageIsAServerException() {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    wm.stubFor(getRequest(sampleId())
        .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html)));
    ServerException e = assertThrows(ServerException.class, () -> client.get(sampleId()));
    assertEquals(502, e.statusCode());
    assertEquals(html, e.responseBody());
    assertEquals(Optional.empty(), e.errorCode());
  }

  /**
   * Connection resets, empty and malformed answers, slow and trickling bodies, HTML 502s, truncated
   * JSON, retryable answers then success, redirects to another host, a server that closes idle
   * connections and lost answers, for each of create, get, list, update and delete: see {@link
   * FaultInjection}.
   */
  @TestFactory
  Stream<DynamicTest> faultInjection() {
    return new FaultInjection(this).tests();
  }

  /** The asynchronous view of every operation ({@link AsyncContract}). */
  @TestFactory
  Stream<DynamicTest> asyncClient() {
    return new AsyncContract(this).tests();
  }

  // ---------------------------------------------------------------- parsing and hygiene

  @Test
  void unknownFieldsInResponsesAreIgnored() {
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, getResponseBody(sampleId()))));
    Link plain = client.get(sampleId());
    wm.resetAll();
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, withUnknownFields(getResponseBody(sampleId())))));
    Link extended = client.get(sampleId());
    assertEquals(unified(plain), unified(extended));
  }

  @Test
  void requestsCarryCredentialsAndAPolylinkUserAgent() {
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, getResponseBody(sampleId()))));
    client.get(sampleId());
    LoggedRequest request = wm.getAllServeEvents().get(0).getRequest();
    String userAgent = request.getHeader("User-Agent");
    assertTrue(userAgent.matches("polylink-java/\\S+ \\(" + client.providerId() + "\\).*"), userAgent);
    assertTrue(request.containsHeader("Authorization"));
    assertEquals("application/json", request.getHeader("Accept"));
  }

  @Test
  void theApiKeyNeverAppearsInExceptionsOrToString() {
    List<Throwable> failures = new ArrayList<>();
    wm.stubFor(getRequest(sampleId()).willReturn(json(401, errorFixture(ErrorCase.UNAUTHORIZED)
        .map(VendorErrorFixture::body).orElse("{}"))));
    failures.add(assertThrows(PolylinkException.class, () -> client.get(sampleId())));
    wm.resetAll();
    wm.stubFor(createRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    failures.add(assertThrows(PolylinkException.class, () -> client.create(sampleCreateRequest())));
    failures.add(assertThrows(PolylinkException.class, () -> client.update(sampleId(), LinkPatch.builder().build())));
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(apiKeySecret()), t.toString());
        assertFalse(t.toString().contains(apiKeySecret()), t.toString());
      }
    }
    assertFalse(client.toString().contains(apiKeySecret()), client.toString());
  }

  // ---------------------------------------------------------------- resources, defaults, response hygiene

  /** The vendor's documented base URL, the one a client built without {@code baseUrl} calls. */
  protected abstract String defaultBaseUrl();

  /** The request {@code list(ListLinksRequest.defaults())} sends. */
  protected abstract MappingBuilder listRequest();

  /** The vendor's 200 body answering {@link #listRequest}: one page holding the link {@code id}. */
  protected abstract String listResponseBody(LinkId id);

  /** The link object's id field; {@code "id"} unless the vendor names it otherwise. */
  protected String idField() {
    return "id";
  }

  /**
   * The link object's short URL fields, every one blanked together; {@code "short_url"} unless the
   * vendor names it otherwise.
   */
  protected List<String> shortUrlFields() {
    return List.of("short_url");
  }

  /**
   * The link object's short code field, or empty when the vendor sends none; {@code "short_code"}
   * unless the vendor names it otherwise.
   */
  protected Optional<String> shortCodeField() {
    return Optional.of("short_code");
  }

  @Test
  void closeReleasesTheConnectionsTheClientCreated() throws Exception {
    try (KeepAliveServer server = new KeepAliveServer(getResponseBody(sampleId()))) {
      LinkClient own = newBuilder().apiKey(apiKey()).baseUrl(server.baseUrl() + basePath())
          .retryPolicy(RetryPolicy.none()).build();
      assertEquals(sampleId(), own.get(sampleId()).id());
      assertFalse(server.awaitClosedByClient(50), "the pooled connection stays open until close()");
      own.close();
      assertTrue(server.awaitClosedByClient(5_000), "close() evicts the client's own connection pool");
    }
  }

  @Test
  void closeLeavesASharedOkHttpClientOpen() throws Exception {
    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
    try (KeepAliveServer server = new KeepAliveServer(getResponseBody(sampleId()))) {
      LinkClient borrowing = newBuilder().apiKey(apiKey()).baseUrl(server.baseUrl() + basePath())
          .httpClient(shared).retryPolicy(RetryPolicy.none()).build();
      borrowing.get(sampleId());
      borrowing.close();
      assertFalse(shared.dispatcher().executorService().isShutdown(), "the user's dispatcher is not shut down");
      assertEquals(1, shared.connectionPool().connectionCount(), "the user's pool keeps its connection");
      assertFalse(server.awaitClosedByClient(50));
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void aClientWithoutABaseUrlCallsTheDocumentedOne() {
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, getResponseBody(sampleId()))));
    client.get(sampleId());
    String path = wm.getAllServeEvents().get(0).getRequest().getUrl().substring(basePath().length());
    List<String> called = new java.util.concurrent.CopyOnWriteArrayList<>();
    okhttp3.OkHttpClient intercepting = new okhttp3.OkHttpClient.Builder()
        .addInterceptor(chain -> {
          called.add(chain.request().url().toString());
          return new okhttp3.Response.Builder().request(chain.request()).protocol(okhttp3.Protocol.HTTP_1_1)
              .code(200).message("OK")
              .body(okhttp3.ResponseBody.create(getResponseBody(sampleId()), okhttp3.MediaType.get("application/json")))
              .build();
        })
        .build();
    try (LinkClient defaulted = newBuilder().apiKey(apiKey()).httpClient(intercepting)
        .retryPolicy(RetryPolicy.none()).build()) {
      assertEquals(sampleId(), defaulted.get(sampleId()).id());
    } finally {
      intercepting.dispatcher().executorService().shutdown();
    }
    assertEquals(List.of(defaultBaseUrl() + path), called);
  }

  @TestFactory
  Stream<DynamicTest> aBlankIdInAResponseIsATransportException() {
    return Stream.of("", "   ").map(blank -> dynamicTest("id \"" + blank + "\"", () -> {
      wm.resetAll();
      wm.stubFor(listRequest().willReturn(json(200, withLinkField(listResponseBody(sampleId()), idField(), blank))));
      TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
      assertEquals(Operation.LIST, e.operation());
      assertTrue(e.getMessage().contains(idField()), e.getMessage());
    }));
  }

  @Test
  void aBlankShortCodeIsTheShortUrlsLastPathSegment() {
    wm.stubFor(listRequest().willReturn(json(200, listResponseBody(sampleId()))));
    Link plain = client.list(ListLinksRequest.defaults()).items().get(0);
    assertFalse(plain.shortCode().isBlank());
    shortCodeField().ifPresent(field -> {
      wm.resetAll();
      wm.stubFor(listRequest().willReturn(json(200, withLinkField(listResponseBody(sampleId()), field, " "))));
      Link blank = client.list(ListLinksRequest.defaults()).items().get(0);
      assertEquals(dev.polylink.core.spi.Links.lastPathSegment(blank.shortUrl()), Optional.of(blank.shortCode()));
    });
  }

  @TestFactory
  Stream<DynamicTest> aShortUrlWithoutACodeOrNotAbsoluteIsATransportException() {
    return Stream.of("https://s.example/", "/relative/abc", "abc", "").map(url -> dynamicTest("short URL \"" + url + "\"", () -> {
      wm.resetAll();
      String body = listResponseBody(sampleId());
      for (String field : shortUrlFields()) {
        body = withLinkField(body, field, url);
      }
      for (String field : shortCodeField().stream().collect(java.util.stream.Collectors.toList())) {
        body = withLinkField(body, field, "");
      }
      wm.stubFor(listRequest().willReturn(json(200, body)));
      TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
      assertEquals(Operation.LIST, e.operation());
    }));
  }

  @Test
  void nullArgumentsAreNullPointerExceptionsBeforeSending() {
    LinkPatch patch = someUpdatablePatch();
    assertThrows(NullPointerException.class, () -> client.create(null));
    assertThrows(NullPointerException.class, () -> client.get(null));
    assertThrows(NullPointerException.class, () -> client.list(null));
    assertThrows(NullPointerException.class, () -> client.listAll(null));
    assertThrows(NullPointerException.class, () -> client.update(null, patch));
    assertThrows(NullPointerException.class, () -> client.update(sampleId(), null));
    assertThrows(NullPointerException.class, () -> client.delete(null));
    assertNoRequests();
  }

  /** The body with {@code field} of the link object {@link #sampleId()} set to {@code value}. */
  private String withLinkField(String body, String field, String value) {
    try {
      JsonNode root = Json.mapper().readTree(body);
      int[] changed = {0};
      setLinkField(root, field, value, changed);
      assertEquals(1, changed[0], "the body holds the link " + sampleId() + " once: " + body);
      return Json.mapper().writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("fixture body is not JSON: " + body, e);
    }
  }

  private void setLinkField(JsonNode node, String field, String value, int[] changed) {
    if (node instanceof ObjectNode) {
      JsonNode id = node.get(idField());
      if (id != null && id.isValueNode() && id.asText().equals(sampleId().value())) {
        ((ObjectNode) node).put(field, value);
        changed[0]++;
        return;
      }
      node.elements().forEachRemaining(child -> setLinkField(child, field, value, changed));
    } else if (node instanceof ArrayNode) {
      node.elements().forEachRemaining(child -> setLinkField(child, field, value, changed));
    }
  }

  // ---------------------------------------------------------------- listeners (issue 15)

  @Test
  void listenersSeeEveryAttemptOfARetriedGetInOrder() {
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    wm.stubFor(getRequest(sampleId()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("oops")).willSetStateTo("recovered"));
    wm.stubFor(getRequest(sampleId()).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(json(200, getResponseBody(sampleId()))));
    try (LinkClient observed = build(newBuilder(), b -> b.addListener(first).addListener(second))) {
      observed.get(sampleId());
    }
    List<String> lines = first.linesWithoutRateLimits();
    assertEquals(7, lines.size(), lines.toString());
    assertEquals("operationStarted GET", lines.get(0));
    assertTrue(lines.get(1).startsWith("attemptStarted GET /") && lines.get(1).endsWith(" #1"), lines.get(1));
    assertEquals("attemptFinished #1 500", lines.get(2));
    assertEquals("retryScheduled #1 RETRYABLE_STATUS", lines.get(3));
    assertTrue(lines.get(4).endsWith(" #2"), lines.get(4));
    assertEquals("attemptFinished #2 200", lines.get(5));
    assertEquals("operationFinished GET success attempts=2 retries=1", lines.get(6));
    assertEquals(first.lines(), second.lines());
    String template = first.events(LinkClientListener.AttemptStarted.class).get(0).pathTemplate();
    assertFalse(template.contains(sampleId().value()), "a path template, not the raw path: " + template);
    assertEquals(client.providerId(), first.events(LinkClientListener.OperationFinished.class).get(0).provider());
    assertEquals(sleeper.retryWaits(), List.of(first.events(LinkClientListener.RetryScheduled.class).get(0).delay()));
    assertEquals(sleeper.rateLimitWaits(),
        first.events(LinkClientListener.RateLimitWait.class).stream().map(LinkClientListener.RateLimitWait::delay)
            .collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void aFailureBeforeAnyRequestIsAnOperationWithoutAttempts() {
    RecordingListener listener = new RecordingListener();
    try (LinkClient observed = build(newBuilder(), b -> b.addListener(listener))) {
      RequestValidationException e = assertThrows(
          RequestValidationException.class, () -> observed.update(sampleId(), LinkPatch.builder().build()));
      assertEquals(
          List.of("operationStarted UPDATE", "operationFinished UPDATE RequestValidationException attempts=0 retries=0"),
          listener.lines());
      assertSame(e, listener.events(LinkClientListener.OperationFinished.class).get(0).failure().orElseThrow());
    }
    assertNoRequests();
  }

  @Test
  void aListenerThatThrowsNeverBreaksACall() {
    RecordingListener after = new RecordingListener();
    LinkClientListener broken = new LinkClientListener() {
      @Override
      public void operationStarted(OperationStarted event) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void attemptFinished(AttemptFinished event) {
        throw new AssertionError("listener bug");
      }

      @Override
      public void operationFinished(OperationFinished event) {
        throw new IllegalStateException("listener bug");
      }
    };
    wm.stubFor(getRequest(sampleId()).willReturn(json(200, getResponseBody(sampleId()))));
    try (LinkClient observed = build(newBuilder(), b -> b.addListener(broken).addListener(after))) {
      assertEquals(sampleId(), observed.get(sampleId()).id());
    }
    assertEquals("operationFinished GET success attempts=1 retries=0",
        after.lines().get(after.lines().size() - 1));
  }

  @Test
  void eventsNeverCarryTheApiKey() {
    RecordingListener listener = new RecordingListener();
    wm.stubFor(getRequest(sampleId()).willReturn(json(401, errorFixture(ErrorCase.UNAUTHORIZED)
        .map(VendorErrorFixture::body).orElse("{}"))));
    try (LinkClient observed = build(newBuilder(), b -> b.addListener(listener))) {
      assertThrows(PolylinkException.class, () -> observed.get(sampleId()));
    }
    assertFalse(listener.events().isEmpty());
    for (Object event : listener.events()) {
      assertFalse(event.toString().contains(apiKeySecret()), event.toString());
    }
  }

  // ---------------------------------------------------------------- helpers

  private Set<LinkField> uncreatableFields() {
    Set<LinkField> fields = EnumSet.allOf(LinkField.class);
    fields.remove(LinkField.ENABLED); // a CreateLinkRequest cannot carry it
    fields.removeAll(client.capabilities().creatableFields());
    return fields;
  }

  private static Set<LinkField> clearableByBuilder() {
    return EnumSet.of(LinkField.TITLE, LinkField.LABELS, LinkField.EXPIRES_AT, LinkField.PASSWORD);
  }

  private static <E extends Enum<E>> EnumSet<E> asEnumSet(Set<E> set) {
    return EnumSet.copyOf(set);
  }

  /** A patch touching one field the provider can update. */
  protected LinkPatch someUpdatablePatch() {
    LinkField field = client.capabilities().updatableFields().iterator().next();
    return withField(LinkPatch.builder(), field).build();
  }

  protected static CreateLinkRequest.Builder withField(CreateLinkRequest.Builder b, LinkField field) {
    switch (field) {
      case DESTINATION: return b.destination("https://example.com/other");
      case SLUG: return b.slug("contract-slug");
      case TITLE: return b.title("Contract title");
      case LABELS: return b.addLabels("contract");
      case EXPIRES_AT: return b.expiresAt(Instant.parse("2030-01-01T00:00:00Z"));
      case PASSWORD: return b.password("s3cret-Pa55");
      case REDIRECT_TYPE: return b.redirectType(RedirectType.PERMANENT);
      default: throw new IllegalArgumentException("a create request cannot carry " + field);
    }
  }

  protected static LinkPatch.Builder withField(LinkPatch.Builder b, LinkField field) {
    switch (field) {
      case DESTINATION: return b.destination("https://example.com/other");
      case SLUG: return b.slug("contract-slug");
      case TITLE: return b.title("Contract title");
      case ENABLED: return b.enabled(false);
      case LABELS: return b.labels(List.of("contract"));
      case EXPIRES_AT: return b.expiresAt(Instant.parse("2030-01-01T00:00:00Z"));
      case PASSWORD: return b.password("s3cret-Pa55");
      case REDIRECT_TYPE: return b.redirectType(RedirectType.PERMANENT);
      default: throw new IllegalArgumentException(field.name());
    }
  }

  protected static LinkPatch.Builder clearField(LinkPatch.Builder b, LinkField field) {
    switch (field) {
      case TITLE: return b.clearTitle();
      case LABELS: return b.clearLabels();
      case EXPIRES_AT: return b.clearExpiresAt();
      case PASSWORD: return b.clearPassword();
      default: throw new IllegalArgumentException(field + " has no clear method");
    }
  }

  /** The link without its vendor fields. */
  protected static Link unified(Link link) {
    return link.toBuilder().providerFields(Map.of()).build();
  }

  /** Adds an unknown field to every JSON object in the body, however deep. */
  protected static String withUnknownFields(String body) {
    try {
      JsonNode root = Json.mapper().readTree(body);
      addUnknown(root);
      return Json.mapper().writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("fixture body is not JSON: " + body, e);
    }
  }

  private static void addUnknown(JsonNode node) {
    if (node instanceof ObjectNode) {
      List<JsonNode> children = new ArrayList<>();
      node.elements().forEachRemaining(children::add);
      children.forEach(LinkClientContractTest::addUnknown);
      ((ObjectNode) node).putObject("polylink_unknown_field").put("nested", 1).putArray("list").add("x");
    } else if (node instanceof ArrayNode) {
      node.elements().forEachRemaining(LinkClientContractTest::addUnknown);
    }
  }
}
