package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code POST /v1/links/bulk}: {@code {"links": [<create body>...]}}, 1 to 100 items. */
record BulkCreateBody(@JsonProperty("links") List<CreateLinkBody> links) {}
