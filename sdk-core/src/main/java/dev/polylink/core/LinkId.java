package dev.polylink.core;

import java.util.UUID;

/**
 * A link's identifier at its provider, opaque to core: a UUID for xQR, SnipURL and CarrierX, a
 * positive integer for ShortPen. Each provider checks the shape it needs before any request and
 * rejects any other with a {@link RequestValidationException}.
 */
public final class LinkId implements Comparable<LinkId> {
  private final String value;

  private LinkId(String value) {
    this.value = value;
  }

  /**
   * {@return an id as the provider spells it} Must not be blank.
   *
   * @param value the vendor's id, as text
   */
  public static LinkId of(String value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    if (value.isBlank()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER, "id: must not be blank");
    }
    return new LinkId(value);
  }

  /**
   * {@return A UUID id, in its canonical lower-case form}
   *
   * @param value the vendor's id, as text
   */
  public static LinkId of(UUID value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    return new LinkId(value.toString());
  }

  /**
   * {@return an integer id}
   *
   * @param value the vendor's id, as text
   */
  public static LinkId of(long value) {
    return new LinkId(Long.toString(value));
  }

  /** {@return the id as the provider spells it} */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkId && ((LinkId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(LinkId o) {
    return value.compareTo(o.value);
  }

  /** The value itself, so an id can be printed or concatenated as is. */
  @Override
  public String toString() {
    return value;
  }
}
