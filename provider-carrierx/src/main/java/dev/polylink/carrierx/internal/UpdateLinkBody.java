package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PATCH /shortener/links/{link_sid}}: exactly the fields a patch touches. A null
 * component is an absent field and is not sent. CarrierX never needs a JSON {@code null} here: the
 * only clearable field, the expiry, is cleared with {@code maximum_ttl: -1}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UpdateLinkBody(
    @JsonProperty("destination_url") String destinationUrl,
    @JsonProperty("short_name") String shortName,
    @JsonProperty("mode") String mode,
    @JsonProperty("maximum_ttl") Long maximumTtl) {}
