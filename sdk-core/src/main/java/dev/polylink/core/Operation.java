package dev.polylink.core;

/** The operations of {@link LinkClient}. */
public enum Operation {
  /**
   * Create a link.
   */
  CREATE,
  /**
   * Read one link.
   */
  GET,
  /**
   * List links, page by page.
   */
  LIST,
  /**
   * Change a link.
   */
  UPDATE,
  /**
   * Delete a link.
   */
  DELETE;

  /** {@return the lower-case name used in messages, e.g. {@code "create"}} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
