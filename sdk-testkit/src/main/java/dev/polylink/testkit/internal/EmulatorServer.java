package dev.polylink.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.polylink.testkit.MutableClock;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A WireMock server on a free loopback port whose one catch-all stub hands every request to a
 * {@link VendorBackend} through a {@link ResponseDefinitionTransformerV2}. The stub has priority
 * {@value #CATCH_ALL_PRIORITY}, so any stub a test adds with a smaller number (WireMock's default
 * is 5) answers first: that is how faults are injected.
 */
public final class EmulatorServer implements AutoCloseable {
  /** The priority of the catch-all stub: the lowest of all, as larger numbers lose. */
  public static final int CATCH_ALL_PRIORITY = 1000;
  private static final String TRANSFORMER = "polylink-emulator";

  private final WireMockServer server;
  private final VendorBackend backend;

  private EmulatorServer(WireMockServer server, VendorBackend backend) {
    this.server = server;
    this.backend = backend;
  }

  /**
   * Starts a server and its backend, which {@code factory} makes from the clock and the server
   * root ({@code http://127.0.0.1:PORT}).
   */
  public static EmulatorServer start(MutableClock clock, BiFunction<MutableClock, String, VendorBackend> factory) {
    return start(clock, factory, null);
  }

  /**
   * Like {@link #start(MutableClock, BiFunction)}; a non-null {@code idleTimeout} makes the server
   * close a connection that has been idle that long (Jetty's idle timeout), as Node.js servers do
   * after 5 s by default. Its resolution is a millisecond.
   */
  public static EmulatorServer start(
      MutableClock clock, BiFunction<MutableClock, String, VendorBackend> factory, java.time.Duration idleTimeout) {
    Dispatcher dispatcher = new Dispatcher();
    WireMockConfiguration options =
        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(dispatcher);
    if (idleTimeout != null) {
      options.jettyIdleTimeout(Math.max(1, idleTimeout.toMillis()));
    }
    WireMockServer server = new WireMockServer(options);
    server.start();
    try {
      VendorBackend backend = factory.apply(clock, "http://127.0.0.1:" + server.port());
      dispatcher.backend = backend;
      EmulatorServer emulator = new EmulatorServer(server, backend);
      emulator.stubCatchAll();
      return emulator;
    } catch (RuntimeException | Error e) {
      server.stop();
      throw e;
    }
  }

  /** The running WireMock server. */
  public WireMockServer wireMock() {
    return server;
  }

  /** The state machine behind the catch-all stub. */
  public VendorBackend backend() {
    return backend;
  }

  /**
   * Resets the backend, WireMock's request journal and scenarios, and removes every stub a test
   * added; the catch-all stub is put back.
   */
  public void reset() {
    backend.reset();
    server.resetAll();
    stubCatchAll();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }

  private void stubCatchAll() {
    server.stubFor(any(anyUrl())
        .atPriority(CATCH_ALL_PRIORITY)
        .withMetadata(Map.of("polylink", "emulator"))
        .willReturn(aResponse().withTransformers(TRANSFORMER)));
  }

  /** Hands each request to the backend and renders its answer. */
  private static final class Dispatcher implements ResponseDefinitionTransformerV2 {
    private volatile VendorBackend backend;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      VendorBackend target = backend;
      if (target == null) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withBody("starting\n").build();
      }
      EmulatorResponse answer;
      try {
        answer = target.handle(EmulatorRequest.from(serveEvent.getRequest()));
      } catch (RuntimeException e) {
        answer = EmulatorResponse.text(500, "text/plain; charset=utf-8", "emulator failure: " + e + "\n");
      }
      ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(answer.status());
      answer.headers().forEach(builder::withHeader);
      byte[] body = answer.body();
      if (body != null) {
        builder.withBody(body);
      }
      return builder.build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return TRANSFORMER;
    }
  }
}
