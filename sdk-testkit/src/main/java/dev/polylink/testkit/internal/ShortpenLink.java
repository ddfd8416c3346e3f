package dev.polylink.testkit.internal;

import java.time.Instant;
import java.util.Map;

/** The stored state of one ShortPen link. A soft-deleted link keeps its state and a {@link #deletedAt}. */
final class ShortpenLink {
  final long id;
  final Instant createdAt;
  String slug;
  String url;
  String title;
  Map<String, String> params;
  String qr;
  int redirectType = 301;
  long domainId;
  long workspaceId;
  Long folderId;
  Long pixelId;
  boolean linkCloak;
  boolean hideReferer;
  String password;
  String socialTitle;
  String socialDescription;
  String socialImage;
  int red = 0;
  int green = 0;
  int blue = 0;
  String logoType = "none";
  String logoData;
  Instant updatedAt;
  Instant deletedAt;

  ShortpenLink(long id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  boolean live() {
    return deletedAt == null;
  }
}
