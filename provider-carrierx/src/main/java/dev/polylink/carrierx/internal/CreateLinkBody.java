package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /shortener/links}. Null components are not sent: {@code short_name},
 * {@code mode} and {@code maximum_ttl} appear only when the request sets them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreateLinkBody(
    @JsonProperty("destination_url") String destinationUrl,
    @JsonProperty("domain_sid") String domainSid,
    @JsonProperty("short_name") String shortName,
    @JsonProperty("mode") String mode,
    @JsonProperty("maximum_ttl") Long maximumTtl) {}
