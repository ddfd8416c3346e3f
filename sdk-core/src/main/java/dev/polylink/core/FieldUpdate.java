package dev.polylink.core;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One field of a {@link LinkPatch}: absent (leave it unchanged, send nothing), set to a value, or
 * cleared (send the vendor's own "remove").
 *
 * @param <T> the field's value type
 */
public final class FieldUpdate<T> {
  /** The three states of a patched field. */
  public enum State {
    /**
     * Not sent: the vendor keeps its value.
     */
    ABSENT,
    /**
     * Sent with a value.
     */
    SET,
    /**
     * Sent as the vendor's own "remove" (JSON {@code null}, {@code -1}, ...).
     */
    CLEARED
  }

  private static final FieldUpdate<?> ABSENT = new FieldUpdate<>(State.ABSENT, null, false);
  private static final FieldUpdate<?> CLEARED = new FieldUpdate<>(State.CLEARED, null, false);

  private final State state;
  private final T value;
  /** A secret's value (a password) is never shown by {@link #toString()}. */
  private final boolean secret;

  private FieldUpdate(State state, T value, boolean secret) {
    this.state = state;
    this.value = value;
    this.secret = secret;
  }

  /**
   * An absent field: nothing is sent, the vendor keeps its value.
   *
   * @param <T> the field's value type
   * @return the one absent update
   */
  @SuppressWarnings("unchecked")
  public static <T> FieldUpdate<T> absent() {
    return (FieldUpdate<T>) ABSENT;
  }

  /**
   * A cleared field: the vendor's own "remove" is sent.
   *
   * @param <T> the field's value type
   * @return the one cleared update
   */
  @SuppressWarnings("unchecked")
  public static <T> FieldUpdate<T> cleared() {
    return (FieldUpdate<T>) CLEARED;
  }

  /**
   * A field set to {@code value}.
   *
   * @param <T> the field's value type
   * @param value the new value, not null
   * @return the update
   */
  public static <T> FieldUpdate<T> set(T value) {
    return new FieldUpdate<>(State.SET, Objects.requireNonNull(value, "value"), false);
  }

  /** Like {@link #set} for a secret such as a password: equal to it, but shown as {@code set(****)}. */
  static <T> FieldUpdate<T> setSecret(T value) {
    return new FieldUpdate<>(State.SET, Objects.requireNonNull(value, "value"), true);
  }

  /** {@return which of the three states this is} */
  public State state() {
    return state;
  }

  /** {@return whether the field is absent: nothing is sent, the vendor keeps its value} */
  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  /** {@return whether the field is set to {@link #value()}} */
  public boolean isSet() {
    return state == State.SET;
  }

  /** {@return whether the field is cleared: the vendor's own "remove" is sent} */
  public boolean isCleared() {
    return state == State.CLEARED;
  }

  /** {@return the value a set field carries} */
  public T value() {
    if (state != State.SET) {
      throw new NoSuchElementException("the field is " + state + ", not SET");
    }
    return value;
  }

  /** {@return the value when set; empty when absent or cleared} */
  public Optional<T> asOptional() {
    return Optional.ofNullable(value);
  }

  /**
   * Runs the action with the value when set.
   *
   * @param action what to run
   */
  public void ifSet(Consumer<? super T> action) {
    if (state == State.SET) {
      action.accept(value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FieldUpdate)) {
      return false;
    }
    FieldUpdate<?> that = (FieldUpdate<?>) o;
    return state == that.state && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, value);
  }

  /** {@code absent}, {@code cleared} or {@code set(<value>)}; a password's value shows as {@code ****}. */
  @Override
  public String toString() {
    if (state != State.SET) {
      return state.name().toLowerCase(java.util.Locale.ROOT);
    }
    return "set(" + (secret ? "****" : value) + ")";
  }
}
