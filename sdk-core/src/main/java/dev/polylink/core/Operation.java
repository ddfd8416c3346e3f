package dev.polylink.core;

/** The operations of {@link LinkClient}. */
public enum Operation {
  CREATE,
  GET,
  LIST,
  UPDATE,
  DELETE;

  /** The lower-case name used in messages, e.g. {@code "create"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
