package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code PATCH /v1/links/{link_id}}: only the fields that change. A {@code null}
 * component is an absent field and is left out of the JSON; xQR's own "remove" for labels and
 * routing rules is an empty array, which is sent as {@code []}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UpdateLinkBody(
    @JsonProperty("url") String url,
    @JsonProperty("labels") List<String> labels,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("routing_rules") List<RoutingRuleBody> routingRules) {

  /** True when the patch would send no field at all. */
  boolean isEmpty() {
    return url == null && labels == null && enabled == null && routingRules == null;
  }
}
