package dev.polylink.core.spi;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A tri-state request body field for {@link Json#mapper()}: {@link #undefined()} is not written at
 * all, {@code of(null)} is written as JSON {@code null} (a vendor's "remove"), and {@code of(value)}
 * as the value. Reading a body, a missing property becomes {@link #undefined()} and an explicit
 * {@code null} becomes {@code of(null)}.
 *
 * <p>Polylink's own type rather than {@code org.openapitools:jackson-databind-nullable}, whose
 * module descriptor provides a {@code jakarta.validation} service and so cannot be used on the
 * module path without {@code jakarta.validation} there too; the behaviour is the same.
 *
 * @param <T> the type of the value
 */
public final class JsonNullable<T> {
  private static final JsonNullable<?> UNDEFINED = new JsonNullable<>(null, false);

  private final T value;
  private final boolean present;

  private JsonNullable(T value, boolean present) {
    this.value = value;
    this.present = present;
  }

  /**
   * The field is not sent.
   *
   * @param <T> the type of the value
   * @return the one undefined instance
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonNullable<T> undefined() {
    return (JsonNullable<T>) UNDEFINED;
  }

  /**
   * The field is sent with this value.
   *
   * @param <T> the type of the value
   * @param value the value; {@code null} sends JSON {@code null}
   * @return a present field
   */
  public static <T> JsonNullable<T> of(T value) {
    return new JsonNullable<>(value, true);
  }

  /**
   * Whether the field is sent (possibly as {@code null}).
   *
   * @return {@code false} only for {@link #undefined()}
   */
  public boolean isPresent() {
    return present;
  }

  /**
   * The value to send.
   *
   * @return the value, possibly {@code null}
   * @throws NoSuchElementException for {@link #undefined()}
   */
  public T get() {
    if (!present) {
      throw new NoSuchElementException("the value is undefined");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNullable<?> that && present == that.present && Objects.equals(value, that.value);
  }

  /**
   * The value's hash code plus one, and 0 for {@link #undefined()}: so that {@code of(null)} (1) and
   * {@code undefined()} (0), which are not equal, do not collide either.
   */
  @Override
  public int hashCode() {
    return present ? Objects.hashCode(value) + 1 : 0;
  }

  /** {@code JsonNullable[value]} or {@code JsonNullable.undefined}. */
  @Override
  public String toString() {
    return present ? "JsonNullable[" + value + "]" : "JsonNullable.undefined";
  }
}
