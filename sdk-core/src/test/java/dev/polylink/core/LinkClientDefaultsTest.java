package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The default methods of {@link LinkClient} and {@link AsyncLinkClient} that a client written
 * outside the SDK inherits: the short forms pass the defaults on and return what the full form
 * returned, and the bulk forms return each item.
 */
class LinkClientDefaultsTest {
  private static final LinkId ID = LinkId.of("abc");

  /** Implements only the abstract methods and the two-argument QR and statistics calls. */
  private static final class Minimal implements LinkClient {
    final List<Object> asked = new ArrayList<>();
    final QrCode qr = QrCode.of(QrFormat.PNG, new byte[] {1, 2, 3});
    final LinkStats stats = LinkStats.builder().linkId(ID).totalClicks(7).build();
    final RateLimitStatus status = RateLimitStatus.builder().limit(60).remaining(59).window("minute").build();

    @Override public String providerId() { return "min"; }
    final Capabilities capabilities = Capabilities.builder().operations(Operation.CREATE, Operation.UPDATE)
        .creatableFields(LinkField.DESTINATION).updatableFields(LinkField.DESTINATION).build();

    @Override public Capabilities capabilities() { return capabilities; }
    @Override public Link create(CreateLinkRequest request) { throw new UnsupportedOperationException(); }
    @Override public Link get(LinkId id) { throw new UnsupportedOperationException(); }
    @Override public Page<Link> list(ListLinksRequest request) { throw new UnsupportedOperationException(); }

    @Override
    public Link update(LinkId id, LinkPatch patch) {
      asked.add(id);
      return Link.builder().providerId("min").id(id).shortUrl(URI.create("https://s.example/" + id.value()))
          .shortCode(id.value()).build();
    }

    @Override public void delete(LinkId id) { throw new UnsupportedOperationException(); }

    @Override
    public QrCode qrCode(LinkId id, QrOptions options) {
      asked.add(options);
      return qr;
    }

    @Override
    public LinkStats stats(LinkId id, StatsRequest request) {
      asked.add(request);
      return stats;
    }

    @Override public Optional<RateLimitStatus> lastRateLimit() { return Optional.of(status); }
    @Override public void close() {}
  }

  @Test
  void theShortFormsPassTheDefaultsAndReturnTheAnswer() {
    Minimal client = new Minimal();
    assertSame(client.qr, client.qrCode(ID));
    assertSame(client.stats, client.stats(ID));
    assertEquals(List.of(QrOptions.defaults(), StatsRequest.allTime()), client.asked);
    assertEquals(List.of(client.status), client.rateLimits());
  }

  @Test
  void onePatchForManyLinksReturnsEachUpdatedLink() {
    Minimal client = new Minimal();
    LinkPatch patch = LinkPatch.builder().destination("https://example.com/new").build();
    BulkResult<Link> result = client.updateAll(List.of(LinkId.of("a"), LinkId.of("b")), patch);
    assertEquals(List.of(LinkId.of("a"), LinkId.of("b")), client.asked);
    assertEquals(2, result.succeededCount());
    assertEquals(LinkId.of("b"), result.items().get(1).value().orElseThrow().id());
  }

  @Test
  void theAsynchronousBulkUpdatesOfAClientWithoutAsyncSupportFailEachItem() throws Exception {
    AsyncLinkClient async = new Minimal().async();
    LinkPatch patch = LinkPatch.builder().destination("https://example.com/new").build();
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("a"), patch);
    BulkResult<Link> byMap = async.updateAll(patches).get();
    assertNotNull(byMap);
    assertInstanceOf(OperationNotSupportedException.class, byMap.items().get(0).failure().orElseThrow());
    BulkResult<Link> byIds = async.updateAll(List.of(LinkId.of("a"), LinkId.of("b")), patch).get();
    assertEquals(2, byIds.items().size());
    assertInstanceOf(OperationNotSupportedException.class, byIds.items().get(1).failure().orElseThrow());
  }
}
