package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.Cursors;
import dev.polylink.core.spi.Envelope;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.IdLists;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SnipURL link operations behind {@link SnipurlClient}: every check first (the capabilities
 * through {@link RequestChecks}, then SnipURL's own rules and the id shape, a UUID), then one
 * exchange through the shared {@link HttpTransport}, then one mapping of the {@code {success, data,
 * meta?}} envelope. Thread-safe. Public only so that the client in the API package can use it; not
 * part of the API.
 */
public final class SnipurlOperations implements AutoCloseable {
  private static final String ID = SnipurlClient.PROVIDER_ID;

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final SnipurlApi api;

  private SnipurlOperations(Capabilities capabilities, HttpTransport transport) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(SnipurlApi.class);
  }

  /** Adds SnipURL's error decoder and rate-limit parser to a configured transport and opens it. */
  public static SnipurlOperations open(Capabilities capabilities, HttpTransport.Builder transport) {
    return new SnipurlOperations(
        capabilities,
        transport.errorDecoder(SnipurlErrorDecoder.INSTANCE).rateLimitParser(SnipurlRateLimits.INSTANCE).build());
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
   * first; the summed {@code data.deleted}. An empty collection sends nothing.
   */
  public int delete(Collection<LinkId> ids) {
    List<String> all = IdLists.distinct(ID, ids, SnipurlOperations::uuid);
    int deleted = 0;
    for (int from = 0; from < all.size(); from += SnipurlClient.MAX_BULK_DELETE) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + SnipurlClient.MAX_BULK_DELETE));
      JsonNode root = transport.executeForBody(Operation.DELETE, api.deleteBulk(new BulkDeleteBody(List.copyOf(chunk))));
      JsonNode count = Envelope.dataObject(ID, Operation.DELETE, root).get("deleted");
      if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
        throw Envelope.unreadable(ID, Operation.DELETE, "data.deleted is not a count of deleted links");
      }
      deleted += count.intValue();
    }
    return deleted;
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
