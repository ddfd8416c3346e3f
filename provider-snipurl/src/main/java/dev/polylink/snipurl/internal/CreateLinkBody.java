package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST links}. A {@code null} component is not sent (the shared mapper leaves
 * out nulls). {@link #toString()} masks the password.
 */
@JsonPropertyOrder({"url", "custom_alias", "title", "password", "expires_at"})
record CreateLinkBody(
    @JsonProperty("url") String url,
    @JsonProperty("custom_alias") String customAlias,
    @JsonProperty("title") String title,
    @JsonProperty("password") String password,
    @JsonProperty("expires_at") String expiresAt) {

  @Override
  public String toString() {
    return "CreateLinkBody{url=" + url + ", custom_alias=" + customAlias + ", title=" + title
        + ", password=" + (password == null ? "null" : "****") + ", expires_at=" + expiresAt + "}";
  }
}
