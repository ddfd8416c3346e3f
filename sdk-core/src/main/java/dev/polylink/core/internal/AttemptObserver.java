package dev.polylink.core.internal;

import dev.polylink.core.LinkClientListener.RetryReason;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The hook the retry loop calls at each event point of an HTTP attempt. It is all the retry loop
 * knows of listeners and logging; {@link EventDispatcher} implements it.
 */
public interface AttemptObserver {
  /** Observes nothing. */
  AttemptObserver NONE = (request, attempt) -> Attempt.NONE;

  /** Attempt {@code attempt} (from 1) of {@code request} is about to be sent. */
  Attempt started(Request request, int attempt);

  /** One attempt, from sending to the decision about it. */
  interface Attempt {
    /** Observes nothing. */
    Attempt NONE = new Attempt() {};

    /** A successful (2xx/3xx) response arrived. */
    default void succeeded(Response response) {}

    /** An error response arrived, decoded. */
    default void failed(ApiFailure failure) {}

    /** No response: an I/O failure. */
    default void failed(IOException failure) {}

    /** The attempt will be retried after {@code wait}. */
    default void retrying(RetryReason reason, Duration wait, boolean retryAfter) {}
  }
}
