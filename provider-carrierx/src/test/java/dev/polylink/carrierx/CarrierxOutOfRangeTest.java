package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Values outside what the model can hold (issue 11, item 8): an answer that cannot be represented
 * is a {@link TransportException}, an input that cannot be sent a {@link RequestValidationException}
 * before any request; never an ArithmeticException, DateTimeException or a truncated number.
 */
class CarrierxOutOfRangeTest extends CarrierxWireMockTest {
  private static final LinkId ID = LinkId.of(CarrierxFixtures.SID);
  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;

  private static String linkWith(String field, String json) {
    return CarrierxFixtures.documentedLink().replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + json);
  }

  @Test
  void aMaximumTtlBeyondEveryInstantIsATransportException() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, linkWith("maximum_ttl", "9223372036854775807"))));
    TransportException e = assertThrows(TransportException.class, () -> client.get(ID));
    assertEquals(Operation.GET, e.operation());
    assertTrue(e.getMessage().contains("maximum_ttl 9223372036854775807"), e.getMessage());
  }

  @Test
  void numbersBeyondALongAreATransportExceptionNotATruncatedValue() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, linkWith("maximum_ttl", "18446744073709551616"))));
    TransportException ttl = assertThrows(TransportException.class, () -> client.get(ID));
    assertTrue(ttl.getMessage().contains("maximum_ttl 18446744073709551616 does not fit"), ttl.getMessage());

    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, linkWith("hits", "18446744073709551617"))));
    TransportException hits = assertThrows(TransportException.class, () -> client.get(ID));
    assertTrue(hits.getMessage().contains("hits 18446744073709551617 does not fit"), hits.getMessage());
  }

  @Test
  void aListOffsetOrTotalBeyondALongIsATransportException() {
    String page = "{\"count\": 1, \"has_more\": true, \"items\": [" + CarrierxFixtures.documentedLink()
        + "], \"limit\": 1, \"offset\": %s, \"pagination\": {}, \"total\": %s}";
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, String.format(page, "9223372036854775807", "null"))));
    assertThrows(TransportException.class, () -> client.list(ListLinksRequest.builder().build()));
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, String.format(page, "0", "99999999999999999999"))));
    TransportException total = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.builder().build()));
    assertTrue(total.getMessage().endsWith("total 99999999999999999999 does not fit a 64-bit integer"), total.getMessage());
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, String.format(page, "-1", "null"))));
    TransportException negative = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.builder().build()));
    assertTrue(negative.getMessage().endsWith("offset -1 is not a position in a list"), negative.getMessage());
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, String.format(page, "9223372036854775806", "null"))));
    assertEquals(java.util.Optional.of("9223372036854775807"), client.list(ListLinksRequest.builder().build()).nextCursor(),
        "the last offset a long can hold is still a position");
  }

  @Test
  void instantsThatCannotBeSentAreRejectedBeforeAnyRequest() {
    for (Instant bad : new Instant[] {Instant.MAX, Instant.MIN}) {
      assertThrows(RequestValidationException.class, () -> client.create(
          CreateLinkRequest.builder().destination("https://example.com/").expiresAt(bad).build()));
      RequestValidationException update = assertThrows(RequestValidationException.class,
          () -> client.update(ID, LinkPatch.builder().expiresAt(bad).build()));
      assertTrue(update.violations().get(0).startsWith("expiresAt: "), update.violations().toString());
      assertThrows(RequestValidationException.class,
          () -> client.replace(ID, LinkPatch.builder().expiresAt(bad).build()));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
