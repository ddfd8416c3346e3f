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
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.RequestChecks;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.snipurl.SnipurlOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

  private final Capabilities capabilities;
  private final HttpTransport transport;
  private final SnipurlApi api;

  /** The transport, for the client's operation scopes ({@link HttpTransport#observe}). */
  public HttpTransport transport() {
    return transport;
  }

  private SnipurlOperations(Capabilities capabilities, HttpTransport transport) {
    this.capabilities = capabilities;
    this.transport = transport;
    this.api = transport.create(SnipurlApi.class);
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

  /** {@code DELETE links/bulk} in chunks of {@link SnipurlClient#MAX_BULK_DELETE}; the summed count. */
  public int deleteAll(Collection<LinkId> ids) {
    Objects.requireNonNull(ids, "ids");
    Set<String> unique = new LinkedHashSet<>();
    List<String> violations = new ArrayList<>();
    int index = 0;
    for (LinkId id : ids) {
      Objects.requireNonNull(id, "ids element");
      try {
        unique.add(uuid(id));
      } catch (RequestValidationException e) {
        // "id: must be a UUID (was ...)" becomes "ids[3]: must be a UUID (was ...)"
        for (String violation : e.violations()) {
          violations.add("ids[" + index + "]" + violation.substring(violation.indexOf(':')));
        }
      }
      index++;
    }
    if (!violations.isEmpty()) {
      throw Checks.invalid(ID, violations);
    }
    List<String> all = new ArrayList<>(unique);
    int deleted = 0;
    for (int from = 0; from < all.size(); from += SnipurlClient.MAX_BULK_DELETE) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + SnipurlClient.MAX_BULK_DELETE));
      BulkDeleteBody body = new BulkDeleteBody(List.copyOf(chunk));
      deleted += LinkMapper.deletedCount(transport.executeForBody(Operation.DELETE, api.deleteBulk(body)));
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
