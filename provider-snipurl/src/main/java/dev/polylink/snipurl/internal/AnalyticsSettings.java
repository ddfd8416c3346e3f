package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Envelope;
import dev.polylink.snipurl.AnalyticsSection;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A link's analytics settings from {@code GET links/{id}}'s {@code data}: {@code analytics_public}
 * as {@link SnipurlOptions#analyticsPublic()}, and {@code analytics_shared_fields} as {@link
 * SnipurlOptions#sharesAllAnalyticsSections()} when it is JSON {@code null} (SnipURL's "share every
 * section") or as {@link SnipurlOptions#analyticsSharedFields()} when it is a list. A field the
 * answer leaves out stays unset. Names no {@link AnalyticsSection} has are skipped here (the server
 * stores any string); the list as received stays in {@link Link#providerFields()}.
 *
 * <p>Stricter than the link mapping on purpose: these settings are what a caller asked for by name,
 * so a value of the wrong type fails the call instead of reading as "not set".
 */
final class AnalyticsSettings {
  private static final String ID = SnipurlClient.PROVIDER_ID;

  private AnalyticsSettings() {}

  /**
   * The settings in a link object.
   *
   * @throws TransportException when {@code analytics_public} is not a boolean or {@code
   *     analytics_shared_fields} is neither null nor a list of strings
   */
  static SnipurlOptions read(JsonNode link) {
    SnipurlOptions.Builder options = SnipurlOptions.builder();
    JsonNode analyticsPublic = link.get("analytics_public");
    if (analyticsPublic != null && !analyticsPublic.isNull()) {
      if (!analyticsPublic.isBoolean()) {
        throw Envelope.unreadable(ID, Operation.GET, "analytics_public is not a boolean");
      }
      options.analyticsPublic(analyticsPublic.booleanValue());
    }
    JsonNode shared = link.get("analytics_shared_fields");
    if (shared != null && shared.isNull()) {
      options.shareAllAnalyticsSections();
    } else if (shared != null) {
      if (!shared.isArray()) {
        throw Envelope.unreadable(ID, Operation.GET, "analytics_shared_fields is neither null nor a list");
      }
      Set<AnalyticsSection> sections = EnumSet.noneOf(AnalyticsSection.class);
      for (JsonNode name : shared) {
        if (!name.isTextual()) {
          throw Envelope.unreadable(ID, Operation.GET, "analytics_shared_fields holds a value that is not a string");
        }
        AnalyticsSection.fromWireName(name.textValue()).ifPresent(sections::add);
      }
      options.analyticsSharedFields(sections);
    }
    return options.build();
  }
}
