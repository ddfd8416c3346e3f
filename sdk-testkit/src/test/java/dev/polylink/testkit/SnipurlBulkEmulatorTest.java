package dev.polylink.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkId;
import dev.polylink.core.PermissionDeniedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnipurlClient's createAll and deleteAll against the SnipURL emulator's bulk endpoints. */
class SnipurlBulkEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension EXTENSION = EmulatorExtension.of("snipurl");

  private SnipurlEmulator snipurl;
  private LinkClient client;

  @BeforeEach
  void setUp() {
    snipurl = EXTENSION.emulator(SnipurlEmulator.class);
    // These tests are about the bulk answers and the times the emulator stamps on them: a client
    // without pacing, so that no wait at SnipURL's 60 a minute moves the emulator's clock.
    client = snipurl.clientBuilder().rateLimit(dev.polylink.core.RateLimit.none()).build();
  }

  @org.junit.jupiter.api.AfterEach
  void tearDown() {
    client.close();
  }

  private static List<CreateLinkRequest> requests(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> CreateLinkRequest.builder().destination("https://example.com/" + i).slug("bulk-" + i).build())
        .collect(Collectors.toList());
  }

  @Test
  void a120LinkCreateIsThreeRequestsOfTheRateLimitAndATakenAliasFailsAtItsIndex() {
    client.create(CreateLinkRequest.builder().destination("https://example.com/old").slug("bulk-7").build());
    List<CreateLinkRequest> requests = requests(120);
    requests.set(99, CreateLinkRequest.builder().destination("https://example.com/dup").slug("bulk-98").build());
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    snipurl.rateLimit(3, Duration.ofMinutes(1)); // one request per batch: 3 are enough for 120 links
    snipurl.wireMock().resetRequests();

    BulkResult<Link> result = client.createAll(requests);

    snipurl.wireMock().verify(3, postRequestedFor(urlPathEqualTo("/api/v1/links/bulk")));
    assertEquals(List.of(7, 99), result.failures().stream().map(BulkItem::index).toList(), result.toString());
    for (BulkItem<Link> failed : result.failures()) {
      ConflictException e = assertInstanceOf(ConflictException.class, failed.failure().orElseThrow());
      assertEquals(Optional.of("Alias already taken"), e.vendorMessage());
    }
    assertEquals(118, result.succeededCount());
    assertEquals(119, snipurl.links().size());
    Link first = result.items().get(0).value().orElseThrow();
    assertEquals("bulk-0", first.shortCode());
    assertEquals(snipurl.serverUrl() + "/bulk-0", first.shortUrl().toString());
    assertEquals(Optional.of(Instant.parse("2025-06-20T10:00:00Z")), first.createdAt());
  }

  @Test
  void aCreatedLinkCarriesNoExpiryButTheAccountDefaultGaveItOne() {
    snipurl.clock().set(Instant.parse("2025-06-20T10:00:00Z"));
    snipurl.defaultExpiryHours(24);

    Link created = client.createAll(requests(1)).values().get(0);

    assertEquals(Optional.empty(), created.expiresAt(), "the bulk answer has no expires_at: unknown, not invented");
    assertEquals(Optional.empty(), created.enabled());
    assertEquals(Optional.of(Instant.parse("2025-06-21T10:00:00Z")), client.get(created.id()).expiresAt());
    assertEquals(Optional.of(Instant.parse("2025-06-21T10:00:00Z")),
        client.create(CreateLinkRequest.builder().destination("https://example.com/single").build()).expiresAt(),
        "a single create reports the expiry the server gave it");
  }

  @Test
  void batchesThatWouldPassTheLinkLimitFailAsAWhole() {
    snipurl.linkLimit(60);
    BulkResult<Link> result;
    // One batch at a time, so that the first one is the one that fits.
    try (LinkClient oneAtATime = snipurl.clientBuilder().bulkConcurrency(1).build()) { // paced on the emulator's clock
      result = oneAtATime.createAll(requests(120));
    }

    assertEquals(50, result.succeededCount());
    for (int i = 50; i < 120; i++) {
      assertInstanceOf(PermissionDeniedException.class, result.items().get(i).failure().orElseThrow(), "item " + i);
    }
    assertEquals(50, snipurl.links().size());
  }

  @Test
  void deleteAllRemovesEveryLinkInBatchesOfFifty() {
    List<LinkId> ids = new ArrayList<>(client.createAll(requests(70)).values().stream().map(Link::id).toList());
    ids.add(LinkId.of("7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f")); // unknown: SnipURL skips it silently
    snipurl.wireMock().resetRequests();

    BulkResult<LinkId> result = client.deleteAll(ids);

    assertTrue(result.allSucceeded(), result::toString);
    assertEquals(ids, result.values());
    snipurl.wireMock().verify(2, deleteRequestedFor(urlPathEqualTo("/api/v1/links/bulk")));
    assertEquals(List.of(), snipurl.links());
  }

  @Test
  void theClientOfLinkClientsUsesTheBulkEndpointToo() {
    try (LinkClient other = LinkClients.create("snipurl", snipurl.clientConfig())) {
      assertEquals(3, other.createAll(requests(3)).succeededCount());
    }
    snipurl.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links/bulk")));
  }
}
