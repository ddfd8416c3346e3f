package dev.polylink.core.internal;

import java.io.IOException;

/**
 * Carries a failed exchange (an I/O failure, a body that is too large, a deadline) from the retry
 * interceptor through OkHttp and Retrofit to the transport, with what it needs for the {@code
 * TransportException}: a readable message, whether the request may have been processed, and the
 * vendor's last answer where a deadline stopped the retries after one.
 */
public final class TransportFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveBeenProcessed;
  private final transient ApiFailure lastAnswer;

  TransportFailure(String message, Throwable cause, boolean mayHaveBeenProcessed, ApiFailure lastAnswer) {
    super(message, cause);
    this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    this.lastAnswer = lastAnswer;
  }

  /** Whether any attempt may have reached the vendor without a definite answer. */
  public boolean mayHaveBeenProcessed() {
    return mayHaveBeenProcessed;
  }

  /** The vendor's last error answer, when a deadline stopped the retries after one; else null. */
  public ApiFailure lastAnswer() {
    return lastAnswer;
  }
}
