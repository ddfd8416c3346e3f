package dev.polylink.testkit.internal;

import java.time.Instant;
import java.util.UUID;

/** The stored state of one CarrierX link. */
final class CarrierxLink {
  final UUID sid;
  final UUID domainSid;
  final long sequence;
  final Instant createdAt;
  String destinationUrl;
  String shortName;
  String mode = "redirect_temporary";
  long maximumTtl = -1;
  long hits;
  Instant accessedAt;

  CarrierxLink(UUID sid, UUID domainSid, long sequence, Instant createdAt) {
    this.sid = sid;
    this.domainSid = domainSid;
    this.sequence = sequence;
    this.createdAt = createdAt;
  }

  /** Whether the lifetime of {@code maximum_ttl} seconds from {@code date_created} is over. */
  boolean expired(Instant now) {
    return maximumTtl >= 0 && !now.isBefore(createdAt.plusSeconds(maximumTtl));
  }
}
