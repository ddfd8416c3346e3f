package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.LinkClientListener.AttemptFinished;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AttemptFinished#succeeded()} at the edges of the 2xx range. */
class LinkClientListenerEdgeTest {

  @ParameterizedTest
  @CsvSource({"199,false", "200,true", "204,true", "299,true", "300,false", "404,false"})
  void onlyA2xxStatusIsASuccess(int status, boolean succeeded) {
    AttemptFinished event = new AttemptFinished("xqr", Operation.GET, "GET", "/links/{id}", 1, OptionalInt.of(status),
        Optional.empty(), Optional.empty(), false, Duration.ZERO, Optional.empty());
    assertEquals(succeeded, event.succeeded());
  }
}
