package dev.polylink.micrometer;

import dev.polylink.core.LinkClientListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what Polylink clients do as Micrometer meters, and each operation as a Micrometer {@link
 * Observation} (a span, through a tracing bridge such as OpenTelemetry's):
 *
 * <pre>{@code
 * MicrometerListener metrics = MicrometerListener.create(meterRegistry, observationRegistry);
 * LinkClient client = XqrClient.builder().apiKey(key).addListener(metrics).build();
 * }</pre>
 *
 * <p>Meters, every one tagged {@code provider} and (except the gauge) {@code operation}; all tag
 * values are low-cardinality (provider ids, operation names, status classes, exception class
 * names):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>more tags</th><th>what</th></tr>
 *   <tr><td>{@value #OPERATIONS}</td><td>timer</td><td>{@code outcome} ({@code success} or
 *       {@code failure}), {@code exception} ({@code none} or the simple class name)</td>
 *       <td>operation latency, retries and waits included</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>counter</td><td>{@code outcome} ({@code SUCCESS},
 *       {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code IO_ERROR})</td>
 *       <td>HTTP attempts</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>{@code reason} ({@code RATE_LIMITED},
 *       {@code RETRYABLE_STATUS}, {@code IO_ERROR}, {@code NOT_SENT})</td><td>retries</td></tr>
 *   <tr><td>{@value #RATE_LIMITED}</td><td>counter</td><td></td><td>429 answers</td></tr>
 *   <tr><td>{@value #QUOTA_EXHAUSTED}</td><td>counter</td><td></td><td>429 answers that say a quota
 *       is used up</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_WAITS}</td><td>timer</td><td></td><td>waits for the vendor's rate
 *       limit before a retry</td></tr>
 *   <tr><td>{@value #PACING_WAITS}</td><td>timer</td><td></td><td>waits of the client's own
 *       pacing for its rate-limit budget before an attempt ({@code RateLimit}; the count is how
 *       many attempts waited)</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_REMAINING}</td><td>gauge</td><td>{@code provider}, {@code window}
 *       (the vendor's window name, or {@code unknown}) only</td><td>the last remaining count the
 *       vendor reported</td></tr>
 * </table>
 *
 * <p>The observation is named {@value #OBSERVATION} with the contextual name {@code polylink
 * <provider> <operation>} and the low-cardinality keys {@code provider}, {@code operation}, {@code
 * outcome} and {@code exception}; a failed operation's exception is its error. A blocking
 * operation's observation is current (in scope) while the operation runs on the caller's thread.
 * An operation of {@code LinkClient.async()} runs on several threads and ends on another than it
 * began on: its observation is started when the operation starts (its parent is the observation
 * current on the caller's thread then, if any) and stopped when it ends, on whatever threads those
 * are, without ever opening a scope (a scope is bound to a thread, and one opened on the caller's
 * thread would stay open there). The start and the end of one asynchronous operation are matched
 * by the events' {@code operationId}, not by thread; the key {@code asynchronous} ({@code true}
 * or {@code false}) tells the two kinds apart.
 *
 * <p>One instance may serve any number of clients; it is thread-safe.
 */
public final class MicrometerListener implements LinkClientListener {
  /** Operation latency timer. */
  public static final String OPERATIONS = "polylink.client.operations";
  /** HTTP attempt counter. */
  public static final String ATTEMPTS = "polylink.client.attempts";
  /** Retry counter. */
  public static final String RETRIES = "polylink.client.retries";
  /** 429 counter. */
  public static final String RATE_LIMITED = "polylink.client.rate.limited";
  /** Quota-exhausted 429 counter. */
  public static final String QUOTA_EXHAUSTED = "polylink.client.quota.exhausted";
  /** Rate-limit wait timer. */
  public static final String RATE_LIMIT_WAITS = "polylink.client.rate.limit.waits";
  /** The client's own pacing waits timer. */
  public static final String PACING_WAITS = "polylink.client.pacing.waits";
  /** Last known remaining quota gauge. */
  public static final String RATE_LIMIT_REMAINING = "polylink.client.rate.limit.remaining";
  /** The observation of one operation. */
  public static final String OBSERVATION = "polylink.client.operation";

  private final MeterRegistry meters;
  private final ObservationRegistry observations;
  private final Map<Tags, AtomicLong> remaining = new ConcurrentHashMap<>();
  private final ThreadLocal<Deque<Observation.Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);
  /** The started observations of asynchronous operations, by operation id, until they end. */
  private final Map<Long, Observation> running = new ConcurrentHashMap<>();

  private MicrometerListener(MeterRegistry meters, ObservationRegistry observations) {
    this.meters = Objects.requireNonNull(meters, "meterRegistry");
    this.observations = Objects.requireNonNull(observations, "observationRegistry");
  }

  /**
   * Meters only, no observations.
   *
   * @param meterRegistry where the meters are registered
   * @return the listener
   */
  public static MicrometerListener create(MeterRegistry meterRegistry) {
    return new MicrometerListener(meterRegistry, ObservationRegistry.NOOP);
  }

  /**
   * Meters, and an observation per operation.
   *
   * @param meterRegistry where the meters are registered
   * @param observationRegistry where the observations are made
   * @return the listener
   */
  public static MicrometerListener create(MeterRegistry meterRegistry, ObservationRegistry observationRegistry) {
    return new MicrometerListener(meterRegistry, observationRegistry);
  }

  @Override
  public void operationStarted(OperationStarted e) {
    if (observations.isNoop()) {
      return;
    }
    Observation observation = Observation.createNotStarted(OBSERVATION, observations)
        .contextualName("polylink " + e.provider() + " " + e.operation().label())
        .lowCardinalityKeyValue("provider", e.provider())
        .lowCardinalityKeyValue("operation", e.operation().label())
        .lowCardinalityKeyValue("asynchronous", Boolean.toString(e.asynchronous()));
    if (e.asynchronous()) {
      // It ends on another thread: started here without a scope, stopped by operationFinished
      // wherever that runs, found again by the operation's id.
      observation.parentObservation(observations.getCurrentObservation());
      running.put(e.operationId(), observation.start());
      return;
    }
    scopes.get().push(observation.start().openScope());
  }

  @Override
  public void attemptFinished(AttemptFinished e) {
    Tags tags = tags(e.provider(), e.operation().label());
    counter(ATTEMPTS, tags.and("outcome", attemptOutcome(e)), "HTTP attempts").increment();
    if (e.status().isPresent() && e.status().getAsInt() == 429) {
      counter(RATE_LIMITED, tags, "429 answers").increment();
      if (e.quotaExhausted()) {
        counter(QUOTA_EXHAUSTED, tags, "429 answers saying a quota is used up").increment();
      }
    }
  }

  @Override
  public void retryScheduled(RetryScheduled e) {
    Tags tags = tags(e.provider(), e.operation().label());
    counter(RETRIES, tags.and("reason", e.reason().name()), "retried attempts").increment();
    if (e.rateLimitWait()) {
      Timer.builder(RATE_LIMIT_WAITS).description("waits for the vendor's rate limit before a retry")
          .tags(tags).register(meters).record(e.delay());
    }
  }

  @Override
  public void rateLimitWait(RateLimitWait e) {
    Timer.builder(PACING_WAITS).description("waits of the client's pacing for its rate-limit budget before an attempt")
        .tags(tags(e.provider(), e.operation().label())).register(meters).record(e.delay());
  }

  @Override
  public void rateLimitRead(RateLimitRead e) {
    if (e.status().remaining().isEmpty()) {
      return;
    }
    Tags tags = Tags.of("provider", e.provider(), "window", e.status().window().orElse("unknown"));
    remaining.computeIfAbsent(tags, t -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(RATE_LIMIT_REMAINING, value, AtomicLong::doubleValue)
          .description("the last remaining request count the vendor reported").tags(t).register(meters);
      return value;
    }).set(e.status().remaining().getAsLong());
  }

  @Override
  public void operationFinished(OperationFinished e) {
    String outcome = e.succeeded() ? "success" : "failure";
    String exception = e.failure().map(f -> f.getClass().getSimpleName()).orElse("none");
    Timer.builder(OPERATIONS).description("Polylink client operations, retries and waits included")
        .tags(tags(e.provider(), e.operation().label()).and("outcome", outcome, "exception", exception))
        .register(meters).record(e.duration());
    if (e.asynchronous()) {
      Observation observation = running.remove(e.operationId());
      if (observation != null) {
        stop(observation, e, outcome, exception);
      }
      return;
    }
    Observation.Scope scope = scopes.get().poll();
    if (scope != null) {
      scope.close();
      stop(scope.getCurrentObservation(), e, outcome, exception);
    }
  }

  private static void stop(Observation observation, OperationFinished e, String outcome, String exception) {
    observation.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("exception", exception);
    e.failure().ifPresent(observation::error);
    observation.stop();
  }

  private Counter counter(String name, Tags tags, String description) {
    return Counter.builder(name).description(description).tags(tags).register(meters);
  }

  private static Tags tags(String provider, String operation) {
    return Tags.of("provider", provider, "operation", operation);
  }

  private static String attemptOutcome(AttemptFinished e) {
    if (e.status().isEmpty()) {
      return "IO_ERROR";
    }
    int status = e.status().getAsInt();
    return status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : status >= 300 ? "REDIRECTION" : "SUCCESS";
  }
}
