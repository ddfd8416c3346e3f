package dev.polylink.carrierx.internal;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.StatsRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CarrierX's only analytics: a link's {@code hits} (the total) and {@code date_accessed} (the last
 * click), read from the link object itself. There is no per-day or per-dimension breakdown and no
 * date range.
 */
public final class CarrierxStats {
  private CarrierxStats() {}

  /** The statistics of a link just read. */
  public static LinkStats of(LinkId id, StatsRequest request, Link link) {
    LinkStats.Builder stats = LinkStats.builder().linkId(id).request(request);
    link.clicks().ifPresent(stats::totalClicks);
    link.lastClickedAt().ifPresent(stats::lastClickedAt);
    Map<String, Object> raw = new LinkedHashMap<>();
    for (String field : new String[] {"hits", "date_accessed"}) {
      Object value = link.providerFields().get(field);
      if (value != null) {
        raw.put(field, value);
      }
    }
    return stats.providerFields(raw).build();
  }
}
