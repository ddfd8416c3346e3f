package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.Page;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.StatsRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncClients}: every method reaches the provider's matching operation and hands its value
 * back; the bulk methods use the provider's {@link AsyncClients.BulkOperations} when it has them,
 * else the single operations.
 */
class AsyncClientsTest {
  private static final Capabilities CAPS = Capabilities.builder()
      .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE)
      .creatableFields(LinkField.DESTINATION).updatableFields(LinkField.DESTINATION).build();

  private final HttpTransport transport = HttpTransport.builder("p").baseUrl("http://127.0.0.1:9/")
      .authorization("Bearer k").futureCompletionExecutor(Runnable::run).build();

  @AfterEach
  void close() {
    transport.close();
  }

  private static Link link(String code) {
    return Link.builder().providerId("p").id(LinkId.of(code)).shortUrl(URI.create("https://s.example/" + code))
        .shortCode(code).build();
  }

  private static final CreateLinkRequest CREATE = CreateLinkRequest.builder().destination(URI.create("https://d.example/")).build();
  private static final LinkPatch PATCH = LinkPatch.builder().destination(URI.create("https://e.example/")).build();

  /** Single operations that answer with a link named after the call. */
  static class Single implements AsyncClients.Operations {
    final List<String> calls = new ArrayList<>();

    @Override
    public CompletableFuture<Link> createAsync(CreateLinkRequest request) {
      calls.add("create");
      return CompletableFuture.completedFuture(link("created"));
    }

    @Override
    public CompletableFuture<Link> getAsync(LinkId id) {
      calls.add("get " + id.value());
      return CompletableFuture.completedFuture(link(id.value()));
    }

    @Override
    public CompletableFuture<Page<Link>> listAsync(ListLinksRequest request) {
      calls.add("list");
      return CompletableFuture.completedFuture(Page.of(List.of(link("l")), java.util.Optional.empty(), java.util.OptionalLong.empty()));
    }

    @Override
    public CompletableFuture<Link> updateAsync(LinkId id, LinkPatch patch) {
      calls.add("update " + id.value());
      return CompletableFuture.completedFuture(link("u" + id.value()));
    }

    @Override
    public CompletableFuture<Void> deleteAsync(LinkId id) {
      calls.add("delete " + id.value());
      return CompletableFuture.completedFuture(null);
    }
  }

  /** With the extras and native bulk operations. */
  static final class Full extends Single implements AsyncClients.BulkOperations {
    static final QrCode QR = QrCode.of(QrFormat.SVG, new byte[] {1, 2});
    static final LinkStats STATS = LinkStats.builder().linkId(LinkId.of("s")).build();
    static final AccountUsage USAGE = AccountUsage.builder().plan("gold").build();
    static final BulkResult<Link> CREATED = BulkResult.of(List.of(BulkItem.success(0, link("bulk"))));
    static final BulkResult<Link> UPDATED = BulkResult.of(List.of(BulkItem.success(0, link("bulku"))));
    static final BulkResult<LinkId> DELETED = BulkResult.of(List.of(BulkItem.success(0, LinkId.of("bulkd"))));
    List<Map.Entry<LinkId, LinkPatch>> lastPatches;
    Collection<LinkId> lastIds;
    RuntimeException throwOnBulk;

    @Override
    public CompletableFuture<QrCode> qrCodeAsync(String providerId, LinkId id, QrOptions options) {
      calls.add("qr " + providerId + " " + id.value());
      return CompletableFuture.completedFuture(QR);
    }

    @Override
    public CompletableFuture<LinkStats> statsAsync(String providerId, LinkId id, StatsRequest request) {
      calls.add("stats " + providerId + " " + id.value());
      return CompletableFuture.completedFuture(STATS);
    }

    @Override
    public CompletableFuture<AccountUsage> accountUsageAsync(String providerId) {
      calls.add("usage " + providerId);
      return CompletableFuture.completedFuture(USAGE);
    }

    @Override
    public CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
      if (throwOnBulk != null) {
        throw throwOnBulk;
      }
      calls.add("createAll " + requests.size());
      return CompletableFuture.completedFuture(CREATED);
    }

    @Override
    public CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
      calls.add("updateAll " + patches.size());
      lastPatches = patches;
      return CompletableFuture.completedFuture(UPDATED);
    }

    @Override
    public CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
      calls.add("deleteAll " + ids.size());
      lastIds = ids;
      return CompletableFuture.completedFuture(DELETED);
    }
  }

  /** A provider's own client type, reaching its operations for an extra. */
  static final class Typed extends AsyncClients.Client<Full> {
    Typed(HttpTransport transport, Full operations) {
      super("p", CAPS, transport, operations);
    }

    CompletableFuture<String> extra() {
      return operation(Operation.GET, () -> CompletableFuture.completedFuture(operations().calls.size() + " calls"));
    }
  }

  @Test
  void identityAndSingleOperations() {
    Single ops = new Single();
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, ops);
    assertEquals("p", client.providerId());
    assertSame(CAPS, client.capabilities());
    assertEquals("AsyncLinkClient{p}", client.toString());
    assertEquals("created", client.create(CREATE).join().shortCode());
    assertEquals("g", client.get(LinkId.of("g")).join().shortCode());
    assertEquals("l", client.list(ListLinksRequest.defaults()).join().items().get(0).shortCode());
    assertEquals("uk", client.update(LinkId.of("k"), PATCH).join().shortCode());
    assertEquals(null, client.delete(LinkId.of("k")).join());
    assertEquals(List.of("create", "get g", "list", "update k", "delete k"), ops.calls);
  }

  @Test
  void extrasAreNotSupportedByDefault() {
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, new Single());
    assertEquals(Operation.QR_CODE, notSupported(client.qrCode(LinkId.of("a"), QrOptions.defaults())).operation());
    assertEquals(Operation.STATS, notSupported(client.stats(LinkId.of("a"), StatsRequest.allTime())).operation());
    assertEquals(Operation.ACCOUNT_USAGE, notSupported(client.accountUsage()).operation());
  }

  private static OperationNotSupportedException notSupported(CompletableFuture<?> future) {
    CompletionException e = assertThrows(CompletionException.class, future::join);
    OperationNotSupportedException cause = assertInstanceOf(OperationNotSupportedException.class, e.getCause());
    assertEquals("p", cause.providerId());
    return cause;
  }

  @Test
  void extrasReachTheProvidersOperations() {
    Full ops = new Full();
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, ops);
    assertSame(Full.QR, client.qrCode(LinkId.of("a"), QrOptions.defaults()).join());
    assertSame(Full.STATS, client.stats(LinkId.of("b"), StatsRequest.allTime()).join());
    assertSame(Full.USAGE, client.accountUsage().join());
    assertEquals(List.of("qr p a", "stats p b", "usage p"), ops.calls);
  }

  @Test
  void bulkMethodsUseTheProvidersBulkOperations() {
    Full ops = new Full();
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, ops);
    assertSame(Full.CREATED, client.createAll(List.of(CREATE, CREATE)).join());
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("x"), PATCH);
    patches.put(LinkId.of("y"), PATCH);
    assertSame(Full.UPDATED, client.updateAll(patches).join());
    assertEquals(List.of(LinkId.of("x"), LinkId.of("y")), keys(ops.lastPatches));
    assertSame(Full.UPDATED, client.updateAll(List.of(LinkId.of("z")), PATCH).join());
    assertEquals(List.of(LinkId.of("z")), keys(ops.lastPatches));
    assertSame(PATCH, ops.lastPatches.get(0).getValue());
    List<LinkId> ids = List.of(LinkId.of("d"));
    assertSame(Full.DELETED, client.deleteAll(ids).join());
    assertSame(ids, ops.lastIds);
    assertEquals(List.of("createAll 2", "updateAll 2", "updateAll 1", "deleteAll 1"), ops.calls);
  }

  private static List<LinkId> keys(List<Map.Entry<LinkId, LinkPatch>> entries) {
    List<LinkId> keys = new ArrayList<>();
    entries.forEach(e -> keys.add(e.getKey()));
    return keys;
  }

  @Test
  void aBulkOperationThatThrowsFailsTheFuture() {
    Full ops = new Full();
    ops.throwOnBulk = new IllegalStateException("boom");
    CompletableFuture<BulkResult<Link>> future = AsyncClients.of("p", CAPS, transport, ops).createAll(List.of(CREATE));
    CompletionException e = assertThrows(CompletionException.class, future::join);
    assertSame(ops.throwOnBulk, e.getCause());
  }

  @Test
  void nullBulkArgumentsFailTheFutureWithTheirName() {
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, new Full());
    assertEquals("patches", nullPointer(client.updateAll((Map<LinkId, LinkPatch>) null)));
    assertEquals("ids", nullPointer(client.updateAll((Collection<LinkId>) null, PATCH)));
    assertEquals("ids", nullPointer(client.deleteAll(null)));
  }

  private static String nullPointer(CompletableFuture<?> future) {
    CompletionException e = assertThrows(CompletionException.class, future::join);
    return assertInstanceOf(NullPointerException.class, e.getCause()).getMessage();
  }

  @Test
  void withoutBulkOperationsTheSingleOnesRunPerItem() {
    Single ops = new Single();
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, ops);
    assertEquals(List.of("created", "created"), codes(client.createAll(List.of(CREATE, CREATE)).join()));
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("x"), PATCH);
    assertEquals(List.of("ux"), codes(client.updateAll(patches).join()));
    assertEquals(List.of("uy"), codes(client.updateAll(List.of(LinkId.of("y")), PATCH).join()));
    assertEquals(List.of(LinkId.of("d")), client.deleteAll(List.of(LinkId.of("d"))).join().values());
    assertEquals(List.of("create", "create", "update x", "update y", "delete d"), ops.calls);
  }

  private static List<String> codes(BulkResult<Link> result) {
    List<String> codes = new ArrayList<>();
    result.values().forEach(l -> codes.add(l.shortCode()));
    return codes;
  }

  @Test
  void aProvidersOwnClientReachesItsOperations() {
    Full ops = new Full();
    Typed client = new Typed(transport, ops);
    client.get(LinkId.of("a")).join();
    assertEquals("1 calls", client.extra().join());
  }

  @Test
  void withoutBulkOperationsAnInvalidPatchFailsItsItemsWithoutSendingThem() {
    Single ops = new Single();
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, ops);
    LinkPatch title = LinkPatch.builder().title("t").build();
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of("x"), title);
    patches.put(LinkId.of("y"), PATCH);
    BulkResult<Link> mixed = client.updateAll(patches).join();
    assertEquals(1, mixed.failedCount());
    assertEquals(0, mixed.failures().get(0).index());
    assertEquals(List.of("uy"), codes(mixed));
    BulkResult<Link> none = client.updateAll(List.of(LinkId.of("a"), LinkId.of("b")), title).join();
    assertEquals(2, none.failedCount());
    assertEquals(List.of("update y"), ops.calls);
  }

  @Test
  void withoutBulkOperationsNullArgumentsFailTheFutureWithTheirName() {
    AsyncLinkClient client = AsyncClients.of("p", CAPS, transport, new Single());
    assertEquals("patches", nullPointer(client.updateAll((Map<LinkId, LinkPatch>) null)));
    assertEquals("ids", nullPointer(client.updateAll((Collection<LinkId>) null, PATCH)));
    assertEquals("patch", nullPointer(client.updateAll(List.of(LinkId.of("a")), null)));
    assertEquals("ids", nullPointer(client.deleteAll(null)));
    assertEquals("items", nullPointer(client.createAll(null)));
  }
}
