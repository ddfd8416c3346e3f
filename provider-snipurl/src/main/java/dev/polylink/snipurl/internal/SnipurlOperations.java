package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.BulkOperationException;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.CountingJsonBody;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdLists;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.snipurl.SnipurlAnalyticsSummary;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The SnipURL link operations behind {@link SnipurlClient}: every check first (the capabilities
 * through {@link RequestChecks}, then SnipURL's own rules and the id shape, a UUID), then one
 * exchange through the shared {@link HttpTransport}, then one mapping of the {@code {success, data,
 * meta?}} envelope. Thread-safe. Public only so that the client in the API package can use it; not
 * part of the API.
 */
public final class SnipurlOperations implements AutoCloseable {
  private static final String ID = SnipurlClient.PROVIDER_ID;
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

  /** {@link SnipurlFeatures#qrCode(LinkId, QrOptions)}. */
  public QrCode qrCode(LinkId id, QrOptions options) {
    return features.qrCode(id, options);
  }

  /** {@link SnipurlFeatures#qrCode(String, QrOptions)}. */
  public QrCode qrCode(String shortCode, QrOptions options) {
    return features.qrCode(shortCode, options);
  }

  /** {@link SnipurlFeatures#stats}. */
  public LinkStats stats(LinkId id, StatsRequest request) {
    return features.stats(id, request);
  }

  /** {@link SnipurlFeatures#usage}. */
  public AccountUsage accountUsage() {
    return features.usage();
  }

  /** {@link SnipurlFeatures#summary}. */
  public SnipurlAnalyticsSummary analyticsSummary() {
    return features.summary();
  }

  /** Adds SnipURL's error decoder and rate-limit parser to a configured transport and opens it. */
  public static SnipurlOperations open(Capabilities capabilities, HttpTransport.Builder transport) {
    return new SnipurlOperations(
        capabilities,
        transport
            // SnipURL documents 60 a minute and 1,000 an hour per key: evenly spaced within the
            // minute, the hour's 1,000 usable back to back.
            .documentedRateLimit("1m", 60, java.time.Duration.ofMinutes(1), 1)
            .documentedRateLimit("1h", 1000, java.time.Duration.ofHours(1), 1000)
            .errorDecoder(SnipurlErrorDecoder.INSTANCE).rateLimitParser(SnipurlRateLimits.INSTANCE).build());
  }

  /** {@code POST links}. */
  public Link create(CreateLinkRequest request) {
    Optional<SnipurlOptions> options = RequestChecks.create(ID, capabilities, request, SnipurlOptions.class);
    CreateLinkBody body = RequestBodies.create(request, options);
    return link(Operation.CREATE, api.create(body));
  }

  /** {@code GET links/{id}}. */
  public Link get(LinkId id) {
    return link(Operation.GET, api.get(uuid(id)));
  }

  /** {@code GET links/{id}}, read as the link's analytics settings. */
  public SnipurlOptions analyticsSettings(LinkId id) {
    JsonNode root = transport.executeForBody(Operation.GET, api.get(uuid(id)));
    return AnalyticsSettings.read(Envelope.dataObject(ID, Operation.GET, root));
  }

  /**
   * {@code GET links?page=&per_page=&search=&is_active=}. The cursor is the next page number: {@code
   * page + 1} while {@code meta.page < meta.total_pages}, never after an empty page; without {@code
   * meta} there is no next page and no total.
   */
  public Page<Link> list(ListLinksRequest request) {
    RequestChecks.list(ID, capabilities, request);
    Long page = request.cursor().map(cursor -> Cursors.pageNumber(ID, cursor, Long.MAX_VALUE)).orElse(null);
    Integer perPage = request.pageSize().isPresent() ? request.pageSize().getAsInt() : null;
    JsonNode root = transport.executeForBody(Operation.LIST, api.list(
        page, perPage, request.search().orElse(null), request.enabled().map(String::valueOf).orElse(null)));
    JsonNode data = Envelope.dataArray(ID, Operation.LIST, root);
    List<Link> links = new ArrayList<>(data.size());
    data.forEach(node -> links.add(LinkMapper.toLink(Operation.LIST, node)));
    JsonNode meta = root.get("meta");
    OptionalLong totalPages = Json.wholeNumber(meta, "total_pages");
    long current = Json.wholeNumber(meta, "page").orElse(page == null ? 1 : page);
    boolean more = totalPages.isPresent() && current < totalPages.getAsLong();
    return Page.of(links, Cursors.next(links.size(), more, current + 1), Json.wholeNumber(meta, "total"));
  }

  /** {@code PATCH links/{id}}. */
  public Link update(LinkId id, LinkPatch patch) {
    Optional<SnipurlOptions> options = RequestChecks.update(ID, capabilities, patch, SnipurlOptions.class);
    UpdateLinkBody body = RequestBodies.update(patch, options);
    return link(Operation.UPDATE, api.update(uuid(id), body));
  }

  /** {@code DELETE links/{id}}. */
  public void delete(LinkId id) {
    transport.execute(Operation.DELETE, api.delete(uuid(id)));
  }

  /**
   * {@code DELETE links/bulk} in chunks of {@link SnipurlClient#MAX_BULK_DELETE}, every id checked
   * first (an empty collection sends nothing): the summed {@code data.deleted}, or empty when a
   * chunk was resent after an attempt that may have been processed (its answer then counts only what
   * the last attempt deleted). A chunk that fails after an earlier one succeeded is a {@link
   * BulkOperationException}; a failing first chunk is thrown as it is.
   */
  public OptionalInt delete(Collection<LinkId> ids) {
    List<LinkId> unique = IdLists.distinct(ID, ids, SnipurlOperations::bulkId);
    List<String> all = new ArrayList<>(unique.size());
    unique.forEach(id -> all.add(id.value()));
    List<LinkId> done = new ArrayList<>();
    int deleted = 0;
    boolean exact = true;
    for (int from = 0; from < all.size(); from += SnipurlClient.MAX_BULK_DELETE) {
      int to = Math.min(all.size(), from + SnipurlClient.MAX_BULK_DELETE);
      CountingJsonBody body = CountingJsonBody.of(new BulkDeleteBody(List.copyOf(all.subList(from, to))));
      int count;
      try {
        count = deletedCount(transport.executeForBody(Operation.DELETE, api.deleteBulk(body)));
      } catch (PolylinkException e) {
        if (done.isEmpty()) {
          throw e;
        }
        throw new BulkOperationException(ID, Operation.DELETE, done,
            exact ? OptionalLong.of(deleted) : OptionalLong.empty(),
            unique.subList(from, to), unique.subList(to, unique.size()), e);
      }
      exact &= body.timesSent() <= 1;
      deleted += count;
      done.addAll(unique.subList(from, to));
    }
    return exact ? OptionalInt.of(deleted) : OptionalInt.empty();
  }

  /**
   * The id, once SnipURL's bulk delete would accept it. Its server checks {@code ids} with
   * zod 4's {@code z.string().uuid()} (SnipURL's package.json: zod ^4.4.3), stricter than the
   * single-link endpoints: a UUID of version 1 to 8 with the RFC 9562 variant (8, 9, a or b), or the
   * nil or max UUID. Any other id, such as one whose version digit is 0, makes the whole request
   * fail with 400 {@code VALIDATION_ERROR}, where a single GET, PATCH or DELETE answers 404.
   */
  private static LinkId bulkId(LinkId id) {
    Checks.uuidId(ID, Objects.requireNonNull(id, "id"));
    if (!BULK_UUID.matcher(id.value()).matches()) {
      throw Checks.invalid(ID, "id", "must be a UUID of version 1 to 8 with variant 8, 9, a or b (or the nil or"
          + " max UUID), as SnipURL's bulk delete requires", id.value());
    }
    return id;
  }

  /** The {@code deleted} count of a bulk delete's {@code data}. */
  private static int deletedCount(JsonNode root) {
    JsonNode count = Envelope.dataObject(ID, Operation.DELETE, root).get("deleted");
    if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
      throw Envelope.unreadable(ID, Operation.DELETE, "data.deleted is not a count of deleted links");
    }
    return count.intValue();
  }

  /** The most recent rate-limit state. */
  public Optional<RateLimitStatus> lastRateLimit() {
    return transport.lastRateLimit();
  }

  /** {@return every window the vendor reported} */
  public java.util.List<RateLimitStatus> rateLimits() {
    return transport.rateLimits();
  }

  /** Closes the transport. */
  @Override
  public void close() {
    transport.close();
  }

  /** What may be shown of the client: its provider id; never the API key. */
  @Override
  public String toString() {
    return "providerId=" + ID;
  }

  private Link link(Operation operation, retrofit2.Call<JsonNode> call) {
    JsonNode root = transport.executeForBody(operation, call);
    return LinkMapper.toLink(operation, Envelope.dataObject(ID, operation, root));
  }

  private static String uuid(LinkId id) {
    Checks.uuidId(ID, Objects.requireNonNull(id, "id"));
    return id.value();
  }
}
