package dev.polylink.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.polylink.core.BadRequestException;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.BulkSupport;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of the bulk operations ({@code createAll}, {@code updateAll}, {@code deleteAll}),
 * with expectations derived from {@link Capabilities#bulk(Operation)}: an operation with a native
 * bulk endpoint of batch size {@code B} sends {@code B + 1} items in exactly 2 requests, and a
 * batch the vendor refuses as a whole (400, never retried) fails each of its items with that one
 * exception; an operation without one sends one request per item. Invalid items (an uncreatable
 * field, a malformed id) fail alone, before any request. {@link LinkClientContractTest} implements
 * it, so every provider's contract test runs it.
 *
 * <p>The one native bulk update any vendor has (xQR's bulk status) sets the enabled state, so a
 * provider that declares {@code bulk(UPDATE)} is exercised with an enabled-only patch.
 */
public interface BulkContract extends FeatureContract {
  /** A create request the provider accepts. */
  CreateLinkRequest bulkSampleCreate();

  /** A patch the provider accepts. */
  LinkPatch bulkSamplePatch();

  private Capabilities bulkCapabilities() {
    return featureClient().capabilities();
  }

  private int requestCount() {
    return featureWireMock().getAllServeEvents().size();
  }

  /** How many items a bulk test sends, and how many requests that must take. */
  private int[] itemsAndRequests(Operation operation) {
    Optional<BulkSupport> bulk = bulkCapabilities().bulk(operation);
    return bulk.map(b -> new int[] {b.maxBatchSize() + 1, 2}).orElse(new int[] {3, 3});
  }

  private <T> void assertBatchedFailures(Operation operation, BulkResult<T> result, int items) {
    assertEquals(items, result.items().size());
    assertEquals(items, result.failedCount());
    for (int i = 0; i < items; i++) {
      BulkItem<T> item = result.items().get(i);
      assertEquals(i, item.index());
      assertInstanceOf(BadRequestException.class, item.failure().orElseThrow(), item.toString());
    }
    PolylinkException first = result.items().get(0).failure().get();
    PolylinkException last = result.items().get(items - 1).failure().get();
    Optional<BulkSupport> bulk = bulkCapabilities().bulk(operation);
    if (bulk.isPresent()) {
      // the first batch's items share its one failure; the last item was a batch of its own
      assertSame(first, result.items().get(bulk.get().maxBatchSize() - 1).failure().get());
      assertNotSame(first, last);
    } else {
      assertNotSame(first, result.items().get(1).failure().get());
    }
  }

  private void refuseEverything() {
    featureWireMock().resetAll();
    featureWireMock().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{}")));
  }

  private static <T> List<T> times(int n, IntFunction<T> item) {
    List<T> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(item.apply(i));
    }
    return items;
  }

  @TestFactory
  default Stream<DynamicTest> bulkOperationsUseTheDeclaredBatchSizes() {
    Capabilities capabilities = bulkCapabilities();
    for (Operation operation : capabilities.bulkOperations().keySet()) {
      assertTrue(EnumSet.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE).contains(operation),
          "bulk endpoints exist for create, update and delete only: " + operation);
    }
    if (capabilities.bulk(Operation.UPDATE).isPresent()) {
      assertTrue(capabilities.canUpdate(LinkField.ENABLED), "a bulk update sets the enabled state");
    }
    LinkPatch patch = capabilities.bulk(Operation.UPDATE).isPresent()
        ? LinkPatch.builder().enabled(false).build()
        : bulkSamplePatch();
    return Stream.of(
        dynamicTest("createAll", () -> {
          int[] n = itemsAndRequests(Operation.CREATE);
          refuseEverything();
          BulkResult<?> result = featureClient().createAll(times(n[0], i -> bulkSampleCreate()));
          assertEquals(n[1], requestCount(), "requests for " + n[0] + " creates");
          assertBatchedFailures(Operation.CREATE, result, n[0]);
        }),
        dynamicTest("updateAll", () -> {
          int[] n = itemsAndRequests(Operation.UPDATE);
          refuseEverything();
          BulkResult<?> result = featureClient().updateAll(times(n[0], i -> featureSampleId()), patch);
          assertEquals(n[1], requestCount(), "requests for " + n[0] + " updates");
          assertBatchedFailures(Operation.UPDATE, result, n[0]);
        }),
        dynamicTest("deleteAll", () -> {
          int[] n = itemsAndRequests(Operation.DELETE);
          refuseEverything();
          BulkResult<?> result = featureClient().deleteAll(times(n[0], i -> featureSampleId()));
          assertEquals(n[1], requestCount(), "requests for " + n[0] + " deletes");
          assertBatchedFailures(Operation.DELETE, result, n[0]);
        }));
  }

  @TestFactory
  default Stream<DynamicTest> invalidBulkItemsFailAloneBeforeAnyRequest() {
    Capabilities capabilities = bulkCapabilities();
    List<DynamicTest> tests = new ArrayList<>();
    Set<LinkField> uncreatable = EnumSet.complementOf(EnumSet.of(LinkField.ENABLED));
    uncreatable.removeAll(capabilities.creatableFields());
    if (!uncreatable.isEmpty()) {
      tests.add(dynamicTest("createAll with uncreatable fields", () -> {
        featureWireMock().resetAll();
        List<CreateLinkRequest> requests = new ArrayList<>();
        requests.add(null);
        requests.add(withField(uncreatable.iterator().next()));
        BulkResult<?> result = featureClient().createAll(requests);
        assertEquals(0, requestCount(), "no request may be sent");
        assertInstanceOf(RequestValidationException.class, result.items().get(0).failure().orElseThrow());
        assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow());
      }));
    }
    if (!featureMalformedIds().isEmpty()) {
      List<LinkId> malformed = featureMalformedIds().stream().map(LinkId::of).toList();
      tests.add(dynamicTest("deleteAll with malformed ids", () -> {
        featureWireMock().resetAll();
        BulkResult<?> result = featureClient().deleteAll(malformed);
        assertEquals(0, requestCount(), "no request may be sent");
        assertEquals(malformed.size(), result.failedCount());
        result.items().forEach(item ->
            assertInstanceOf(RequestValidationException.class, item.failure().orElseThrow(), item.toString()));
      }));
      tests.add(dynamicTest("updateAll with malformed ids", () -> {
        featureWireMock().resetAll();
        BulkResult<?> result = featureClient().updateAll(malformed, bulkSamplePatch());
        assertEquals(0, requestCount(), "no request may be sent");
        assertEquals(malformed.size(), result.failedCount());
        result.items().forEach(item ->
            assertInstanceOf(RequestValidationException.class, item.failure().orElseThrow(), item.toString()));
      }));
    }
    tests.add(dynamicTest("empty inputs send nothing", () -> {
      featureWireMock().resetAll();
      assertEquals(0, featureClient().createAll(List.of()).items().size());
      assertEquals(0, featureClient().deleteAll(Collections.emptyList()).items().size());
      assertEquals(0, featureClient().updateAll(Collections.emptyList(), bulkSamplePatch()).items().size());
      assertEquals(0, requestCount());
    }));
    return tests.stream();
  }

  private CreateLinkRequest withField(LinkField field) {
    CreateLinkRequest.Builder b = CreateLinkRequest.builder().destination("https://example.com/x");
    return LinkClientContractTest.withField(b, field).build();
  }
}
