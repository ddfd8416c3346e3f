package dev.polylink.core;

/** A filter of {@link ListLinksRequest}; {@link Capabilities#listFilters()} says which a provider honours. */
public enum ListFilter {
  /** Links carrying a label. */
  LABEL,
  /** Enabled or disabled links. */
  ENABLED,
  /** A free-text search over the destination, code or title, as the vendor defines it. */
  SEARCH
}
