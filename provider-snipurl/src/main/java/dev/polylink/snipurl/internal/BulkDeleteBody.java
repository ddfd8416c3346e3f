package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code DELETE links/bulk}: {@code {"ids": [...]}} with 1 to 50 UUIDs. */
record BulkDeleteBody(@JsonProperty("ids") List<String> ids) {}
