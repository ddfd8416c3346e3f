package dev.polylink.core.internal;

import java.io.InterruptedIOException;

/**
 * The calling thread was interrupted before or during a call. Whoever throws it has set the
 * thread's interrupt flag again (it is never swallowed); the cause is the original interruption
 * where there was one.
 */
public final class Interrupted extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveBeenProcessed;

  Interrupted(String message, Throwable cause, boolean mayHaveBeenProcessed) {
    super(message);
    if (cause != null) {
      initCause(cause);
    }
    this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    Thread.currentThread().interrupt();
  }

  /** Whether an attempt may have reached the vendor before the interrupt ended the call. */
  public boolean mayHaveBeenProcessed() {
    return mayHaveBeenProcessed;
  }
}
