package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.ApiException;
import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkId;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The asynchronous part of the contract suite: every link operation of {@link LinkClient#async()}
 * answers as the blocking one does (same result, same requests), every documented vendor error
 * fails the future with the exception the blocking call throws, a retry waits on the scheduler (no
 * sleeper), and a request refused before sending is a failed future, never a thrown exception.
 */
final class AsyncContract {
  private static final List<Operation> OPERATIONS =
      List.of(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE);

  private final LinkClientContractTest suite;
  private final WireMockExtension wm;

  AsyncContract(LinkClientContractTest suite) {
    this.suite = suite;
    this.wm = WireMockTestBase.wm;
  }

  Stream<DynamicTest> tests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : OPERATIONS) {
      tests.add(dynamicTest(op.label() + " answers as the blocking call", () -> withClient(() -> sameAnswer(op))));
    }
    for (ErrorCase errorCase : ErrorCase.values()) {
      suite.errorFixture(errorCase).ifPresent(fixture -> tests.add(dynamicTest(
          errorCase.name() + " fails as the blocking call", () -> withClient(() -> sameError(errorCase, fixture)))));
    }
    tests.add(dynamicTest("get retries a 500 on the scheduler", () -> withClient(this::retryOnTheScheduler)));
    tests.add(dynamicTest("a malformed id is a failed future", () -> withClient(this::malformedIdFailsTheFuture)));
    return tests.stream();
  }

  /** A test body that may throw. */
  private interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} with a client of its own, pacing off: the waits these tests count are the
   * retries' alone, and a quota the blocking call found used up must not hold the asynchronous one
   * back.
   */
  private void withClient(Body body) throws Exception {
    try (LinkClient fresh = suite.build(suite.newBuilder(), b -> b.rateLimit(RateLimit.none()))) {
      own = fresh;
      body.run();
    } finally {
      own = null;
    }
  }

  private LinkClient own;

  private LinkClient client() {
    return own;
  }

  private AsyncLinkClient async() {
    return own.async();
  }

  private void stub(Operation op) {
    wm.resetAll();
    OperationFixture fixture = suite.operationFixture(op);
    wm.stubFor(fixture.request().willReturn(fixture.success()));
    fixture.supportingStubs().forEach(wm::stubFor);
  }

  private void sameAnswer(Operation op) throws Exception {
    stub(op);
    Object blocking = invoke(op);
    List<String> blockingRequests = WireMockTestBase.requestLines();
    wm.resetRequests();
    CompletableFuture<?> future = invokeAsync(op);
    Object answer = future.get(10, TimeUnit.SECONDS);
    assertEquals(blocking, answer, op.label());
    assertEquals(blockingRequests, WireMockTestBase.requestLines());
  }

  private void sameError(ErrorCase errorCase, VendorErrorFixture fixture) throws Exception {
    wm.resetAll();
    boolean onCreate = errorCase == ErrorCase.CONFLICT;
    ResponseDefinitionBuilder answer = WireMockTestBase.json(fixture.status(), fixture.body());
    fixture.headers().forEach(answer::withHeader);
    wm.stubFor((onCreate ? suite.createRequest() : suite.getRequest(suite.sampleId())).willReturn(answer));
    suite.sleeper.clear();
    ApiException blocking = assertThrows(ApiException.class, () -> {
      if (onCreate) {
        client().create(suite.sampleCreateRequest());
      } else {
        client().get(suite.sampleId());
      }
    });
    int blockingRequests = wm.getAllServeEvents().size();
    wm.resetRequests();
    suite.scheduler.clear();
    Throwable failure = failure(onCreate ? async().create(suite.sampleCreateRequest()) : async().get(suite.sampleId()));
    ApiException e = assertInstanceOf(ApiException.class, failure);
    assertSame(blocking.getClass(), e.getClass());
    assertEquals(blocking.statusCode(), e.statusCode());
    assertEquals(blocking.errorCode(), e.errorCode());
    assertEquals(blocking.requestId(), e.requestId());
    assertEquals(blocking.responseBody(), e.responseBody());
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(blockingRequests, wm.getAllServeEvents().size());
    if (errorCase == ErrorCase.BURST_LIMIT) {
      assertEquals(suite.sleeper.waits(), suite.scheduler.delays(), "the vendor's Retry-After, on the scheduler");
    } else {
      // Backoff is jittered: the same number of waits, on the scheduler.
      assertEquals(suite.sleeper.waits().size(), suite.scheduler.delays().size(), suite.scheduler.delays().toString());
    }
  }

  private void retryOnTheScheduler() throws Exception {
    wm.resetAll();
    LinkId id = suite.sampleId();
    wm.stubFor(suite.getRequest(id).inScenario("async").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody("")).willSetStateTo("up"));
    wm.stubFor(suite.getRequest(id).inScenario("async").whenScenarioStateIs("up")
        .willReturn(WireMockTestBase.json(200, suite.getResponseBody(id))));
    suite.sleeper.clear();
    suite.scheduler.clear();
    assertEquals(suite.sampleId(), async().get(suite.sampleId()).get(10, TimeUnit.SECONDS).id());
    assertEquals(2, wm.getAllServeEvents().size());
    assertEquals(1, suite.scheduler.delays().size(), suite.scheduler.delays().toString());
    assertTrue(suite.sleeper.waits().isEmpty(), "no thread slept: " + suite.sleeper.waits());
  }

  private void malformedIdFailsTheFuture() {
    wm.resetAll();
    String raw = suite.malformedIds().get(0);
    CompletableFuture<?> future = async().get(LinkId.of(raw));
    RequestValidationException e = assertInstanceOf(RequestValidationException.class, failure(future));
    assertTrue(e.violations().stream().anyMatch(v -> v.startsWith("id")), e.violations().toString());
    assertFalse(wm.getAllServeEvents().iterator().hasNext(), "nothing was sent");
  }

  private static Throwable failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(PolylinkException.class, e.getCause(), String.valueOf(e.getCause()));
    return e.getCause();
  }

  private Object invoke(Operation op) {
    switch (op) {
      case CREATE:
        return client().create(suite.sampleCreateRequest());
      case GET:
        return client().get(suite.sampleId());
      case LIST:
        return client().list(ListLinksRequest.builder().build());
      case UPDATE:
        return client().update(suite.sampleId(), suite.someUpdatablePatch());
      default:
        client().delete(suite.sampleId());
        return null;
    }
  }

  private CompletableFuture<?> invokeAsync(Operation op) {
    switch (op) {
      case CREATE:
        return async().create(suite.sampleCreateRequest());
      case GET:
        return async().get(suite.sampleId());
      case LIST:
        return async().list(ListLinksRequest.builder().build());
      case UPDATE:
        return async().update(suite.sampleId(), suite.someUpdatablePatch());
      default:
        return async().delete(suite.sampleId());
    }
  }
}
