package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.LinkClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one WireMock base of every provider test (and of the contract suite): a WireMock server on
 * loopback with a dynamic port, a client on it built by {@link #newClient()} before each test and
 * closed after it, a {@link RecordingSleeper} so that nothing sleeps for real, and the helpers the
 * tests share. Fixture files are read with {@link Fixtures#read}.
 *
 * @param <C> the client type under test
 */
public abstract class WireMockTestBase<C extends LinkClient> {
  /** The server; its base URL is {@code wm.baseUrl()}. */
  @RegisterExtension
  protected static final WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /**
   * The waits the client asked for (retries and its rate-limit budget); nothing sleeps for real.
   * A client built with it must read its time from {@code sleeper.clock()}, which the waits move.
   */
  protected final RecordingSleeper sleeper = newSleeper();

  /**
   * The scheduler of the asynchronous calls' waits: it records them and runs each at once; nothing
   * waits for real. Shut down after each test.
   */
  protected final RecordingScheduler scheduler = new RecordingScheduler();

  /** The client of the current test, built by {@link #newClient()}. */
  protected C client;

  /** {@return the sleeper of every test; by default one on the system clock plus its waits} */
  protected RecordingSleeper newSleeper() {
    return new RecordingSleeper();
  }

  /** A client on {@link #wm}, usually with the default retry policy and {@link #sleeper}. */
  protected abstract C newClient();

  @BeforeEach
  void startClient() {
    client = newClient();
  }

  @AfterEach
  void closeClient() {
    client.close();
    scheduler.shutdownNow();
  }

  /** A JSON answer with this status and body. */
  protected static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Fails unless the server received no request at all. */
  protected static void assertNoRequests() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  /** The requests the server received, oldest first. */
  protected static List<LoggedRequest> requests() {
    List<LoggedRequest> requests = new ArrayList<>();
    wm.getAllServeEvents().forEach(e -> requests.add(e.getRequest()));
    Collections.reverse(requests);
    return requests;
  }

  /** {@code "METHOD /path?query"} of every request, oldest first. */
  protected static List<String> requestLines() {
    List<String> lines = new ArrayList<>();
    requests().forEach(r -> lines.add(r.getMethod() + " " + r.getUrl()));
    return lines;
  }

  /** {@link Fixtures#read}. */
  protected static String fixture(String name) {
    return Fixtures.read(name);
  }
}
