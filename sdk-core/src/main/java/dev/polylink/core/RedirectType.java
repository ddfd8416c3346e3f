package dev.polylink.core;

/** How a short link sends visitors to its destination. */
public enum RedirectType {
  /** HTTP 301: clients and search engines may cache the destination. */
  PERMANENT,
  /** HTTP 302: every visit asks the shortener again. */
  TEMPORARY
}
