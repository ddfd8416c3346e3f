package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Interrupted} itself: it sets the thread's flag again and keeps its cause and its verdict. */
class InterruptedTest {
  @AfterEach
  void clearTheFlag() {
    Thread.interrupted();
  }

  @Test
  void itSetsTheInterruptFlagAndKeepsItsCause() {
    InterruptedException cause = new InterruptedException("asleep");
    Interrupted e = new Interrupted("interrupted while waiting", cause, true);
    assertTrue(Thread.interrupted(), "the flag is set again");
    assertSame(cause, e.getCause());
    assertEquals("interrupted while waiting", e.getMessage());
    assertTrue(e.mayHaveBeenProcessed());
  }

  @Test
  void withoutACauseItHasNoneAndSaysWhetherAnythingWasProcessed() {
    Interrupted e = new Interrupted("before the request was sent", null, false);
    assertTrue(Thread.interrupted(), "the flag is set again");
    assertNull(e.getCause());
    assertFalse(e.mayHaveBeenProcessed());
  }
}
