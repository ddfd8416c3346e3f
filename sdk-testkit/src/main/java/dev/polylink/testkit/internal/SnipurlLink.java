package dev.polylink.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stored state of one SnipURL link. */
final class SnipurlLink {
  final UUID id;
  final String code;
  final String originalUrl;
  final long sequence;
  final Instant createdAt;
  String title;
  boolean active = true;
  String password;
  Instant expiresAt;
  long clicks;
  boolean analyticsPublic;
  List<String> analyticsSharedFields;
  Instant updatedAt;

  SnipurlLink(UUID id, String code, String originalUrl, long sequence, Instant createdAt) {
    this.id = id;
    this.code = code;
    this.originalUrl = originalUrl;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Whether {@code expires_at} has passed ({@code now > expires_at}, as the service compares). */
  boolean expired(Instant now) {
    return expiresAt != null && now.isAfter(expiresAt);
  }
}
