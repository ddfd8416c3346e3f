package dev.polylink.core;

/**
 * A field of a link that a {@link CreateLinkRequest} or a {@link LinkPatch} can touch. A
 * provider's {@link Capabilities} say which of them it can create, update and clear.
 */
public enum LinkField {
  /**
   * Where the link redirects to.
   */
  DESTINATION,
  /**
   * The short code (slug).
   */
  SLUG,
  /**
   * The title.
   */
  TITLE,
  /**
   * Whether the link redirects.
   */
  ENABLED,
  /**
   * The labels (tags).
   */
  LABELS,
  /**
   * When the link stops redirecting.
   */
  EXPIRES_AT,
  /**
   * The password visitors must enter.
   */
  PASSWORD,
  /**
   * The redirect type (301, 302, ...).
   */
  REDIRECT_TYPE
}
