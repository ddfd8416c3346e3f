package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.polylink.core.spi.JsonNullable;
import java.util.List;

/**
 * The body of {@code PATCH links/{id}}, tri-state per field: {@code JsonNullable.undefined()} is
 * not sent, {@code JsonNullable.of(null)} is sent as {@code null} (SnipURL's "remove" for {@code
 * password} and {@code expires_at}, "share all" for {@code analytics_shared_fields}), and any other
 * value as itself. {@link #toString()} masks the password.
 */
@JsonPropertyOrder({"title", "is_active", "password", "expires_at", "analytics_public", "analytics_shared_fields"})
record UpdateLinkBody(
    @JsonProperty("title") JsonNullable<String> title,
    @JsonProperty("is_active") JsonNullable<Boolean> isActive,
    @JsonProperty("password") JsonNullable<String> password,
    @JsonProperty("expires_at") JsonNullable<String> expiresAt,
    @JsonProperty("analytics_public") JsonNullable<Boolean> analyticsPublic,
    @JsonProperty("analytics_shared_fields") JsonNullable<List<String>> analyticsSharedFields) {

  @Override
  public String toString() {
    String shownPassword =
        !password.isPresent() ? "undefined" : password.get() == null ? "null" : "****";
    return "UpdateLinkBody{title=" + title + ", is_active=" + isActive + ", password=" + shownPassword
        + ", expires_at=" + expiresAt + ", analytics_public=" + analyticsPublic
        + ", analytics_shared_fields=" + analyticsSharedFields + "}";
  }
}
