package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@link AsyncBulk}'s client entry points: each checks its items, then sends the valid ones. */
class AsyncBulkClientTest {
  /** Updates and deletes complete at once; the id {@code gone} is not found. */
  private static final class Client implements AsyncLinkClient {
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    @Override public String providerId() { return "async"; }

    @Override public Capabilities capabilities() {
      return Capabilities.builder().operations(Operation.CREATE, Operation.UPDATE, Operation.DELETE)
          .creatableFields(LinkField.DESTINATION).updatableFields(LinkField.TITLE).build();
    }

    @Override public CompletableFuture<Link> create(CreateLinkRequest request) {
      sent.add("create " + request.destination());
      return CompletableFuture.completedFuture(link("c"));
    }

    @Override public CompletableFuture<Link> get(LinkId id) { throw new UnsupportedOperationException(); }

    @Override public CompletableFuture<Page<Link>> list(ListLinksRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override public CompletableFuture<Link> update(LinkId id, LinkPatch patch) {
      sent.add("update " + id.value());
      return id.value().equals("gone") ? CompletableFuture.failedFuture(notFound())
          : CompletableFuture.completedFuture(link(id.value()));
    }

    @Override public CompletableFuture<Void> delete(LinkId id) {
      sent.add("delete " + id.value());
      return id.value().equals("gone") ? CompletableFuture.failedFuture(notFound())
          : CompletableFuture.completedFuture(null);
    }

    private NotFoundException notFound() {
      return new NotFoundException("async", Operation.UPDATE, 404, "NOT_FOUND", "no such link", null, null, "");
    }

    private static Link link(String code) {
      return Link.builder().providerId("async").id(LinkId.of(code))
          .shortUrl(URI.create("https://s.example/" + code)).shortCode(code).build();
    }
  }

  private static final LinkPatch TITLE = LinkPatch.builder().title("t").build();
  private static final LinkPatch DESTINATION = LinkPatch.builder().destination("https://example.com/x").build();

  @Test
  void updateAllByMapChecksEveryPatchThenSendsTheValidOnes() {
    Client client = new Client();
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("1"), TITLE);
    patches.put(LinkId.of("2"), DESTINATION);
    patches.put(LinkId.of("gone"), TITLE);
    BulkResult<Link> result = AsyncBulk.updateAll(client, patches, 2).join();
    assertEquals(List.of("update 1", "update gone"), client.sent);
    assertEquals("1", result.items().get(0).value().orElseThrow().id().value());
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(2).failure().orElseThrow());
  }

  @Test
  void updateAllByIdsSendsTheOnePatchToEveryIdOrNoneWhenItIsInvalid() {
    Client client = new Client();
    BulkResult<Link> result = AsyncBulk.updateAll(client, List.of(LinkId.of("1"), LinkId.of("2")), TITLE, 4).join();
    assertEquals(List.of("update 1", "update 2"), client.sent);
    assertEquals(List.of("1", "2"), result.values().stream().map(l -> l.id().value()).toList());
    Client refused = new Client();
    BulkResult<Link> none = AsyncBulk.updateAll(refused, List.of(LinkId.of("1")), LinkPatch.builder().build(), 4).join();
    assertEquals(List.of(), refused.sent);
    assertInstanceOf(RequestValidationException.class, none.items().get(0).failure().orElseThrow());
  }

  @Test
  void deleteAllGivesEachIdBackOrItsFailure() {
    Client client = new Client();
    BulkResult<LinkId> result = AsyncBulk.deleteAll(client, List.of(LinkId.of("1"), LinkId.of("gone")), 1).join();
    assertEquals(List.of("delete 1", "delete gone"), client.sent);
    assertEquals(LinkId.of("1"), result.items().get(0).value().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
  }

  @Test
  void createAllChecksTheCapabilities() {
    Client client = new Client();
    BulkResult<Link> result = AsyncBulk.createAll(client, List.of(
        CreateLinkRequest.builder().destination("https://example.com/a").build(),
        CreateLinkRequest.builder().destination("https://example.com/b").title("no titles").build()), 2).join();
    assertEquals(List.of("create https://example.com/a"), client.sent);
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow());
  }

  @Test
  void aMissingArgumentFailsTheFutureNamingIt() {
    Client client = new Client();
    assertNpe("patches", AsyncBulk.updateAll(client, null, 1));
    assertNpe("ids", AsyncBulk.updateAll(client, null, TITLE, 1));
    assertNpe("patch", AsyncBulk.updateAll(client, List.of(LinkId.of("1")), null, 1));
    assertNpe("ids", AsyncBulk.deleteAll(client, null, 1));
    assertNpe("items", AsyncBulk.run("async", Operation.CREATE, null, i -> { }, i -> CompletableFuture.completedFuture(i), 1));
    assertEquals(List.of(), client.sent);
  }

  @Test
  void aWrappedPolylinkExceptionFailsItsItemAlone() {
    NotFoundException gone = new NotFoundException("async", Operation.GET, 404, null, "gone", null, null, "");
    BulkResult<String> result = AsyncBulk.run("async", Operation.CREATE, List.of(0, 1, 2), i -> { }, (Integer i) -> i == 0
        ? CompletableFuture.<String>failedFuture(gone).thenApply(s -> s)
        : i == 1 ? CompletableFuture.<String>failedFuture(new java.util.concurrent.ExecutionException(gone))
        : CompletableFuture.completedFuture("two"), 1).join();
    assertSame(gone, result.items().get(0).failure().orElseThrow());
    assertSame(gone, result.items().get(1).failure().orElseThrow());
    assertEquals(List.of("two"), result.values());
  }

  @Test
  void aCheckedFailureFailsTheBulkAndCancelsTheItemsStillInFlight() {
    List<CompletableFuture<String>> started = new ArrayList<>();
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("async", Operation.CREATE, List.of(0, 1, 2), i -> { }, (Integer i) -> {
      CompletableFuture<String> f = new CompletableFuture<>();
      started.add(f);
      return f;
    }, 2);
    java.io.IOException io = new java.io.IOException("io");
    started.get(0).completeExceptionally(io);
    CompletionException e = assertThrows(CompletionException.class, result::join);
    assertSame(io, e.getCause());
    assertTrue(started.get(1).isCancelled(), "the other item in flight is cancelled");
    assertEquals(2, started.size(), "nothing more starts");
  }

  private static void assertNpe(String name, CompletableFuture<?> future) {
    CompletionException e = assertThrows(CompletionException.class, future::join);
    assertEquals(name, assertInstanceOf(NullPointerException.class, e.getCause()).getMessage());
  }
}
