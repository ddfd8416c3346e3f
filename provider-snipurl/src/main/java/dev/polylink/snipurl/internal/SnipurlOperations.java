package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.BulkOperationException;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The work behind {@link SnipurlClient}: validation through {@link RequestChecks} against the
 * client's capabilities first, then one call through the shared {@link HttpTransport}, then one
 * mapping of the parsed body. Public only so that the client in the API package can use it; not
 * part of the API.
 */
public final class SnipurlOperations implements AutoCloseable {
  private static final String ID = SnipurlClient.PROVIDER_ID;
  private static final Pattern PAGE_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
  /** zod 4's {@code uuid()} pattern, which SnipURL's bulk delete applies to every id. */
  private static final Pattern BULK_UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
          + "|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff");

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final SnipurlApi api;
  private final SnipurlFeatures features;

  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }

  private SnipurlOperations(Capabilities capabilities, HttpTransport transport) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(SnipurlApi.class);
    this.features = new SnipurlFeatures(capabilities, this, transport);
  }

  /** QR images, analytics and usage: {@link SnipurlFeatures}. */
  public SnipurlFeatures features() {
    return features;
  }

  /**
   * Completes the transport with SnipURL's error decoder and rate-limit parser and builds the
   * operations on it.
   */
  public static SnipurlOperations create(HttpTransport.Builder transport, Capabilities capabilities) {
    HttpTransport http =
        transport.errorDecoder(SnipurlErrorDecoder.INSTANCE).rateLimitParser(SnipurlRateLimits.INSTANCE).build();
    return new SnipurlOperations(capabilities, http);
  }

  /** {@code POST links}. */
  public Link create(CreateLinkRequest request) {
    Optional<SnipurlOptions> options =
        RequestChecks.create(ID, capabilities, request, SnipurlOptions.class);
    CreateLinkBody body = RequestBodies.create(request, options);
    return LinkMapper.link(Operation.CREATE, transport.executeForBody(Operation.CREATE, api.create(body)));
  }

  /** {@code GET links/{id}}. */
  public Link get(LinkId id) {
    String uuid = uuid(id);
    return LinkMapper.link(Operation.GET, transport.executeForBody(Operation.GET, api.get(uuid)));
  }

  /** {@code GET links/{id}}, read as the link's analytics settings. */
  public SnipurlOptions analyticsSettings(LinkId id) {
    String uuid = uuid(id);
    return LinkMapper.analyticsSettings(transport.executeForBody(Operation.GET, api.get(uuid)));
  }

  /** {@code GET links?page=&per_page=&search=&is_active=}; the cursor is a page number. */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    Long page = request.cursor().map(SnipurlOperations::pageNumber).orElse(null);
    Integer perPage = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    JsonNode body = transport.executeForBody(
        Operation.LIST,
        api.list(page, perPage, request.search().orElse(null), request.enabled().map(String::valueOf).orElse(null)));
    return LinkMapper.page(body, page == null ? 1 : page);
  }

  /** {@code PATCH links/{id}}. */
  public Link update(LinkId id, LinkPatch patch) {
    Optional<SnipurlOptions> options = RequestChecks.update(ID, capabilities, patch, SnipurlOptions.class);
    UpdateLinkBody body = RequestBodies.update(patch, options);
    String uuid = uuid(id);
    return LinkMapper.link(Operation.UPDATE, transport.executeForBody(Operation.UPDATE, api.update(uuid, body)));
  }

  /** {@code DELETE links/{id}}. */
  public void delete(LinkId id) {
    String uuid = uuid(id);
    transport.execute(Operation.DELETE, api.delete(uuid));
  }

  /**
   * {@code DELETE links/bulk} in chunks of {@link SnipurlClient#MAX_BULK_DELETE}: the summed count,
   * or empty when a chunk was resent after an attempt that may have been processed (its answer then
   * counts only what the last attempt deleted). A chunk that fails after an earlier one succeeded
   * is a {@link BulkOperationException}; a failing first chunk is thrown as it is.
   */
  public OptionalInt deleteAll(Collection<LinkId> ids) {
    Objects.requireNonNull(ids, "ids");
    Map<String, LinkId> unique = new LinkedHashMap<>();
    List<String> violations = new ArrayList<>();
    int index = 0;
    for (LinkId id : ids) {
      Objects.requireNonNull(id, "ids element");
      int at = index++;
      bulkIdViolation(id).ifPresentOrElse(
          rule -> violations.addAll(Checks.invalid(ID, "ids[" + at + "]", rule, id.value()).violations()),
          () -> unique.putIfAbsent(id.value(), id));
    }
    if (!violations.isEmpty()) {
      throw Checks.invalid(ID, violations);
    }
    List<String> all = new ArrayList<>(unique.keySet());
    List<LinkId> done = new ArrayList<>();
    int deleted = 0;
    boolean exact = true;
    for (int from = 0; from < all.size(); from += SnipurlClient.MAX_BULK_DELETE) {
      int to = Math.min(all.size(), from + SnipurlClient.MAX_BULK_DELETE);
      List<String> chunk = all.subList(from, to);
      CountingJsonBody body = CountingJsonBody.of(new BulkDeleteBody(List.copyOf(chunk)));
      int count;
      try {
        count = LinkMapper.deletedCount(transport.executeForBody(Operation.DELETE, api.deleteBulk(body)));
      } catch (PolylinkException e) {
        if (done.isEmpty()) {
          throw e;
        }
        throw new BulkOperationException(ID, Operation.DELETE, done,
            exact ? OptionalLong.of(deleted) : OptionalLong.empty(),
            ids(unique, chunk), ids(unique, all.subList(to, all.size())), e);
      }
      exact &= body.timesSent() <= 1;
      deleted += count;
      done.addAll(ids(unique, chunk));
    }
    return exact ? OptionalInt.of(deleted) : OptionalInt.empty();
  }

  /**
   * Why SnipURL's bulk delete would refuse the id, or empty. Its server checks {@code ids} with
   * zod 4's {@code z.string().uuid()} (SnipURL's package.json: zod ^4.4.3), stricter than the
   * single-link endpoints: a UUID of version 1 to 8 with the RFC 9562 variant (8, 9, a or b), or the
   * nil or max UUID. Any other id, such as one whose version digit is 0, makes the whole request
   * fail with 400 {@code VALIDATION_ERROR}, where a single GET, PATCH or DELETE answers 404.
   */
  private static Optional<String> bulkIdViolation(LinkId id) {
    try {
      Checks.uuidId(ID, id);
    } catch (RequestValidationException e) {
      return Optional.of("must be a UUID");
    }
    return BULK_UUID.matcher(id.value()).matches()
        ? Optional.empty()
        : Optional.of("must be a UUID of version 1 to 8 with variant 8, 9, a or b (or the nil or max UUID),"
            + " as SnipURL's bulk delete requires");
  }

  private static List<LinkId> ids(Map<String, LinkId> unique, List<String> values) {
    List<LinkId> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(unique.get(v)));
    return out;
  }

  /** The most recent rate-limit state. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** Closes the transport. */
  @Override
  public void close() {
    transport.close();
  }

  private static String uuid(LinkId id) {
    Objects.requireNonNull(id, "id");
    Checks.uuidId(ID, id);
    return id.value();
  }

  private static long pageNumber(String cursor) {
    return Long.parseLong(Checks.matches(ID, "cursor", cursor, PAGE_NUMBER,
        "must be a page number as returned by Page.nextCursor()"));
  }
}
