package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.spi.BulkBatches;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import dev.polylink.xqr.XqrClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * xQR's bulk operations over {@link BulkBatches}: bulk create ({@code POST /v1/links/bulk}, up to
 * 100 links a request) and bulk status ({@code PATCH /v1/links/bulk/status}, up to 200 ids a
 * request, for patches that change nothing but {@code enabled}); every other patch and every delete
 * is one request per link, {@link HttpTransport#bulkConcurrency()} at a time. Every item is checked
 * (capabilities, xQR's slug and label rules, the UUID id) before the first request.
 *
 * <p><b>Bulk create's answer</b> is {@code {"data": {"created": [<link>...], "errors": [...]}}}
 * (201, or 200 per xQR's bulk guide: both are read). Its items are mapped back to the request's
 * positions as follows:
 *
 * <ul>
 *   <li>an {@code errors[]} item is read leniently, since xQR shows its shape nowhere: its position
 *       is its {@code index} (0-based in the request, as SnipURL's is) or else the submitted slug
 *       it names ({@code custom_slug} or {@code slug}); its code is {@code code} (or {@code
 *       error.code}), its message {@code message} (or {@code error} as text, or {@code
 *       error.message}); the item fails with the exception of its {@code status}, or of the status
 *       xQR documents for the code ({@code SLUG_TAKEN} 409; {@code INSUFFICIENT_SCOPE}, {@code
 *       FEATURE_NOT_AVAILABLE}, {@code PLAN_LIMIT_EXCEEDED} 403), and otherwise a plain {@link
 *       dev.polylink.core.ApiException} with the bulk answer's own status. The raw item is the
 *       exception's {@code responseBody()}, the answer's {@code meta.request_id} its request id;
 *   <li>a {@code created[]} link is matched to the first unreported position that asked for its
 *       slug ({@code short_code}), or else that asked for no slug and for its {@code destination}.
 *       When links remain that match no position that way and exactly as many positions remain
 *       unreported, they are matched in order (xQR answers in request order); otherwise the
 *       remaining positions fail as unaccounted ({@link BulkBatches}: maybe created, reconcile);
 *   <li>a created item is the link object xQR returned, mapped as any other: nothing is added.
 * </ul>
 *
 * <p><b>Bulk status's answer</b> is a count, {@code {"data": {"updated": n}}}, and no links. When
 * {@code n} equals the number of distinct ids sent, and the request was sent once, every item
 * succeeds without a value ({@link dev.polylink.core.BulkItem#successWithoutValue}): the SDK does
 * not make up links xQR did not return. When the count is smaller (some ids matched no link of the
 * workspace, and xQR does not say which), unreadable, or covers only a resent attempt, each id of
 * the batch is read back ({@code GET}, a read, never a second write): a link that now has the
 * {@code enabled} value asked for succeeds with the link read, a 404 fails that item with its {@link
 * dev.polylink.core.NotFoundException}, and anything else leaves it unaccounted.
 */
final class XqrBulk {
  /** xQR's documented bulk-create limit, links a request. */
  static final int MAX_CREATE_BATCH = 100;
  /** xQR's documented bulk-status limit, ids a request. */
  static final int MAX_STATUS_BATCH = 200;

  private static final String ID = XqrClient.PROVIDER_ID;
  private static final Map<String, Integer> DOCUMENTED_STATUS = Map.of(
      "SLUG_TAKEN", 409,
      "INSUFFICIENT_SCOPE", 403,
      "FEATURE_NOT_AVAILABLE", 403,
      "PLAN_LIMIT_EXCEEDED", 403);

  private final Capabilities capabilities;
  private final XqrOperations operations;
  private final HttpTransport transport;
  private final XqrApi api;

  XqrBulk(Capabilities capabilities, XqrOperations operations, HttpTransport transport, XqrApi api) {
    this.capabilities = capabilities;
    this.operations = operations;
    this.transport = transport;
    this.api = api;
  }

  /** A checked update: the id, the body, and the {@code enabled} value when that is all it changes. */
  record PreparedUpdate(UUID id, UpdateLinkBody body, Boolean enabledOnly) {}

  BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return BulkBatches.<CreateLinkRequest, CreateLinkBody, Link>plan(ID, Operation.CREATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(operations::createBody)
        .batch((bodies, answer) -> transport.observe(Operation.CREATE, () -> createBatch(bodies, answer)))
        .run(requests);
  }

  BulkResult<Link> updateAll(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return BulkBatches.<Map.Entry<LinkId, LinkPatch>, PreparedUpdate, Link>plan(ID, Operation.UPDATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(entry -> prepareUpdate(entry.getKey(), entry.getValue()))
        .groupBy(PreparedUpdate::enabledOnly)
        .batch((batch, answer) -> transport.observe(Operation.UPDATE, () -> statusBatch(batch, answer)))
        .single(p -> transport.observe(Operation.UPDATE, () -> operations.send(p.id(), p.body())))
        .run(patches);
  }

  BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, LinkId, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> {
          Checks.uuidId(ID, id);
          return id;
        })
        .single(id -> {
          transport.observe(Operation.DELETE, () -> operations.delete(id));
          return id;
        })
        .run(new ArrayList<>(ids));
  }

  // ---- async: the same plans, run without blocking ----

  CompletableFuture<BulkResult<Link>> createAllAsync(List<CreateLinkRequest> requests) {
    return BulkBatches.<CreateLinkRequest, CreateLinkBody, Link>plan(ID, Operation.CREATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(operations::createBody)
        .batchAsync((bodies, answer) -> transport.observeAsync(Operation.CREATE, () -> createBatchAsync(bodies, answer)))
        .runAsync(requests);
  }

  CompletableFuture<BulkResult<Link>> updateAllAsync(List<Map.Entry<LinkId, LinkPatch>> patches) {
    return BulkBatches.<Map.Entry<LinkId, LinkPatch>, PreparedUpdate, Link>plan(ID, Operation.UPDATE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(entry -> prepareUpdate(entry.getKey(), entry.getValue()))
        .groupBy(PreparedUpdate::enabledOnly)
        .batchAsync((batch, answer) -> transport.observeAsync(Operation.UPDATE, () -> statusBatchAsync(batch, answer)))
        .singleAsync(p -> transport.observeAsync(Operation.UPDATE, () -> operations.sendAsync(p.id(), p.body())))
        .runAsync(patches);
  }

  CompletableFuture<BulkResult<LinkId>> deleteAllAsync(Collection<LinkId> ids) {
    return BulkBatches.<LinkId, LinkId, LinkId>plan(ID, Operation.DELETE, capabilities)
        .concurrency(transport.bulkConcurrency())
        .prepare(id -> {
          Checks.uuidId(ID, id);
          return id;
        })
        .singleAsync(id -> transport.observeAsync(Operation.DELETE, () -> operations.deleteAsync(id)).thenApply(v -> id))
        .runAsync(new ArrayList<>(ids));
  }

  private PreparedUpdate prepareUpdate(LinkId id, LinkPatch patch) {
    if (id == null || patch == null) {
      throw Checks.invalid(ID, List.of((id == null ? "id" : "patch") + ": must not be null"));
    }
    UpdateLinkBody body = operations.updateBody(patch);
    UUID uuid = Checks.uuidId(ID, id);
    boolean enabledOnly = body.enabled() != null && body.url() == null && body.labels() == null
        && body.routingRules() == null;
    return new PreparedUpdate(uuid, body, enabledOnly ? body.enabled() : null);
  }

  // ---- bulk create ----

  private void createBatch(List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    mapCreated(operations.read(Operation.CREATE, api.bulkCreate(new BulkCreateBody(bodies))), bodies, answer);
  }

  /** {@link #createBatch} without blocking: the same body, the same mapping of the answer. */
  private CompletableFuture<Void> createBatchAsync(List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    return operations.readAsync(Operation.CREATE, api.bulkCreate(new BulkCreateBody(bodies)))
        .thenAccept(root -> mapCreated(root, bodies, answer));
  }

  /** Maps bulk create's answer back to the batch's positions (see the class comment). */
  private static void mapCreated(JsonNode root, List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    JsonNode data = root.get("data");
    String requestId = Json.text(root.get("meta"), "request_id").filter(s -> !s.isBlank()).orElse(null);
    JsonNode errors = data == null ? null : data.get("errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode error : errors) {
        OptionalInt position = errorPosition(error, bodies, answer);
        if (position.isPresent()) {
          answer.failed(position.getAsInt(), itemFailure(error, requestId));
        }
      }
    }
    JsonNode created = data == null ? null : data.get("created");
    List<Link> unmatched = new ArrayList<>();
    if (created != null && created.isArray()) {
      for (JsonNode node : created) {
        Link link;
        try {
          link = LinkMapper.toLink(Operation.CREATE, node);
        } catch (PolylinkException e) {
          continue; // not a readable link: it cannot be attributed, its position stays unaccounted
        }
        OptionalInt position = createdPosition(link, node, bodies, answer);
        if (position.isPresent()) {
          answer.succeeded(position.getAsInt(), link);
        } else {
          unmatched.add(link);
        }
      }
    }
    List<Integer> open = new ArrayList<>();
    for (int p = 0; p < bodies.size(); p++) {
      if (!answer.reported(p)) {
        open.add(p);
      }
    }
    if (!unmatched.isEmpty() && unmatched.size() == open.size()) {
      for (int i = 0; i < open.size(); i++) {
        answer.succeeded(open.get(i), unmatched.get(i));
      }
    }
  }

  private static OptionalInt errorPosition(JsonNode error, List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    if (error == null || !error.isObject()) {
      return OptionalInt.empty();
    }
    OptionalLong index = Json.wholeNumber(error, "index");
    if (index.isPresent()) {
      long i = index.getAsLong();
      return i >= 0 && i < bodies.size() ? OptionalInt.of((int) i) : OptionalInt.empty();
    }
    String slug = Json.text(error, "custom_slug").or(() -> Json.text(error, "slug")).orElse(null);
    if (slug != null) {
      for (int p = 0; p < bodies.size(); p++) {
        if (slug.equals(bodies.get(p).customSlug()) && !answer.reported(p)) {
          return OptionalInt.of(p);
        }
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt createdPosition(
      Link link, JsonNode node, List<CreateLinkBody> bodies, BulkBatches.Answer<Link> answer) {
    for (int p = 0; p < bodies.size(); p++) {
      if (link.shortCode().equals(bodies.get(p).customSlug()) && !answer.reported(p)) {
        return OptionalInt.of(p);
      }
    }
    String destination = Json.text(node, "destination").orElse(null);
    if (destination != null) {
      for (int p = 0; p < bodies.size(); p++) {
        CreateLinkBody body = bodies.get(p);
        if (body.customSlug() == null && destination.equals(body.url()) && !answer.reported(p)) {
          return OptionalInt.of(p);
        }
      }
    }
    return OptionalInt.empty();
  }

  private static PolylinkException itemFailure(JsonNode error, String requestId) {
    JsonNode nested = error.get("error");
    String code = Json.text(error, "code").or(() -> Json.text(nested, "code")).orElse(null);
    String message = Json.text(error, "message")
        .or(() -> nested != null && nested.isTextual() ? java.util.Optional.of(nested.textValue()) : java.util.Optional.empty())
        .or(() -> Json.text(nested, "message")).orElse(null);
    OptionalLong itemStatus = Json.wholeNumber(error, "status");
    int status;
    if (itemStatus.isPresent() && itemStatus.getAsLong() >= 400 && itemStatus.getAsLong() <= 599) {
      status = (int) itemStatus.getAsLong();
    } else if (code != null && DOCUMENTED_STATUS.containsKey(code.toUpperCase(Locale.ROOT))) {
      status = DOCUMENTED_STATUS.get(code.toUpperCase(Locale.ROOT));
    } else {
      status = 201;
    }
    VendorError vendor = VendorError.builder().errorCode(code).message(message).requestId(requestId).build();
    return BulkBatches.itemFailure(ID, Operation.CREATE, status, vendor, error.toString());
  }

  // ---- bulk status ----

  private void statusBatch(List<PreparedUpdate> batch, BulkBatches.Answer<Link> answer) {
    StatusRequest request = new StatusRequest(batch);
    JsonNode root = operations.read(Operation.UPDATE, api.bulkStatus(request.body));
    if (request.coveredBy(root, answer)) {
      return;
    }
    // The count does not say which ids were updated: read each one back (reads only).
    Map<String, Object> outcomes = new LinkedHashMap<>();
    for (String id : request.distinct) {
      Object outcome;
      try {
        outcome = request.readBack(transport.observe(Operation.GET, () -> operations.get(LinkId.of(id))), null);
      } catch (PolylinkException e) {
        outcome = request.readBack(null, e);
      }
      outcomes.put(id, outcome);
    }
    request.report(outcomes, answer);
  }

  /** {@link #statusBatch} without blocking: the same body, count check and read-back attribution. */
  private CompletableFuture<Void> statusBatchAsync(List<PreparedUpdate> batch, BulkBatches.Answer<Link> answer) {
    StatusRequest request = new StatusRequest(batch);
    return operations.readAsync(Operation.UPDATE, api.bulkStatus(request.body)).thenCompose(root -> {
      if (request.coveredBy(root, answer)) {
        return CompletableFuture.completedFuture(null);
      }
      Map<String, Object> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
      CompletableFuture<Void> reads = CompletableFuture.completedFuture(null);
      for (String id : request.distinct) {
        reads = reads.thenCompose(ignored -> operations.getAsync(LinkId.of(id)).handle((link, error) -> {
          Throwable cause = HttpTransport.unwrap(error);
          Object outcome = request.readBack(link, cause instanceof PolylinkException ? (PolylinkException) cause : null);
          if (outcome != null) {
            outcomes.put(id, outcome);
          }
          return null;
        }));
      }
      return reads.thenApply(ignored -> {
        request.report(outcomes, answer);
        return null;
      });
    });
  }

  /** One bulk status request: its body, and the attribution of its answer, blocking or not. */
  private static final class StatusRequest {
    final boolean enabled;
    final Set<String> distinct = new LinkedHashSet<>();
    final List<PreparedUpdate> batch;
    final CountingJsonBody body;

    StatusRequest(List<PreparedUpdate> batch) {
      this.batch = batch;
      this.enabled = batch.get(0).enabledOnly();
      batch.forEach(p -> distinct.add(p.id().toString()));
      this.body = CountingJsonBody.of(new BulkStatusBody(List.copyOf(distinct), enabled));
    }

    /** When the count covers every distinct id of a request sent once, every item succeeds without a value. */
    boolean coveredBy(JsonNode root, BulkBatches.Answer<Link> answer) {
      OptionalLong updated = Json.wholeNumber(root.get("data"), "updated");
      if (updated.isPresent() && updated.getAsLong() == distinct.size() && body.timesSent() <= 1) {
        for (int p = 0; p < batch.size(); p++) {
          answer.succeededWithoutValue(p);
        }
        return true;
      }
      return false;
    }

    /** The outcome of one id read back: the link when it has the value asked for, its 404, or null (unaccounted). */
    Object readBack(Link link, PolylinkException failure) {
      if (failure instanceof dev.polylink.core.NotFoundException) {
        return failure;
      }
      if (link != null && link.enabled().filter(e -> e == enabled).isPresent()) {
        return link;
      }
      return null;
    }

    void report(Map<String, Object> outcomes, BulkBatches.Answer<Link> answer) {
      for (int p = 0; p < batch.size(); p++) {
        Object outcome = outcomes.get(batch.get(p).id().toString());
        if (outcome instanceof Link) {
          answer.succeeded(p, (Link) outcome);
        } else if (outcome instanceof PolylinkException) {
          answer.failed(p, (PolylinkException) outcome);
        }
      }
    }
  }
}
