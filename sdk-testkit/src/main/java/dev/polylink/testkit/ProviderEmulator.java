package dev.polylink.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.testkit.internal.EmulatorServer;
import dev.polylink.testkit.internal.VendorBackend;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-process, stateful emulator of one vendor's URL-shortener API, for tests and examples that
 * must run with no account and no network.
 *
 * <pre>{@code
 * try (ProviderEmulator xqr = ProviderEmulator.start("xqr");
 *      LinkClient client = xqr.client()) {
 *   Link link = client.create(CreateLinkRequest.builder().destination("https://example.com").build());
 *   assertEquals(1, xqr.links().size());
 * }
 * }</pre>
 *
 * <p>The emulator is a WireMock server ({@link #wireMock()}) on a free port of 127.0.0.1 with one
 * catch-all stub that hands every request to the emulator's state machine. WireMock's request
 * journal and {@code verify(...)} work as usual, and a stub a test adds with WireMock's default
 * priority (or any priority number below 1000) answers before the emulator: that is how to inject
 * faults such as a 500 or a delay.
 *
 * <p>Each emulator implements its vendor's documented paths, envelopes, validation rules, error
 * bodies, pagination and delete semantics, independently of the provider modules; where the
 * documentation is silent, its subclass ({@link XqrEmulator}, {@link ShortpenEmulator}, {@link
 * SnipurlEmulator}, {@link CarrierxEmulator}) says what it chose. It also serves the short links it
 * creates on the same server ({@code http://127.0.0.1:PORT/<code>}): a redirect with the link's
 * redirect type, 410 for a disabled or expired link, 404 for a deleted or unknown one, and 401 for
 * a password-protected one; {@link SnipurlEmulator} answers as SnipURL's server does instead (a 200
 * page, a redirect to the password form, a redirect to a not-found page).
 *
 * <p>Thread-safe: requests are handled one at a time.
 */
public abstract sealed class ProviderEmulator implements AutoCloseable
    permits XqrEmulator, ShortpenEmulator, SnipurlEmulator, CarrierxEmulator {
  private static final Set<String> KNOWN = Collections.unmodifiableSet(
      new TreeSet<>(List.of("carrierx", "shortpen", "snipurl", "xqr")));

  private final MutableClock clock;
  private final EmulatorServer server;

  ProviderEmulator(MutableClock clock, EmulatorServer server) {
    this.clock = clock;
    this.server = server;
  }

  /**
   * Starts the emulator of {@code providerId}: {@code "xqr"}, {@code "shortpen"}, {@code
   * "snipurl"} or {@code "carrierx"}. The result is of the vendor's own type, e.g. {@link
   * XqrEmulator}, for its vendor-specific settings.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @return the running emulator; close it when done
   * @throws IllegalArgumentException for any other id, naming the known ones
   */
  public static ProviderEmulator start(String providerId) {
    if (providerId == null || !KNOWN.contains(providerId)) {
      throw new IllegalArgumentException(
          "unknown provider id '" + providerId + "' (known: " + String.join(", ", KNOWN) + ")");
    }
    switch (providerId) {
      case "xqr":
        return XqrEmulator.start();
      case "shortpen":
        return ShortpenEmulator.start();
      case "snipurl":
        return SnipurlEmulator.start();
      default:
        return CarrierxEmulator.start();
    }
  }

  /**
   * Starts the emulator of {@code providerId} on a server that closes every connection that has
   * been idle for {@code idleTimeout}, as Node.js's HTTP server does after 5 s by default (SnipURL's
   * server keeps that default). Use it to check that your code survives a keep-alive connection the
   * server closed: {@code ProviderEmulator.start("snipurl", Duration.ofSeconds(5))}. Polylink's
   * clients close an idle connection after 4 s ({@code connectionIdleTimeout}), so they never send
   * on one such a server closed.
   *
   * @param providerId {@code "xqr"}, {@code "shortpen"}, {@code "snipurl"} or {@code "carrierx"}
   * @param idleTimeout how long a connection may stay idle before the server closes it
   * @return the running emulator, of the vendor's own type
   * @throws IllegalArgumentException for an unknown id
   */
  public static ProviderEmulator start(String providerId, Duration idleTimeout) {
    java.util.Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (providerId == null || !KNOWN.contains(providerId)) {
      throw new IllegalArgumentException(
          "unknown provider id '" + providerId + "' (known: " + String.join(", ", KNOWN) + ")");
    }
    switch (providerId) {
      case "xqr":
        return XqrEmulator.start(idleTimeout);
      case "shortpen":
        return ShortpenEmulator.start(idleTimeout);
      case "snipurl":
        return SnipurlEmulator.start(idleTimeout);
      default:
        return CarrierxEmulator.start(idleTimeout);
    }
  }

  /** {@return the provider ids {@link #start(String)} knows, sorted} */
  public static Set<String> providerIds() {
    return KNOWN;
  }

  /** {@return the provider id, e.g. {@code "xqr"}} */
  public final String providerId() {
    return backend().providerId();
  }

  /**
   * {@return what to pass to a client builder's {@code baseUrl(...)}: the server root plus the
   * vendor's documented base path, e.g. {@code http://127.0.0.1:PORT/api} for xQR}
   */
  public final String baseUrl() {
    return backend().baseUrl();
  }

  /** {@return the server root, {@code http://127.0.0.1:PORT}, where the short links live} */
  public final String serverUrl() {
    return backend().serverUrl();
  }

  /**
   * {@return an API key the emulator accepts, in the vendor's shape; any other {@code
   * Authorization} gets the vendor's 401 body} It stays the same for the emulator's whole life,
   * {@link #reset()} included.
   */
  public final String apiKey() {
    return backend().apiKey();
  }

  /**
   * {@return the configuration for {@link LinkClients#create(String, Map)}: {@code apiKey}, {@code
   * baseUrl}, and the vendor's own keys ({@code defaultDomainId} for ShortPen, {@code
   * defaultDomainSid} for CarrierX)} A new, modifiable map on each call.
   */
  public final Map<String, String> clientConfig() {
    return new LinkedHashMap<>(backend().clientConfig());
  }

  /**
   * {@return A new client for this emulator, {@link #clientBuilder()} built; the caller closes it}
   * The provider module must be on the class path: the test kit does not depend on it.
   *
   * @throws dev.polylink.core.RequestValidationException when the provider module is not found
   */
  public final LinkClient client() {
    return clientBuilder().build();
  }

  /**
   * {@return A builder of a client for this emulator: {@link LinkClients#builder(String, Map)} with
   * {@link #clientConfig()}, reading its time from {@link #clock()} and waiting on it} Every wait of
   * the client (its default rate-limit pacing at the vendor's documented limit, backoff, a 429's
   * {@code Retry-After}) advances the emulator's clock instead of sleeping, so a test runs at full
   * speed and the emulator's windows see the time the client waited. The first such wait freezes a
   * clock that followed the system clock (see {@link MutableClock#advance}).
   *
   * @throws dev.polylink.core.RequestValidationException when the provider module is not found
   */
  public final dev.polylink.core.LinkClientBuilder<?, ?> clientBuilder() {
    return LinkClients.builder(providerId(), clientConfig()).clock(clock).sleeper(clock::advance);
  }

  /**
   * {@return the live links, oldest first, each rendered as the vendor's API renders it in a read
   * (plain Java values as a JSON reader sees them: maps, lists, strings, {@link Integer}s or {@link
   * Long}s, booleans, nulls; unmodifiable)} Deleted links are not included, soft-deleted ShortPen
   * links neither.
   */
  public final List<Map<String, Object>> links() {
    return backend().links();
  }

  /**
   * Restores the emulator to how it started, keeping its port and API key: removes every link,
   * counter and rate-limit window, switches rate limiting off, restores the vendor's own settings
   * (quotas) to their defaults, lets the clock follow the system clock again, clears WireMock's
   * request journal and removes the stubs tests added.
   */
  public final void reset() {
    server.reset();
  }

  /**
   * {@return the emulator's clock, which stamps created and updated times and decides expiry and
   * rate-limit windows} It follows the system clock until a test sets or advances it.
   */
  public final MutableClock clock() {
    return clock;
  }

  /**
   * Switches on the vendor's per-key request limit: at most {@code requests} API requests per
   * {@code window} (a fixed window that opens with the first request), answered past that with the
   * vendor's own 429 and a {@code Retry-After} of the whole seconds until the window closes. Windows
   * are measured on {@link #clock()}, so a test can advance the clock instead of waiting; with the
   * clock following the system clock they pass in real time. Short-link visits are not counted.
   *
   * @param requests how many requests are answered per window; the rest get the vendor's 429
   * @param window the window the requests are counted in
   */
  public final void rateLimit(int requests, Duration window) {
    backend().rateLimit(requests, window);
  }

  /** Switches the per-key request limit off (the default). */
  public final void rateLimitOff() {
    backend().rateLimitOff();
  }

  /**
   * {@return the underlying WireMock server: its journal, {@code verify(...)} and fault-injection
   * stubs}
   */
  public final WireMockServer wireMock() {
    return server.wireMock();
  }

  /** Stops the server. */
  @Override
  public final void close() {
    server.close();
  }

  /** The provider id and base URL. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + baseUrl() + "]";
  }

  VendorBackend backend() {
    return server.backend();
  }
}
