package dev.polylink.carrierx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polylink.carrierx.CarrierxFixtures;
import dev.polylink.core.Link;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectType;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LinkMapperTest {
  private static final Instant CREATED = Instant.parse("2024-01-18T19:26:02Z");

  private static ObjectNode documented() throws IOException {
    return (ObjectNode) Json.mapper().readTree(CarrierxFixtures.documentedLink());
  }

  private static Link map(JsonNode node) {
    return LinkMapper.toLink(Operation.GET, node);
  }

  @Test
  void aNonNegativeTtlIsAnExpiryAfterDateCreated() throws IOException {
    ObjectNode node = documented().put("maximum_ttl", 86400).put("date_accessed", "2024-01-19T08:00:00.000Z")
        .put("hits", 12).put("mode", "redirect_temporary");
    Link link = map(node);
    assertEquals(Optional.of(CREATED.plusSeconds(86400)), link.expiresAt());
    assertEquals(Optional.of(Instant.parse("2024-01-19T08:00:00Z")), link.lastClickedAt());
    assertEquals(OptionalLong.of(12), link.clicks());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
    assertEquals(Optional.of(CREATED), map(documented().put("maximum_ttl", 0)).expiresAt());
  }

  @Test
  void nothingIsInventedForMissingOrUnknownValues() throws IOException {
    ObjectNode node = documented();
    node.remove("date_created");
    node.remove("hits");
    node.remove("destination_url");
    node.put("mode", "redirect_sideways");
    node.put("maximum_ttl", 3600);
    Link link = map(node);
    assertEquals(Optional.empty(), link.createdAt());
    assertEquals(Optional.empty(), link.expiresAt(), "no date_created, no expiry");
    assertEquals(OptionalLong.empty(), link.clicks());
    assertEquals(Optional.empty(), link.destination());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals("redirect_sideways", link.providerFields().get("mode"));
  }

  @Test
  void theShortCodeFallsBackToTheUrlsLastSegment() throws IOException {
    ObjectNode node = documented();
    node.remove("short_name");
    assertEquals("eOtEtO", map(node).shortCode());
    assertEquals(URI.create("http://newdomain.com/eOtEtO"), map(node).shortUrl());
  }

  @Test
  void aLinkWithoutSidOrUrlIsUnreadable() throws IOException {
    ObjectNode noSid = documented();
    noSid.remove("link_sid");
    TransportException e = assertThrows(TransportException.class, () -> map(noSid));
    assertEquals(Operation.GET, e.operation());
    assertTrue(e.getMessage().contains("link_sid"), e.getMessage());
    ObjectNode noUrl = documented();
    noUrl.putNull("url");
    assertThrows(TransportException.class, () -> map(noUrl));
    assertThrows(TransportException.class, () -> map(Json.mapper().readTree("[]")));
    assertThrows(TransportException.class, () -> map(null));
  }

  @Test
  void timestampsInOtherIsoFormsAreRead() {
    assertEquals(Optional.of(CREATED), dateCreated("2024-01-18T19:26:02.000Z"));
    assertEquals(Optional.of(CREATED), dateCreated("2024-01-18T19:26:02+00:00"));
    assertEquals(Optional.of(CREATED), dateCreated("2024-01-18T21:26:02.000+02:00"));
    assertEquals(Optional.of(CREATED), dateCreated("2024-01-18 19:26:02"));
    assertEquals(Optional.empty(), dateCreated("yesterday"));
    assertEquals(Optional.empty(), dateCreated(""));
  }

  /** The {@code date_created} CarrierX's mapper reads from a link object with this value. */
  private static Optional<Instant> dateCreated(String value) {
    return LinkMapper.createdAt(Json.mapper().createObjectNode().put("date_created", value));
  }
}
