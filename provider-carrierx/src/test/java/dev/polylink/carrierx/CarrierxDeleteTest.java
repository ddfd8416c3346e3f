package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code delete}: CarrierX's 204 without a body, and a missing link. */
class CarrierxDeleteTest extends CarrierxWireMockTest {

  @Test
  void deleteAccepts204WithAnEmptyBody() {
    wm.stubFor(delete(urlEqualTo(CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID))
        .withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN))
        .willReturn(aResponse().withStatus(204)));
    client.delete(LinkId.of(CarrierxFixtures.SID));
    wm.verify(1, deleteRequestedFor(urlEqualTo(CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID)));
    assertEquals(Optional.empty(), client.lastRateLimit(), "CarrierX documents no rate-limit headers");
  }

  @Test
  void deletingAMissingLinkIsANotFoundException() {
    String body = "{\"message\": \"Cannot find item by SID\"}";
    wm.stubFor(delete(urlEqualTo(CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID)).willReturn(json(404, body)));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.delete(LinkId.of(CarrierxFixtures.SID)));
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(Optional.of("Cannot find item by SID"), e.vendorMessage());
    assertEquals(body, e.responseBody());
  }
}
