package dev.polylink.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The stored state of one xQR link. */
final class XqrLink {
  final UUID id;
  final String code;
  final long sequence;
  final Instant createdAt;
  String destination;
  boolean enabled = true;
  List<String> labels = new ArrayList<>();
  List<Map<String, Object>> routingRules = new ArrayList<>();
  long scanCount;
  Instant lastScanAt;
  Instant expiresAt;
  Instant updatedAt;

  XqrLink(UUID id, String code, long sequence, Instant createdAt) {
    this.id = id;
    this.code = code;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Whether {@code expires_at} has passed: "after which the link returns 410 Gone". */
  boolean expired(Instant now) {
    return expiresAt != null && now.isAfter(expiresAt);
  }
}
