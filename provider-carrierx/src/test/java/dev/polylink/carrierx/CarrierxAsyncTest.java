package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RequestValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link CarrierxClient#async()}: an expiry update reads {@code date_created} and then patches, as
 * two steps of one future; a forbidden proxy-pass create names the missing scope as the blocking
 * one does; checks and unsupported operations fail the future without a request.
 */
class CarrierxAsyncTest extends CarrierxWireMockTest {
  private static final LinkId ID = LinkId.of(CarrierxFixtures.SID);
  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;
  private static final Instant CREATED = Instant.parse("2024-01-18T19:26:02Z");

  @Override
  protected CarrierxClient newClient() {
    return builder().scheduledExecutorService(scheduler).rateLimit(dev.polylink.core.RateLimit.none()).build();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void anExpiryUpdateReadsTheLinkThenPatchesItsLifetime() throws Exception {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    wm.stubFor(patch(urlEqualTo(LINK))
        .withRequestBody(equalToJson("{\"maximum_ttl\": 17280001}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink().replace("\"maximum_ttl\": -1", "\"maximum_ttl\": 17280001"))));
    Link link = client.async().update(ID, LinkPatch.builder().expiresAt(CREATED.plusSeconds(17_280_000).plusMillis(500)).build())
        .get(10, TimeUnit.SECONDS);
    assertEquals(List.of("GET " + LINK, "PATCH " + LINK), requestLines());
    assertEquals(Optional.of(CREATED.plusSeconds(17_280_001)), link.expiresAt());
  }

  @Test
  void aForbiddenProxyPassCreateNamesTheMissingScope() {
    String body = "{\"message\": \"Forbidden\"}";
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS)).willReturn(json(403, body)));
    CreateLinkRequest request = CreateLinkRequest.builder().destination("http://destinationurl.com")
        .options(CarrierxOptions.builder().proxyPass(true).build()).build();
    PermissionDeniedException blocking = assertThrows(PermissionDeniedException.class, () -> client.create(request));
    PermissionDeniedException e = assertInstanceOf(PermissionDeniedException.class, failure(client.async().create(request)));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(Optional.of("Forbidden (setting mode proxy_pass needs the extra CarrierX scope"
        + " shortener.allow_link_mode_proxypass)"), e.vendorMessage());
    assertEquals(body, e.responseBody());
  }

  @Test
  void statsAreTheLinksHitsRead() throws Exception {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    LinkStats stats = client.async().stats(ID).get(10, TimeUnit.SECONDS);
    assertEquals(client.stats(ID), stats);
    assertEquals(List.of("GET " + LINK, "GET " + LINK), requestLines());
  }

  @Test
  void checksAndMissingOperationsFailTheFutureWithoutARequest() {
    RequestValidationException past = assertInstanceOf(RequestValidationException.class,
        failure(client.async().update(ID, LinkPatch.builder().expiresAt(NOW).build())));
    assertEquals(List.of("expiresAt: must be after now (2024-06-01T12:00:00Z) (was 2024-06-01T12:00:00Z)"), past.violations());
    OperationNotSupportedException qr = assertInstanceOf(OperationNotSupportedException.class,
        failure(client.async().qrCode(ID)));
    assertEquals(Operation.QR_CODE, qr.operation());
    assertInstanceOf(OperationNotSupportedException.class, failure(client.async().accountUsage()));
    assertNoRequests();
  }
}
