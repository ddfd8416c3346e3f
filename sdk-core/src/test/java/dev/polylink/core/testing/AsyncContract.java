package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.polylink.core.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
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
 * {@link dev.polylink.core.AsyncLinkClient#listAll} reads pages only on demand, the same as the
 * blocking {@code listAll}, signals a failed page as its typed exception and cancels the page call
 * in flight; every future and item arrives on the builder's completion executor.
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
    tests.add(dynamicTest("listAll publishes what the blocking listAll streams, a page on demand",
        () -> withClient(this::listAllPublishesOnDemand)));
    tests.add(dynamicTest("listAll signals a failed page as the typed exception",
        () -> withClient(this::listAllSignalsTheTypedException)));
    tests.add(dynamicTest("listAll's cancel cancels the page call in flight", this::listAllCancelCancelsTheCall));
    tests.add(dynamicTest("futures complete on the completion executor", this::futuresCompleteOnTheCompletionExecutor));
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

  /** A subscriber that records every signal and asks for nothing by itself. */
  static final class Recorder implements Flow.Subscriber<Link> {
    final List<Link> items = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> end = new CompletableFuture<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    @Override
    public void onNext(Link item) {
      threads.add(Thread.currentThread().getName());
      items.add(item);
    }

    @Override
    public void onError(Throwable failure) {
      end.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      end.complete(null);
    }
  }

  /**
   * The publisher against the blocking {@code listAll} on the fixture's list answer (which may say
   * that more pages follow: the stub then answers every page alike, and both end the same way, with
   * the vendor's repeated cursor as a {@link dev.polylink.core.TransportException} where the fixture
   * names its own page as the next): the same links, the same requests, the same end.
   */
  private void listAllPublishesOnDemand() throws Exception {
    stub(Operation.LIST);
    List<Link> blocking = new ArrayList<>();
    RuntimeException blockingEnd = null;
    try {
      client().listAll(ListLinksRequest.defaults()).forEach(blocking::add);
    } catch (RuntimeException e) {
      blockingEnd = e;
    }
    List<String> blockingRequests = WireMockTestBase.requestLines();
    assertFalse(blocking.isEmpty(), "the fixture's page holds links");
    wm.resetRequests();
    Recorder recorder = new Recorder();
    async().listAll(ListLinksRequest.defaults()).subscribe(recorder);
    assertNotNull(recorder.subscription, "onSubscribe came first");
    Thread.sleep(50);
    assertEquals(List.of(), WireMockTestBase.requestLines(), "no page is read before the subscriber asks");
    recorder.subscription.request(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (recorder.items.isEmpty() && !recorder.end.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertEquals(List.of(blocking.get(0)), recorder.items, "one item for a demand of one");
    assertEquals(blockingRequests.subList(0, 1), WireMockTestBase.requestLines(), "one page for a demand of one");
    recorder.subscription.request(Long.MAX_VALUE);
    Throwable end = recorder.end.handle((ok, failure) -> failure).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, recorder.items);
    assertEquals(blockingRequests, WireMockTestBase.requestLines(), "the same pages as the blocking listAll");
    if (blockingEnd == null) {
      assertNull(end, "completed as the blocking stream ended");
    } else {
      assertNotNull(end, "failed as the blocking stream did: " + blockingEnd);
      assertSame(blockingEnd.getClass(), end.getClass());
      assertEquals(blockingEnd.getMessage(), end.getMessage());
    }
  }

  private void listAllSignalsTheTypedException() throws Exception {
    VendorErrorFixture fixture = suite.errorFixture(ErrorCase.UNAUTHORIZED).orElseThrow();
    wm.resetAll();
    ResponseDefinitionBuilder answer = WireMockTestBase.json(fixture.status(), fixture.body());
    fixture.headers().forEach(answer::withHeader);
    wm.stubFor(suite.operationFixture(Operation.LIST).request().willReturn(answer));
    ApiException blocking = assertThrows(ApiException.class,
        () -> client().listAll(ListLinksRequest.defaults()).findFirst());
    Recorder recorder = new Recorder();
    async().listAll(ListLinksRequest.defaults()).subscribe(recorder);
    recorder.subscription.request(10);
    ExecutionException e = assertThrows(ExecutionException.class, () -> recorder.end.get(10, TimeUnit.SECONDS));
    ApiException failure = assertInstanceOf(ApiException.class, e.getCause());
    assertSame(blocking.getClass(), failure.getClass());
    assertEquals(blocking.getMessage(), failure.getMessage());
    assertEquals(List.of(), recorder.items);
  }

  private void listAllCancelCancelsTheCall() throws Exception {
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    try (LinkClient fresh = suite.build(suite.newBuilder(), b -> b.httpClient(http).rateLimit(RateLimit.none()))) {
      wm.resetAll();
      OperationFixture fixture = suite.operationFixture(Operation.LIST);
      wm.stubFor(fixture.request().willReturn(fixture.success().withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
      fixture.supportingStubs().forEach(wm::stubFor);
      Recorder recorder = new Recorder();
      fresh.async().listAll(ListLinksRequest.defaults()).subscribe(recorder);
      recorder.subscription.request(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      while (wm.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, wm.getAllServeEvents().size(), "the page was asked for");
      assertEquals(1, http.dispatcher().runningCallsCount(), "the call is in flight");
      long cancelled = System.nanoTime();
      recorder.subscription.cancel();
      while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(3)) {
        Thread.sleep(5);
      }
      assertEquals(0, http.dispatcher().runningCallsCount(), "the page's HTTP call was cancelled");
      assertTrue(System.nanoTime() - cancelled < TimeUnit.MILLISECONDS.toNanos(AsyncCancellation.ANSWER_DELAY_MILLIS - 1_000));
      Thread.sleep(20);
      assertEquals(List.of(), recorder.items);
      assertFalse(recorder.end.isDone(), "nothing is signalled after cancel");
      assertEquals(1, wm.getAllServeEvents().size(), "no further page was asked for");
    }
  }

  /**
   * Every future of the client completes on the completion executor: a queue here, whose tasks the
   * test runs on a thread of its own once the dependent stage is attached, so that which thread
   * runs the stage does not depend on timing.
   */
  private void futuresCompleteOnTheCompletionExecutor() throws Exception {
    java.util.concurrent.LinkedBlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
    try (LinkClient fresh = suite.build(suite.newBuilder(),
        b -> b.futureCompletionExecutor(queued::add).rateLimit(RateLimit.none()))) {
      stub(Operation.GET);
      CompletableFuture<String> success = fresh.async().get(suite.sampleId()).thenApply(link -> thread());
      runNext(queued);
      assertEquals("contract-completion", success.get(10, TimeUnit.SECONDS));
      // A request refused before sending completes on the executor too, not on the caller's thread.
      CompletableFuture<String> refused = fresh.async().get(LinkId.of(suite.malformedIds().get(0)))
          .handle((link, error) -> thread() + (error instanceof RequestValidationException ? " refused" : ""));
      runNext(queued);
      assertEquals("contract-completion refused", refused.get(10, TimeUnit.SECONDS));
      CompletableFuture<String> bulk = fresh.async().deleteAll(List.of(LinkId.of(suite.malformedIds().get(0))))
          .thenApply(result -> thread() + " " + result.failedCount());
      while (!bulk.isDone()) { // a client without bulk operations of its own runs its single ones
        runNext(queued);
      }
      assertEquals("contract-completion 1", bulk.get(10, TimeUnit.SECONDS));
      assertTrue(queued.isEmpty(), queued.toString());
      stub(Operation.LIST);
      Recorder recorder = new Recorder();
      fresh.async().listAll(ListLinksRequest.defaults()).subscribe(recorder);
      recorder.subscription.request(Long.MAX_VALUE);
      while (!recorder.end.isDone()) {
        runNext(queued);
      }
      assertFalse(recorder.items.isEmpty());
      assertEquals(Set.of("contract-completion"), Set.copyOf(recorder.threads), "listAll's items arrive on it");
    }
  }

  private static String thread() {
    return Thread.currentThread().getName();
  }

  /** Takes the executor's next task and runs it on a thread named {@code contract-completion}. */
  private static void runNext(java.util.concurrent.BlockingQueue<Runnable> queued) throws InterruptedException {
    Runnable task = queued.poll(10, TimeUnit.SECONDS);
    assertNotNull(task, "a completion was handed to the executor");
    Thread runner = new Thread(task, "contract-completion");
    runner.start();
    runner.join(10_000);
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
