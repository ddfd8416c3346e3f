package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST links/bulk}: {@code {"links": [...]}} with 1 to 50 items, each the body
 * of a single create. {@link #toString()} masks the passwords (each item's own {@code toString}).
 */
record BulkCreateBody(@JsonProperty("links") List<CreateLinkBody> links) {}
