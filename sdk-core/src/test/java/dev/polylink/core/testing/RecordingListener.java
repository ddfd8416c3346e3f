package dev.polylink.core.testing;

import dev.polylink.core.LinkClientListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A listener that keeps every event, in order, and describes each in one short line for order
 * assertions: {@code "operationStarted GET"}, {@code "attemptStarted GET /links/{id} #1"}, {@code
 * "attemptFinished #1 500"}, {@code "retryScheduled #1 RETRYABLE_STATUS"}, {@code "rateLimitRead"}, {@code "rateLimitWait #2"},
 * {@code "operationFinished GET success attempts=2 retries=1"}.
 */
public final class RecordingListener implements LinkClientListener {
  private final List<Object> events = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void operationStarted(OperationStarted e) {
    add(e, "operationStarted " + e.operation());
  }

  @Override
  public synchronized void attemptStarted(AttemptStarted e) {
    add(e, "attemptStarted " + e.method() + " " + e.pathTemplate() + " #" + e.attempt());
  }

  @Override
  public synchronized void attemptFinished(AttemptFinished e) {
    add(e, "attemptFinished #" + e.attempt() + " "
        + (e.status().isPresent() ? String.valueOf(e.status().getAsInt()) : e.failure().orElseThrow().getClass().getSimpleName()));
  }

  @Override
  public synchronized void retryScheduled(RetryScheduled e) {
    add(e, "retryScheduled #" + e.attempt() + " " + e.reason());
  }

  @Override
  public synchronized void rateLimitRead(RateLimitRead e) {
    add(e, "rateLimitRead");
  }

  @Override
  public synchronized void rateLimitWait(RateLimitWait e) {
    add(e, "rateLimitWait #" + e.attempt());
  }

  @Override
  public synchronized void operationFinished(OperationFinished e) {
    add(e, "operationFinished " + e.operation() + " " + e.outcome() + " attempts=" + e.attempts() + " retries=" + e.retries());
  }

  private void add(Object event, String line) {
    events.add(event);
    lines.add(line);
  }

  /** Every event, in order. */
  public synchronized List<Object> events() {
    return List.copyOf(events);
  }

  /** The events of one type, in order. */
  public synchronized <T> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** One line per event, in order. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * The lines without {@code rateLimitRead}, whose presence depends on the vendor's headers, and
   * without {@code rateLimitWait}, whose presence depends on the client's pacing and the time.
   */
  public synchronized List<String> linesWithoutRateLimits() {
    return lines.stream().filter(l -> !l.equals("rateLimitRead") && !l.startsWith("rateLimitWait"))
        .collect(Collectors.toList());
  }

  public synchronized void clear() {
    events.clear();
    lines.clear();
  }
}
