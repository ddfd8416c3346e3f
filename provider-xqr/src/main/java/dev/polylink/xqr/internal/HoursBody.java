package dev.polylink.xqr.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code hours} condition: {@code {"start": 20, "end": 6}}, whole hours in 24-hour time. */
record HoursBody(@JsonProperty("start") int start, @JsonProperty("end") int end) {}
