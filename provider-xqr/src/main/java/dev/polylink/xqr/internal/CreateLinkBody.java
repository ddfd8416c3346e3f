package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /v1/links}: {@code {url, custom_slug?, labels?, routing_rules?,
 * expires_at?}}. A {@code null} component is left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreateLinkBody(
    @JsonProperty("url") String url,
    @JsonProperty("custom_slug") String customSlug,
    @JsonProperty("labels") List<String> labels,
    @JsonProperty("routing_rules") List<RoutingRuleBody> routingRules,
    @JsonProperty("expires_at") Instant expiresAt) {}
