package dev.polylink.core.testing;

import dev.polylink.core.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records the waits it is asked for and returns at once. */
public final class RecordingSleeper implements RetryPolicy.Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  public void clear() {
    waits.clear();
  }
}
