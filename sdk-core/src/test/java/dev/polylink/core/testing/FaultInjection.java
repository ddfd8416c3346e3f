package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.LinkClient;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RedirectException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fault-injection part of the contract suite (issue 11): every fault below, injected into the
 * request of each of create, get, list, update and delete, through {@link LinkClient} alone. The
 * invariants hold for every case: only {@link PolylinkException} subclasses come out; no call lasts
 * longer than its operation deadline plus {@link #MARGIN}; a create is never received twice after
 * an attempt that may have been processed; nothing is sent to another host. Where the right outcome
 * is known (a 500 then 200 on a GET succeeds; a create after a lost answer says it may have been
 * processed), it is checked too.
 *
 * <p>Clients run with short deadlines (a {@link #ATTEMPT} attempt and a {@link #OPERATION}
 * operation) and a sleeper that records waits instead of sleeping (they still count against the
 * deadline), so the slow faults cost a few hundred milliseconds each.
 */
final class FaultInjection {
  static final Duration ATTEMPT = Duration.ofMillis(150);
  static final Duration OPERATION = Duration.ofMillis(400);
  /** The deadline of the cases that are not about slowness: waits are recorded, not slept. */
  static final Duration ROOMY = Duration.ofSeconds(5);
  /** What a loaded 2-core build machine may add to a deadline. */
  static final Duration MARGIN = Duration.ofMillis(1_500);

  private static final Operation[] OPERATIONS = {
    Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE
  };

  /** The vendor: a server of this suite's own, so that the contract's WireMock is left alone. */
  private static WireMockServer vendor;
  /** The other host a redirect points to; it must never see a request. */
  private static WireMockServer elsewhere;
  /** Numbers the clients of this suite: each one's requests carry its own User-Agent token. */
  private static final java.util.concurrent.atomic.AtomicLong CLIENTS = new java.util.concurrent.atomic.AtomicLong();

  private final LinkClientContractTest suite;

  FaultInjection(LinkClientContractTest suite) {
    this.suite = suite;
  }

  private static synchronized WireMockServer vendor() {
    if (vendor == null) {
      vendor = started(new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")));
    }
    return vendor;
  }

  private static synchronized WireMockServer elsewhere() {
    if (elsewhere == null) {
      elsewhere = started(new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")));
    }
    return elsewhere;
  }

  private static WireMockServer started(WireMockServer server) {
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  Stream<DynamicTest> tests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : OPERATIONS) {
      String name = op.label();
      tests.add(dynamicTest(name + ": connection reset", () -> broken(op, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))));
      tests.add(dynamicTest(name + ": empty response", () -> broken(op, aResponse().withFault(Fault.EMPTY_RESPONSE))));
      tests.add(dynamicTest(name + ": malformed chunk", () -> broken(op, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))));
      tests.add(dynamicTest(name + ": random data then close", () -> broken(op, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))));
      tests.add(dynamicTest(name + ": delay past the timeout", () -> slow(op, fixture(op).success().withFixedDelay(600))));
      tests.add(dynamicTest(name + ": trickling body", () -> slow(op, trickling(fixture(op).success()))));
      tests.add(dynamicTest(name + ": HTML 502", () -> html502(op)));
      tests.add(dynamicTest(name + ": truncated JSON on 200", () -> truncatedJson(op)));
      tests.add(dynamicTest(name + ": 503 with Retry-After then 200", () -> thenSuccess(op,
          aResponse().withStatus(503).withHeader("Retry-After", "1").withBody("busy"))));
      tests.add(dynamicTest(name + ": 500 then 200", () -> thenSuccess(op, aResponse().withStatus(500).withBody(""))));
      tests.add(dynamicTest(name + ": 3xx to another host", () -> redirects(op)));
      tests.add(dynamicTest(name + ": a server that closes idle connections", () -> idleConnections(op)));
      tests.add(dynamicTest(name + ": lost answer", () -> lostAnswer(op)));
    }
    return tests.stream();
  }

  private OperationFixture fixture(Operation op) {
    return suite.operationFixture(op);
  }

  // ------------------------------------------------------------------ the cases

  /** The success answer, its body sent in 8 chunks over 1.2 s (a 200 with a JSON body if it had none). */
  private static ResponseDefinitionBuilder trickling(ResponseDefinitionBuilder success) {
    String body = success.build().getBody();
    ResponseDefinitionBuilder answer = body == null || body.isEmpty()
        ? aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\": true, \"padding\": \"........\"}")
        : success;
    return answer.withChunkedDribbleDelay(8, 1_200);
  }

  /** Too slow on every attempt: the short deadlines end the call. */
  private void slow(Operation op, ResponseDefinitionBuilder answer) {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).willReturn(answer));
    Outcome outcome = run(wm, op, b -> b.attemptTimeout(ATTEMPT).operationTimeout(OPERATION), OPERATION);
    outcome.assertInvariants(wm, op);
    TransportException e = assertInstanceOf(TransportException.class, outcome.failure, outcome::toString);
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    if (op == Operation.CREATE) {
      assertTrue(e.requestMayHaveBeenProcessed(), outcome::toString);
    }
  }

  /** A fault on every attempt: the call fails with a TransportException, in time, a create once. */
  private void broken(Operation op, ResponseDefinitionBuilder fault) {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).willReturn(fault));
    Outcome outcome = run(wm, op, b -> {}, ROOMY);
    outcome.assertInvariants(wm, op);
    assertInstanceOf(TransportException.class, outcome.failure, outcome::toString);
    if (op == Operation.CREATE) {
      assertTrue(((TransportException) outcome.failure).requestMayHaveBeenProcessed(), outcome::toString);
    }
  }

  private void html502(Operation op) {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    Outcome outcome = run(wm, op, b -> {}, ROOMY);
    outcome.assertInvariants(wm, op);
    ServerException e = assertInstanceOf(ServerException.class, outcome.failure, outcome::toString);
    assertEquals(502, e.statusCode());
  }

  /** A success status whose JSON breaks off; a DELETE that reads no body may well succeed. */
  private void truncatedJson(Operation op) {
    WireMockServer wm = fresh(vendor());
    String body = fixture(op).success().build().getBody();
    String truncated = body == null || body.isEmpty() ? "{\"data\": {" : body.substring(0, body.length() / 2);
    wm.stubFor(fixture(op).request().atPriority(1).willReturn(fixture(op).success().withBody(truncated)));
    Outcome outcome = run(wm, op, b -> {}, ROOMY);
    outcome.assertInvariants(wm, op);
    if (op != Operation.DELETE) {
      assertInstanceOf(TransportException.class, outcome.failure, outcome::toString);
    }
  }

  /** A retryable answer, then success: idempotent operations recover; a create is not resent. */
  private void thenSuccess(Operation op, ResponseDefinitionBuilder first) {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).inScenario("then").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("ok"));
    wm.stubFor(fixture(op).request().atPriority(1).inScenario("then").whenScenarioStateIs("ok")
        .willReturn(fixture(op).success()));
    Outcome outcome = run(wm, op, b -> {}, ROOMY);
    outcome.assertInvariants(wm, op);
    if (op == Operation.CREATE) {
      assertInstanceOf(ServerException.class, outcome.failure, outcome::toString);
      assertEquals(1, outcome.requests, outcome::toString);
    } else {
      assertNull(outcome.failure, outcome::toString);
      assertEquals(2, outcome.requests, outcome::toString);
    }
  }

  private void redirects(Operation op) {
    WireMockServer wm = fresh(vendor());
    WireMockServer other = fresh(elsewhere());
    other.stubFor(fixture(op).request().willReturn(fixture(op).success()));
    for (int status : new int[] {301, 302, 307, 308}) {
      wm.resetAll();
      fixture(op).supportingStubs().forEach(wm::stubFor);
      String location = other.baseUrl() + suite.basePath() + "/moved";
      wm.stubFor(fixture(op).request().atPriority(1)
          .willReturn(aResponse().withStatus(status).withHeader("Location", location)));
      Outcome outcome = run(wm, op, b -> {}, ROOMY);
      outcome.assertInvariants(wm, op);
      RedirectException e = assertInstanceOf(RedirectException.class, outcome.failure, outcome::toString);
      assertEquals(status, e.statusCode());
      assertEquals(java.util.Optional.of(location), e.location());
      assertEquals(1, outcome.requests, "a redirect is not retried: " + outcome);
      assertEquals(0, other.findAll(anyRequestedFor(anyUrl())).size(), "nothing reaches the other host");
    }
  }

  /**
   * The server closes a keep-alive connection once it has been idle for longer than the client's
   * pool keeps one (20 ms), as Node does after 5 s: the operation after 100 ms of idleness
   * succeeds on a new connection, and a create arrives exactly once each time.
   *
   * <p>The server's side of the connection is closed by {@link ClosingProxy} when the test says so,
   * after the client has been idle, not by a server idle timer: a timer short enough for a unit
   * test (Jetty's, at 60 ms) also closed <em>fresh</em> connections before the request arrived
   * whenever a loaded build machine held the client for longer than that between connecting and
   * writing, and that create then failed with an EOFException that says nothing about the pool.
   */
  private void idleConnections(Operation op) throws Exception {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).willReturn(fixture(op).success()));
    try (ClosingProxy server = new ClosingProxy(wm.port());
        Tagged client = client(wm, server.baseUrl(), b -> b.connectionIdleTimeout(Duration.ofMillis(20)))) {
      invoke(client.client, op);
      Thread.sleep(100); // idle for longer than the pool keeps a connection
      server.closeConnections(); // the server closes the idle connection: its FIN is on the way before the next call
      int before = server.connectionsAccepted();
      invoke(client.client, op);
      assertTrue(server.connectionsAccepted() > before, "the call after the idle time opened a new connection");
      if (op == Operation.CREATE) {
        assertEquals(2, requests(wm, op, client.token), "each create was received exactly once");
      }
    }
  }

  /**
   * The vendor processes the request and the answer never arrives (the connection is reset).
   * Reads and updates are sent again and succeed; a create is not sent again and says it may have
   * been processed; a delete answered "gone" on its retry (a 404, or the provider's own "none
   * deleted") counts as deleted.
   */
  private void lostAnswer(Operation op) {
    WireMockServer wm = fresh(vendor());
    wm.stubFor(fixture(op).request().atPriority(1).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("processed"));
    OperationFixture after = fixture(op);
    wm.stubFor(after.request().atPriority(1).inScenario("lost").whenScenarioStateIs("processed")
        .willReturn(op == Operation.DELETE ? after.gone() : after.success()));
    Outcome outcome = run(wm, op, b -> {}, ROOMY);
    outcome.assertInvariants(wm, op);
    switch (op) {
      case CREATE:
        TransportException e = assertInstanceOf(TransportException.class, outcome.failure, outcome::toString);
        assertTrue(e.requestMayHaveBeenProcessed(), e.getMessage());
        assertEquals(1, outcome.requests);
        break;
      default:
        assertNull(outcome.failure, outcome::toString);
    }
  }

  // ------------------------------------------------------------------ machinery

  private WireMockServer fresh(WireMockServer wm) {
    wm.resetAll();
    return wm;
  }

  /**
   * A client of the server with the operation's supporting stubs, whose requests carry a token of
   * their own in their User-Agent.
   */
  private Tagged client(WireMockServer wm, String baseUrl, Consumer<dev.polylink.core.LinkClientBuilder<?, ?>> tweak) {
    fixture(Operation.GET); // fail early if the provider has no fixture
    for (Operation op : OPERATIONS) {
      // Supporting stubs are harmless for other operations: they answer other requests only.
      fixture(op).supportingStubs().forEach(wm::stubFor);
    }
    String token = "fault-case-" + CLIENTS.incrementAndGet();
    return new Tagged(token, suite.build(suite.newBuilder(), b -> {
      b.baseUrl(baseUrl + suite.basePath())
          .userAgent(token)
          .timeout(Duration.ofSeconds(2))
          .attemptTimeout(Duration.ofSeconds(2))
          .operationTimeout(ROOMY)
          .retryPolicy(RetryPolicy.defaults());
      tweak.accept(b);
      return b;
    }));
  }

  /**
   * A client and the token its requests carry. The server is shared by the cases and reset between
   * them, but a request of an earlier case that gave up (a deadline, a fault) can still be journaled
   * after that reset: on a loaded machine Jetty reads it, and WireMock logs it, late. Counting only
   * the requests with this client's token keeps such a request out of the next case's count, so
   * "a create was received twice" means this client's create was.
   */
  private static final class Tagged implements AutoCloseable {
    final String token;
    final LinkClient client;

    Tagged(String token, LinkClient client) {
      this.token = token;
      this.client = client;
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private Outcome run(
      WireMockServer wm, Operation op, Consumer<dev.polylink.core.LinkClientBuilder<?, ?>> tweak, Duration deadline) {
    try (Tagged client = client(wm, wm.baseUrl(), tweak)) {
      long start = System.nanoTime();
      Throwable failure = null;
      try {
        invoke(client.client, op);
      } catch (Throwable t) {
        failure = t;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new Outcome(op, failure, took, deadline, requests(wm, op, client.token));
    }
  }

  /** The requests of {@code op} the server received from the client with {@code token}. */
  private int requests(WireMockServer wm, Operation op, String token) {
    return wm.findAll(RequestPatternBuilder.like(fixture(op).request().build().getRequest())
        .withHeader("User-Agent", matching(".* " + token))).size();
  }

  private void invoke(LinkClient client, Operation op) {
    switch (op) {
      case CREATE:
        client.create(suite.sampleCreateRequest());
        break;
      case GET:
        client.get(suite.sampleId());
        break;
      case LIST:
        client.list(ListLinksRequest.builder().build());
        break;
      case UPDATE:
        client.update(suite.sampleId(), suite.someUpdatablePatch());
        break;
      default:
        client.delete(suite.sampleId());
    }
  }

  /** What one call did. */
  private static final class Outcome {
    final Operation op;
    final Throwable failure;
    final Duration took;
    final Duration deadline;
    final int requests;

    Outcome(Operation op, Throwable failure, Duration took, Duration deadline, int requests) {
      this.op = op;
      this.failure = failure;
      this.took = took;
      this.deadline = deadline;
      this.requests = requests;
    }

    void assertInvariants(WireMockServer wm, Operation op) {
      if (failure != null && !(failure instanceof PolylinkException)) {
        fail("only PolylinkException subclasses may come out: " + this, failure);
      }
      assertTrue(took.compareTo(deadline.plus(MARGIN)) <= 0,
          "the call took " + took.toMillis() + " ms, its deadline is " + deadline.toMillis() + " ms: " + this);
      if (op == Operation.CREATE) {
        assertTrue(requests <= 1, "a create that may have been processed was sent again: " + this);
      }
      assertEquals(0, elsewhere == null ? 0 : elsewhere.findAll(anyRequestedFor(anyUrl())).size(),
          "nothing reaches another host");
    }

    @Override
    public String toString() {
      return op.label() + " -> " + (failure == null ? "success" : failure.toString()) + " in " + took.toMillis()
          + " ms, " + requests + " request(s)";
    }
  }
}
