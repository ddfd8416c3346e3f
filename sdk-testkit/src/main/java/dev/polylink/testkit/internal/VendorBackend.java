package dev.polylink.testkit.internal;

import dev.polylink.testkit.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state machine of one vendor's emulator. Every request is handled under this object's lock,
 * one at a time, so the state needs no other synchronisation.
 *
 * <p>Routing is the same for every vendor: a path under {@link #apiPrefix()} goes to {@link
 * #api}; a GET or HEAD of a single path segment is a short link ({@link #shortLink}), any other
 * method on one is a 405; anything else is a 404 page. Short codes never contain a slash, so a
 * code such as {@code api} cannot be mistaken for an API path, which always has more than one
 * segment.
 */
public abstract class VendorBackend {
  /** The emulator's clock: timestamps, expiry and rate-limit windows. */
  protected final MutableClock clock;
  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  protected final String serverRoot;
  /** The per-key request limit that {@link #rateLimit} switches on. */
  protected final WindowLimiter burst;

  /** A backend on {@code clock} whose server answers at {@code serverRoot}. */
  protected VendorBackend(MutableClock clock, String serverRoot) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.serverRoot = Objects.requireNonNull(serverRoot, "serverRoot");
    this.burst = new WindowLimiter(clock);
  }

  /** The provider id, e.g. {@code xqr}. */
  public abstract String providerId();

  /** The API key the emulator accepts. */
  public abstract String apiKey();

  /** The server root, {@code http://127.0.0.1:PORT}. */
  public final String serverUrl() {
    return serverRoot;
  }

  /** The server root plus the vendor's documented base path: what a client's {@code baseUrl} is. */
  public final String baseUrl() {
    return serverRoot + basePath();
  }

  /**
   * The configuration for {@code LinkClients.create}: {@code apiKey} and {@code baseUrl}, and the
   * vendor's own keys where a subclass adds them.
   */
  public Map<String, String> clientConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("apiKey", apiKey());
    config.put("baseUrl", baseUrl());
    return config;
  }

  /** The path that {@link #baseUrl()} adds to the server root, e.g. {@code /api}; empty for none. */
  protected abstract String basePath();

  /** The path segments under which the API answers, e.g. {@code [api, v1]}. */
  protected abstract List<String> apiPrefix();

  /** Answers an API request; {@code path} is what follows {@link #apiPrefix()}. */
  protected abstract EmulatorResponse api(EmulatorRequest request, List<String> path);

  /** Answers a visit of a short link. */
  protected abstract EmulatorResponse shortLink(String code);

  /**
   * Answers any other path (not the API, not a single segment): a 404 page unless the vendor
   * serves more pages, such as SnipURL's {@code /<code>/challenge}.
   */
  protected EmulatorResponse page(EmulatorRequest request) {
    return notFoundPage();
  }

  /** The live links as a GET of each would render them, oldest first. */
  protected abstract List<Map<String, Object>> renderLinks();

  /** Forgets every link and counter, and restores the vendor's own settings to their defaults. */
  protected abstract void clearState();

  /** The request being handled (for a short-link visit's headers); null between requests. */
  private EmulatorRequest current;

  /** The request being handled, e.g. to read a short-link visit's {@code Referer}. */
  protected final EmulatorRequest currentRequest() {
    return current;
  }

  /** Handles one request. */
  public final synchronized EmulatorResponse handle(EmulatorRequest request) {
    current = request;
    try {
      return dispatch(request);
    } finally {
      current = null;
    }
  }

  private EmulatorResponse dispatch(EmulatorRequest request) {
    EmulatorResponse response;
    Optional<List<String>> apiPath = request.segmentsAfter(apiPrefix());
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    if (apiPath.isPresent()) {
      response = api(request, apiPath.get());
    } else if (request.segments().size() == 1 && read) {
      response = shortLink(request.segments().get(0));
    } else if (request.segments().size() == 1) {
      response = EmulatorResponse.text(405, "text/plain; charset=utf-8", "Method Not Allowed\n")
          .header("Allow", "GET, HEAD");
    } else {
      response = page(request);
    }
    return request.method().equals("HEAD") ? response.withoutBody() : response;
  }

  /** The live links as a JSON reader would see them, frozen. */
  @SuppressWarnings("unchecked")
  public final synchronized List<Map<String, Object>> links() {
    return Json.freeze((List<Map<String, Object>>) Json.roundTrip(renderLinks()));
  }

  /** Empties the state, switches rate limiting off and lets the clock follow the system clock again. */
  public final synchronized void reset() {
    burst.off();
    clock.followSystem();
    clearState();
  }

  /** Switches the per-key request limit on. */
  public final synchronized void rateLimit(int requests, Duration window) {
    burst.configure(requests, window);
    rateLimitChanged();
  }

  /** Switches the per-key request limit off. */
  public final synchronized void rateLimitOff() {
    burst.off();
    rateLimitChanged();
  }

  /**
   * Called after {@link #rateLimit} or {@link #rateLimitOff}, under the lock, for a backend that
   * has limits of its own besides {@link #burst} to switch them off. Does nothing by default.
   */
  protected void rateLimitChanged() {}

  /** The short URL of {@code code} on this server. */
  protected final String shortUrl(String code) {
    return serverRoot + "/" + code;
  }

  /** 404 page for an unknown or deleted short link, or a path nobody serves. */
  protected static EmulatorResponse notFoundPage() {
    return EmulatorResponse.text(404, "text/html; charset=utf-8", Html.page("Not Found", "No link here."));
  }

  /** 410 page for a disabled or expired link. */
  protected static EmulatorResponse gonePage(String why) {
    return EmulatorResponse.text(410, "text/html; charset=utf-8", Html.page("Gone", why));
  }

  /** 401 page for a password-protected link (the emulators do not serve a password form). */
  protected static EmulatorResponse passwordPage() {
    return EmulatorResponse.text(401, "text/html; charset=utf-8",
        Html.page("Password required", "This link is protected by a password."));
  }
}
