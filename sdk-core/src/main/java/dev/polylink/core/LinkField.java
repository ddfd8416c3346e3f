package dev.polylink.core;

/**
 * A field of a link that a {@link CreateLinkRequest} or a {@link LinkPatch} can touch. A
 * provider's {@link Capabilities} say which of them it can create, update and clear.
 */
public enum LinkField {
  DESTINATION,
  SLUG,
  TITLE,
  ENABLED,
  LABELS,
  EXPIRES_AT,
  PASSWORD,
  REDIRECT_TYPE
}
