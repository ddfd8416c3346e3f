package dev.polylink.examples;

import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.LinkClients;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RetryPolicy;
import dev.polylink.testkit.ProviderEmulator;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the examples get their {@link LinkClient}s: the real service when the provider's
 * environment variables are set ({@code XQR_API_KEY}, ... as {@link LinkClients#fromEnvironment}
 * reads them), an embedded {@link ProviderEmulator} otherwise.
 *
 * <pre>{@code
 * Clients clients = Clients.fromSystemEnvironment();
 * try (Clients.Connection xqr = clients.connect("xqr")) {
 *   System.out.println("using " + xqr.description());
 *   xqr.client().create(CreateLinkRequest.builder().destination("https://example.com").build());
 * }
 * }</pre>
 *
 * <p>Every client is built with {@link #RETRY_POLICY}, the examples' only retry layer: the client
 * waits for a vendor's {@code Retry-After} (up to 2 minutes, 8 attempts in all) before trying
 * again. A {@link dev.polylink.core.RateLimitException} that still comes out of a call (a quota, a
 * {@code Retry-After} beyond 2 minutes, or all 8 attempts used) is a failure like any other; the
 * commands report it per link.
 *
 * <p>Tests pass their own environment and their own, already started emulators, so that they can
 * inspect the emulator's state after a command ran; one that switches on a rate limit also passes
 * its own {@link Builder#sleeper sleeper}, so that it does not wait for real.
 */
public final class Clients {
  /**
   * The retry policy of every client the examples build: 8 attempts in all, waiting for a vendor's
   * {@code Retry-After} of up to 2 minutes rather than failing a long run, and backing off as
   * {@link RetryPolicy#defaults()} does after other retryable failures. The client applies it to
   * each request; nothing in the examples retries on top of it.
   */
  public static final RetryPolicy RETRY_POLICY =
      RetryPolicy.builder().maxAttempts(8).maxRetryAfter(Duration.ofMinutes(2)).build();

  /**
   * The longest one call may take, its waits included: 10 minutes, so that {@link #RETRY_POLICY}
   * can wait out several one-minute windows but no call holds a run for the 14 minutes its 8
   * attempts and 2-minute waits could add up to.
   */
  public static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(10);

  private final Function<String, String> environment;
  private final Map<String, ProviderEmulator> emulators;
  /** The sleeper given to the builder, or null: an embedded emulator's clock then takes the waits. */
  private final RetryPolicy.Sleeper sleeper;
  private final RateLimit rateLimit;
  private final Clock clock;
  private final boolean wireLog;

  private Clients(Function<String, String> environment, Map<String, ProviderEmulator> emulators,
      RetryPolicy.Sleeper sleeper, RateLimit rateLimit, Clock clock, boolean wireLog) {
    this.environment = environment;
    this.emulators = emulators;
    this.sleeper = sleeper;
    this.rateLimit = rateLimit;
    this.clock = clock;
    this.wireLog = wireLog;
  }

  /** The clock the commands show times with (when a rate-limit wait ends); the system's by default. */
  public Clock clock() {
    return clock;
  }

  /**
   * These clients with the SDK's redacted wire log switched on ({@code wireLog(true)} on every
   * builder): each request and response at TRACE on logger {@code dev.polylink.wire}.
   */
  public Clients withWireLog() {
    return new Clients(environment, emulators, sleeper, rateLimit, clock, true);
  }

  /**
   * Reads the process environment; {@link #connect} starts an emulator for a provider that is not
   * configured.
   */
  public static Clients fromSystemEnvironment() {
    return builder().environment(System::getenv).build();
  }

  /** A builder: no environment variables and no given emulators until told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** The providers the examples can talk to: those on the class path that the test kit emulates. */
  public static Set<String> providers() {
    Set<String> ids = new TreeSet<>(LinkClients.providers());
    ids.retainAll(ProviderEmulator.providerIds());
    return ids;
  }

  /**
   * True when the provider's API key is set in the environment (or, for a provider that accepts
   * them, a username and a password): then {@link #connect} uses the real service.
   */
  public boolean configured(String providerId) {
    Map<String, String> variables = LinkClients.environmentVariables(providerId);
    return isSet(variables.get("apiKey"))
        || (isSet(variables.get("username")) && isSet(variables.get("password")));
  }

  /**
   * A client for the provider: the real service when {@link #configured(String)}, otherwise the
   * emulator given to the builder, or else a new one that closing the connection stops.
   *
   * @throws UsageException for a provider id the examples do not know
   */
  public Connection connect(String providerId) {
    return connect(providerId, builder -> { });
  }

  /**
   * {@link #connect(String)} with more settings on the client's builder, applied after the
   * examples' own: a listener, a {@code bulkConcurrency}.
   *
   * @throws UsageException for a provider id the examples do not know
   */
  public Connection connect(String providerId, Consumer<LinkClientBuilder<?, ?>> settings) {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(settings, "settings");
    if (!providers().contains(providerId)) {
      throw new UsageException(
          "unknown provider '" + providerId + "' (known: " + String.join(", ", providers()) + ")");
    }
    Map<String, String> variables = LinkClients.environmentVariables(providerId);
    String keyVariable = variables.get("apiKey");
    if (configured(providerId)) {
      LinkClientBuilder<?, ?> builder = LinkClients.builderFromEnvironment(providerId, environment)
          .retryPolicy(RETRY_POLICY).operationTimeout(OPERATION_TIMEOUT).rateLimit(rateLimit)
          .sleeper(sleeper != null ? sleeper : RetryPolicy.Sleeper.SYSTEM).wireLog(wireLog);
      settings.accept(builder);
      LinkClient client = builder.build();
      String credentials = isSet(keyVariable) ? keyVariable + " is set"
          : variables.get("username") + " and " + variables.get("password") + " are set";
      return new Connection(client, null, false, "the real " + providerId + " service (" + credentials + ")");
    }
    ProviderEmulator given = emulators.get(providerId);
    ProviderEmulator emulator = given != null ? given : ProviderEmulator.start(providerId);
    try {
      String description = "an embedded " + providerId + " emulator at " + emulator.serverUrl()
          + " (set " + keyVariable + " to use the real service)";
      // The client reads its time from the embedded emulator's clock; without a sleeper of the
      // caller's, its waits (pacing, Retry-After) move that clock instead of sleeping for real.
      LinkClientBuilder<?, ?> builder = LinkClients.builder(providerId, emulator.clientConfig())
          .retryPolicy(RETRY_POLICY).operationTimeout(OPERATION_TIMEOUT).rateLimit(rateLimit)
          .clock(emulator.clock()).sleeper(sleeper != null ? sleeper : emulator.clock()::advance)
          .wireLog(wireLog);
      settings.accept(builder);
      LinkClient client = builder.build();
      return new Connection(client, given == null ? emulator : null, true, description);
    } catch (RuntimeException e) {
      if (given == null) {
        emulator.close();
      }
      throw e;
    }
  }

  private boolean isSet(String variable) {
    if (variable == null) {
      return false;
    }
    String value = environment.apply(variable);
    return value != null && !value.isBlank();
  }

  /**
   * A client and what it talks to. Closing it closes the client and, when {@link Clients} started
   * it, the emulator.
   */
  public static final class Connection implements AutoCloseable {
    private final LinkClient client;
    private final ProviderEmulator ownedEmulator;
    private final boolean emulated;
    private final String description;

    Connection(LinkClient client, ProviderEmulator ownedEmulator, boolean emulated, String description) {
      this.client = client;
      this.ownedEmulator = ownedEmulator;
      this.emulated = emulated;
      this.description = description;
    }

    /** The client. */
    public LinkClient client() {
      return client;
    }

    /** True for an embedded emulator, false for the real service. */
    public boolean emulated() {
      return emulated;
    }

    /** What the client talks to, for the user: "the real xqr service (XQR_API_KEY is set)", ... */
    public String description() {
      return description;
    }

    /**
     * Fills an emulator that {@link Clients} started for this connection with {@link DemoLinks}
     * and returns them; does nothing (and returns an empty list) for the real service or an
     * emulator given to the builder.
     */
    public List<Link> seedDemoLinks() {
      return ownedEmulator == null ? List.of() : DemoLinks.seed(client);
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        if (ownedEmulator != null) {
          ownedEmulator.close();
        }
      }
    }
  }

  /** Builds {@link Clients}. */
  public static final class Builder {
    private Function<String, String> environment = name -> null;
    private final Map<String, ProviderEmulator> emulators = new LinkedHashMap<>();
    private RetryPolicy.Sleeper sleeper;
    private RateLimit rateLimit = RateLimit.adaptive();
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * The clock the commands show times with, e.g. when a wait for a rate limit ends ({@link
     * Clock#systemDefaultZone()} by default); a test passes a fixed one.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where environment variables are read from, e.g. {@code System::getenv} or a map's {@code get}. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * An emulator to use, instead of starting one, for its provider when that provider is not
     * configured. The caller starts, seeds and closes it.
     */
    public Builder emulator(ProviderEmulator emulator) {
      Objects.requireNonNull(emulator, "emulator");
      emulators.put(emulator.providerId(), emulator);
      return this;
    }

    /**
     * How the clients wait before trying again, per {@link Clients#RETRY_POLICY}, and for their
     * rate-limit budget: it is given each {@code Retry-After}, backoff and pacing wait. By default
     * {@link RetryPolicy.Sleeper#SYSTEM} for the real service and, for an embedded emulator, {@code
     * emulator.clock()::advance}: the client reads its time from the emulator's clock, so its waits
     * pass on that clock instead of in real time.
     */
    public Builder sleeper(RetryPolicy.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * How the clients pace themselves ({@link RateLimit#adaptive()}, the SDK's default, unless
     * told otherwise); {@link RateLimit#none()} shows what the vendor's 429s alone do.
     */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /** The clients. */
    public Clients build() {
      return new Clients(environment, Map.copyOf(emulators), sleeper, rateLimit, clock, false);
    }
  }
}
