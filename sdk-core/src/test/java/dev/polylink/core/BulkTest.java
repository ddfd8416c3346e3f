package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkTest {
  /** A client that creates in memory and records each request it would send. */
  static final class Recording implements LinkClient {
    final List<String> sent = new ArrayList<>();
    final Capabilities capabilities = Capabilities.builder()
        .operations(Operation.CREATE, Operation.UPDATE, Operation.DELETE)
        .creatableFields(LinkField.DESTINATION, LinkField.SLUG)
        .updatableFields(LinkField.DESTINATION)
        .bulk(Operation.CREATE, 100)
        .build();

    @Override public String providerId() { return "rec"; }
    @Override public Capabilities capabilities() { return capabilities; }

    @Override
    public Link create(CreateLinkRequest request) {
      String slug = request.slug().orElse("x" + sent.size());
      sent.add("create " + slug);
      if (slug.equals("taken")) {
        throw new ConflictException(providerId(), Operation.CREATE, 409, "SLUG_TAKEN", "taken", null, null, "");
      }
      return link(slug);
    }

    @Override public Link get(LinkId id) { throw new UnsupportedOperationException(); }
    @Override public Page<Link> list(ListLinksRequest request) { throw new UnsupportedOperationException(); }

    @Override
    public Link update(LinkId id, LinkPatch patch) {
      sent.add("update " + id.value());
      return link(id.value());
    }

    @Override
    public void delete(LinkId id) {
      sent.add("delete " + id.value());
      if (id.value().equals("gone")) {
        throw new NotFoundException(providerId(), Operation.DELETE, 404, "NOT_FOUND", "no such link", null, null, "");
      }
    }

    @Override public Optional<RateLimitStatus> lastRateLimit() { return Optional.empty(); }
    @Override public void close() {}

    private Link link(String code) {
      return Link.builder().providerId("rec").id(LinkId.of(code))
          .shortUrl(URI.create("https://s.example/" + code)).shortCode(code).build();
    }
  }

  private static CreateLinkRequest create(String slug) {
    return CreateLinkRequest.builder().destination("https://example.com/" + slug).slug(slug).build();
  }

  @Test
  void keepsOrderAndFailsOnlyTheItemThatFailed() {
    Recording client = new Recording();
    BulkResult<Link> result = client.createAll(List.of(create("a"), create("taken"), create("c")));

    assertEquals(List.of("create a", "create taken", "create c"), client.sent);
    assertEquals(3, result.items().size());
    assertEquals(2, result.succeededCount());
    assertEquals(1, result.failedCount());
    assertFalse(result.allSucceeded());
    assertEquals("a", result.items().get(0).value().orElseThrow().shortCode());
    assertInstanceOf(ConflictException.class, result.items().get(1).failure().orElseThrow());
    assertEquals("c", result.items().get(2).value().orElseThrow().shortCode());
    assertEquals(List.of(1), result.failures().stream().map(BulkItem::index).toList());
  }

  @Test
  void invalidItemsFailAloneBeforeAnyRequest() {
    Recording client = new Recording();
    CreateLinkRequest titled = CreateLinkRequest.builder().destination("https://example.com/t").title("no titles here").build();

    BulkResult<Link> onlyInvalid = client.createAll(List.of(titled, titled));
    assertEquals(List.of(), client.sent);
    assertEquals(2, onlyInvalid.failedCount());
    assertInstanceOf(UnsupportedFieldException.class, onlyInvalid.items().get(0).failure().orElseThrow());

    BulkResult<Link> mixed = client.createAll(List.of(titled, create("b")));
    assertEquals(List.of("create b"), client.sent);
    assertEquals(1, mixed.succeededCount());
    assertTrue(mixed.items().get(1).succeeded());
  }

  @Test
  void updatesEachWithItsOwnPatchOrOnePatchForMany() {
    Recording client = new Recording();
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("p"), LinkPatch.builder().destination("https://example.com/1").build());
    patches.put(LinkId.of("q"), LinkPatch.builder().title("cannot").build());
    patches.put(LinkId.of("r"), LinkPatch.builder().destination("https://example.com/3").build());

    BulkResult<Link> own = client.updateAll(patches);
    assertEquals(List.of("update p", "update r"), client.sent);
    assertInstanceOf(UnsupportedFieldException.class, own.items().get(1).failure().orElseThrow());

    client.sent.clear();
    BulkResult<Link> empty = client.updateAll(List.of(LinkId.of("s"), LinkId.of("t")), LinkPatch.builder().build());
    assertEquals(List.of(), client.sent);
    assertEquals(2, empty.failedCount());
    assertInstanceOf(RequestValidationException.class, empty.items().get(0).failure().orElseThrow());
  }

  @Test
  void deleteAllReportsEachId() {
    Recording client = new Recording();
    BulkResult<LinkId> result = client.deleteAll(List.of(LinkId.of("a"), LinkId.of("gone"), LinkId.of("b")));
    assertEquals(List.of(LinkId.of("a"), LinkId.of("b")), result.values());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
  }

  @Test
  void capabilitiesSayWhereANativeBulkEndpointExists() {
    Capabilities capabilities = new Recording().capabilities();
    assertEquals(Optional.of(BulkSupport.of(100)), capabilities.bulk(Operation.CREATE));
    assertEquals(Optional.empty(), capabilities.bulk(Operation.DELETE));
    assertThrows(RequestValidationException.class, () -> BulkSupport.of(0));
    assertThrows(RequestValidationException.class, () -> Capabilities.builder()
        .operations(Operation.CREATE).creatableFields(LinkField.DESTINATION).bulk(Operation.DELETE, 50).build());
  }

  @Test
  void itemHoldsAValueOrAFailure() {
    BulkItem<String> ok = BulkItem.success(0, "v");
    assertTrue(ok.succeeded());
    assertEquals(List.of("V"), BulkResult.of(List.of(ok)).map(String::toUpperCase).values());
    assertThrows(IllegalStateException.class, () -> BulkResult.of(List.of(BulkItem.success(1, "v"))));
  }
}
