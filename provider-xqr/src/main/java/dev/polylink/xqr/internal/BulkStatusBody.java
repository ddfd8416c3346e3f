package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code PATCH /v1/links/bulk/status}: {@code {"ids": [<uuid>...], "enabled": bool}}, 1 to 200 ids. */
record BulkStatusBody(@JsonProperty("ids") List<String> ids, @JsonProperty("enabled") boolean enabled) {}
