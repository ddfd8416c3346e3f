package dev.polylink.carrierx;

import dev.polylink.core.BulkResult;
import dev.polylink.core.spi.BulkBatches;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import dev.polylink.carrierx.internal.CarrierxOperations;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.spi.ProviderClientBuilder;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkStats;
import dev.polylink.core.StatsCapabilities;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import java.util.EnumSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The CarrierX Core API v2 shortener ({@code https://api.carrierx.com/core/v2}, paths {@code
 * shortener/links...}) behind {@link LinkClient}. Thread-safe; build one per account and share it.
 *
 * <pre>{@code
 * try (CarrierxClient carrierx = CarrierxClient.builder()
 *     .apiKey(System.getenv("CARRIERX_API_KEY"))          // or .basicAuth(username, password)
 *     .defaultDomainSid("330a8a83-d4bb-4f39-ae54-c59c8d87cd44")
 *     .build()) {
 *   Link link = carrierx.create(CreateLinkRequest.builder()
 *       .destination("https://example.com/launch")
 *       .expiresAt(Instant.now().plus(Duration.ofDays(7)))
 *       .build());
 * }
 * }</pre>
 *
 * <p>How the unified model maps onto CarrierX:
 *
 * <ul>
 *   <li>Ids are the links' {@code link_sid}s. The documentation shows them only as UUIDs, so any
 *       other id is rejected with a {@link RequestValidationException} before a request.
 *   <li>{@code destination_url} is the destination, {@code short_name} the slug and {@link
 *       Link#shortCode()}, {@code url} the short URL, {@code hits} the clicks, {@code
 *       date_accessed} the last click, {@code date_created} the creation time. CarrierX has no
 *       title, enabled flag, labels, password or update time: those stay empty. {@link
 *       Link#providerFields()} holds the whole link object as received ({@code domain_sid}, {@code
 *       partner_sid}, {@code mode}, {@code maximum_ttl}, ...; JSON nulls left out).
 *   <li>{@code mode}: {@code redirect_permanent} and {@code redirect_temporary} are the redirect
 *       types {@code PERMANENT} and {@code TEMPORARY}; {@code proxy_pass} has no redirect type (the
 *       link's {@link Link#redirectType()} is empty and {@code mode} stays in the provider fields)
 *       and is set through {@link CarrierxOptions#proxyPass()}.
 *   <li>Expiry is a lifetime, {@code maximum_ttl} seconds after {@code date_created} ({@code -1}:
 *       never). {@link Link#expiresAt()} is {@code date_created + maximum_ttl} when it is 0 or more,
 *       empty when it is {@code -1}. On create an expiry instant becomes the seconds from now (the
 *       builder's clock), rounded up; on update the instant must also lie after now, then the client
 *       reads the link (one GET) and sends the seconds from its {@code date_created}, rounded up, so
 *       the link never expires before the instant asked for. A {@code maximum_ttl} in an answer that
 *       does not fit a {@code long} or puts the expiry beyond {@link java.time.Instant#MAX} is a
 *       {@link dev.polylink.core.TransportException}, as is a {@code hits}, {@code offset} or {@code
 *       total} beyond a {@code long}. {@link LinkPatch.Builder#clearExpiresAt()} sends {@code -1}.
 *   <li>A create needs a {@code domain_sid}: {@link CreateLinkRequest#domain()}, else the builder's
 *       {@link Builder#defaultDomainSid(String)}, else the create is rejected before sending.
 *   <li>CarrierX documents no rate-limit headers, so {@link #lastRateLimit()} is always empty.
 *   <li>The error body's shape is not documented: the raw body is kept in {@link
 *       dev.polylink.core.ApiException#responseBody()}, the message is read from a {@code message}
 *       and/or {@code errors} key when the body has them, and the exception type follows the status:
 *       400, 415 and 422 {@link dev.polylink.core.BadRequestException}, 401 {@link
 *       dev.polylink.core.AuthenticationException}, 403 {@link
 *       dev.polylink.core.PermissionDeniedException}, 404 {@link dev.polylink.core.NotFoundException},
 *       409 {@link dev.polylink.core.ConflictException}, 5xx {@link dev.polylink.core.ServerException}.
 * </ul>
 */
public final class CarrierxClient implements LinkClient {
  /** The provider id, {@code "carrierx"}. */
  public static final String PROVIDER_ID = "carrierx";

  /** CarrierX's documented Core API base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.carrierx.com/core/v2";

  /**
   * What CarrierX can do through {@link LinkClient}: link CRUD and statistics (hits and last access
   * only; no QR images, no usage endpoint); create and update the
   * destination, slug, expiry and redirect type; clear the expiry; no list filters through {@link
   * ListLinksRequest} (use {@link #list(String, ListLinksRequest)} for CarrierX's own {@code
   * filter=}); pages of at most 1000 links.
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE,
              Operation.STATS)
          .creatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.EXPIRES_AT, LinkField.REDIRECT_TYPE)
          .updatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.EXPIRES_AT, LinkField.REDIRECT_TYPE)
          .clearableFields(LinkField.EXPIRES_AT)
          .maxPageSize(1000)
          .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS, StatsField.LAST_CLICKED_AT),
              DateRangeSupport.NONE))
          .build();

  private final CarrierxOperations operations;

  private final Async async;

  private CarrierxClient(CarrierxOperations operations) {
    this.operations = operations;
    this.async = new Async(operations);
  }

  /** The {@link CarrierxAsyncClient}: the SPI's asynchronous client and CarrierX's extras. */
  private static final class Async extends dev.polylink.core.spi.AsyncClients.Client<CarrierxOperations> implements CarrierxAsyncClient {
    Async(CarrierxOperations operations) {
      super(PROVIDER_ID, CAPABILITIES, operations.transport(), operations);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Page<Link>> list(String filter, ListLinksRequest request) {
      return operation(Operation.LIST, () -> operations().listAsync(Objects.requireNonNull(filter, "filter"), request));
    }

    @Override
    public java.util.concurrent.CompletableFuture<Link> replace(LinkId id, LinkPatch patch) {
      return operation(Operation.UPDATE, () -> operations().replaceAsync(id, patch));
    }
  }

  /**
   * A builder; give it {@code apiKey(token)} or {@code basicAuth(username, password)}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Always {@code "carrierx"}. */
  @Override
  public String providerId() {
    return PROVIDER_ID;
  }

  /** {@link #CAPABILITIES}. */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * {@code POST /shortener/links} (with {@code ?reuse=true} when {@link CarrierxOptions#reuse()}).
   * CarrierX answers 200 with the link. The slug must pass the rule every provider shares ({@link
   * dev.polylink.core.spi.Checks#slug}: no control, invisible or whitespace characters, none of
   * {@code / \ . % ? # ;}); CarrierX enforces its domain's own rules (minimum length, suffix
   * pattern) and answers 409 or 422 when they are broken. A 403 for a proxy-pass link names the
   * missing scope {@code shortener.allow_link_mode_proxypass} in the message.
   *
   * @throws RequestValidationException when no domain sid is known, the expiry is not in the future
   *     or is more than 2147483647 seconds away, the slug is malformed, or a redirect type is
   *     combined with proxy pass
   */
  @Override
  public Link create(CreateLinkRequest request) {
    return operations.transport().observe(Operation.CREATE, () -> operations.create(request));
  }

  /**
   * {@code GET /shortener/links/{link_sid}}. The public documentation does not list this endpoint;
   * CarrierX's own SDK uses it, and the REST conventions of the Core API imply it.
   */
  @Override
  public Link get(LinkId id) {
    return operations.transport().observe(Operation.GET, () -> operations.get(id));
  }

  /**
   * {@code GET /shortener/links?limit=&offset=}. The cursor is the offset of the next page; a page
   * has a next cursor when CarrierX says {@code has_more}. {@link Page#total()} is empty when
   * CarrierX sends {@code total: null}. The page size defaults to CarrierX's (10) and may be at
   * most 1000.
   */
  @Override
  public Page<Link> list(ListLinksRequest request) {
    return operations.transport().observe(Operation.LIST, () -> operations.list(null, request));
  }

  /**
   * Like {@link #list(ListLinksRequest)}, restricted by a CarrierX filter expression sent as {@code
   * filter=}, e.g. {@code destination_url like '%example%'} or {@code maximum_ttl gt 40000}
   * (conditions combine with {@code and} only). The expression is passed as is; CarrierX rejects a
   * malformed one. Pass the same filter again with the page's next cursor to continue.
   *
   * @param filter a CarrierX filter expression, sent as is
   * @param request the page size and cursor; its LinkClient filters must be unset, as for {@link
   *     #list(ListLinksRequest)}
   * @return one page of the matching links
   * @throws RequestValidationException when the filter is blank
   */
  public Page<Link> list(String filter, ListLinksRequest request) {
    return operations.transport().observe(Operation.LIST, () -> operations.list(Objects.requireNonNull(filter, "filter"), request));
  }

  /**
   * {@code PATCH /shortener/links/{link_sid}} with exactly the fields the patch touches, among
   * {@code destination_url}, {@code short_name}, {@code mode} and {@code maximum_ttl}. Every check
   * that does not need the stored link runs before any request: an expiry must lie after now (the
   * builder's clock) and at most 2147483647 seconds ahead, as on create. Setting an expiry then
   * reads the link (one GET) for its {@code date_created}, and sends the seconds from it, rounded
   * up; the one check that needs the stored link, a lifetime of at most 2147483647 seconds counted
   * from {@code date_created}, is a {@link RequestValidationException} after that GET and before the
   * PATCH. (An expiry before {@code date_created}, possible only when CarrierX's clock runs ahead,
   * sends 0: the link expires as soon as it can.)
   *
   * @throws RequestValidationException before any request for the rules above and those of {@link
   *     #replace}
   */
  @Override
  public Link update(LinkId id, LinkPatch patch) {
    return operations.transport().observe(Operation.UPDATE, () -> operations.update(id, patch));
  }
  /**
   * Creates many links, one {@code POST} each (CarrierX has no bulk endpoint), {@link
   * LinkClientBuilder#bulkConcurrency} at a time under the client's pacing; every request is checked
   * (capabilities, CarrierX's rules) before the first one is sent, and an invalid one fails alone.
   */
  @Override
  public BulkResult<Link> createAll(List<CreateLinkRequest> requests) {
    return operations.createAll(requests);
  }

  /** Applies each link's patch, one request each, as {@link #createAll} does; every patch and id is checked first. */
  @Override
  public BulkResult<Link> updateAll(Map<LinkId, LinkPatch> patches) {
    return operations.updateAll(new ArrayList<>(patches.entrySet()));
  }

  /** Applies one patch to many links, as {@link #updateAll(Map)} does. */
  @Override
  public BulkResult<Link> updateAll(Collection<LinkId> ids, LinkPatch patch) {
    return operations.updateAll(BulkBatches.entries(ids, patch));
  }

  /** Deletes many links, one request each, as {@link #createAll} does; every id is checked to be a UUID first. */
  @Override
  public BulkResult<LinkId> deleteAll(Collection<LinkId> ids) {
    return operations.deleteAll(ids);
  }


  /**
   * Replaces the whole link with {@code PUT /shortener/links/{link_sid}}: reads the link (GET),
   * applies the patch to the object exactly as received, and PUTs every field back, read-only ones
   * included, because CarrierX requires all fields to be present in a PUT. The patch is validated
   * like {@link #update}.
   *
   * <p>This read-modify-write is not atomic: a change made by someone else between the GET and the
   * PUT is overwritten. Prefer {@link #update}, which sends only the changed fields. The patch is
   * checked before the GET exactly as for {@link #update}.
   *
   * @param id the link's {@code link_sid}
   * @param patch the changes to apply before the PUT
   * @return the link as CarrierX answers the PUT
   */
  public Link replace(LinkId id, LinkPatch patch) {
    return operations.transport().observe(Operation.UPDATE, () -> operations.replace(id, patch));
  }

  /** {@code DELETE /shortener/links/{link_sid}}; CarrierX's 204 with an empty body is success. */
  @Override
  public void delete(LinkId id) {
    operations.transport().observe(Operation.DELETE, () -> operations.delete(id));
  }

  /**
   * The link's statistics: CarrierX's only analytics are the link object's {@code hits} (the total)
   * and {@code date_accessed} (the last click), so this reads the link ({@code GET
   * /shortener/links/{link_sid}}). No days, countries, devices, browsers or referrers, and no range.
   *
   * @throws RequestValidationException for a date range or an id that is not a UUID, before any
   *     request
   */
  @Override
  public LinkStats stats(LinkId id, StatsRequest request) {
    return operations.transport().observe(Operation.STATS, () -> operations.stats(id, request));
  }

  /**
   * The asynchronous view of this client: link CRUD, statistics and the bulk methods over them,
   * returning {@link java.util.concurrent.CompletableFuture}s with the same checks, mapping,
   * retries, pacing and deadlines, on this client's transport and rate-limit budget (see {@link
   * dev.polylink.core.AsyncLinkClient}). Operations CarrierX lacks fail their future as the blocking
   * methods throw. CarrierX's typed extras, the filtered list and {@code replace}, are {@link
   * CarrierxAsyncClient}'s.
   */
  @Override
  public CarrierxAsyncClient async() {
    return async;
  }

  /** Always empty: CarrierX documents no rate-limit headers. */
  @Override
  public Optional<RateLimitStatus> lastRateLimit() {
    return operations.lastRateLimit();
  }

  @Override
  public java.util.List<RateLimitStatus> rateLimits() {
    return operations.rateLimits();
  }

  /** Releases the connection pool this client created; a user-supplied OkHttpClient is left alone. */
  @Override
  public void close() {
    operations.close();
  }

  /** The authentication scheme and default domain; never a credential. */
  @Override
  public String toString() {
    return "CarrierxClient{" + operations + "}";
  }

  /**
   * Builds a {@link CarrierxClient}. Exactly one of {@link #apiKey(String)} (a CarrierX security or
   * OAuth token, sent as {@code Authorization: Bearer <token>}) and {@link #basicAuth(String,
   * String)} (sent as {@code Authorization: Basic base64(username:password)}) is required; none or
   * both is a {@link RequestValidationException} from {@link #build()}.
   */
  public static final class Builder extends ProviderClientBuilder<Builder, CarrierxClient> {
    private String username;
    private String password;
    private String defaultDomainSid;

    private Builder() {}

    /**
     * Authenticates with a CarrierX username and password (HTTP basic authentication, which the
     * Core API accepts unless the account disabled it). The password is never shown.
     *
     * @param username the CarrierX username
     * @param password the CarrierX password
     * @return this builder
     * @throws RequestValidationException when the username is blank or contains {@code :} or a
     *     control character, or the password is empty or contains a control character
     */
    public Builder basicAuth(String username, String password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      java.util.List<String> violations = new java.util.ArrayList<>();
      if (username.isBlank()) {
        violations.add("username: must not be blank");
      } else if (username.indexOf(':') >= 0) {
        violations.add("username: must not contain ':' (HTTP basic authentication, RFC 7617)");
      } else if (hasControl(username)) {
        violations.add("username: must not contain control characters");
      }
      if (password.isEmpty()) {
        violations.add("password: must not be empty");
      } else if (hasControl(password)) {
        violations.add("password: must not contain control characters");
      }
      if (!violations.isEmpty()) {
        throw new RequestValidationException(PROVIDER_ID, violations);
      }
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * The {@code domain_sid} used by creates whose request names no {@link
     * CreateLinkRequest#domain()}. CarrierX requires a domain on every create. CarrierX documents
     * no format for it (the samples are UUIDs), so only a blank value is rejected.
     *
     * @param defaultDomainSid the domain's {@code domain_sid}
     * @return this builder
     * @throws RequestValidationException when blank
     */
    public Builder defaultDomainSid(String defaultDomainSid) {
      Objects.requireNonNull(defaultDomainSid, "defaultDomainSid");
      if (defaultDomainSid.isBlank()) {
        throw new RequestValidationException(PROVIDER_ID, "defaultDomainSid: must not be blank");
      }
      this.defaultDomainSid = defaultDomainSid.strip();
      return this;
    }

    /** {@code "carrierx"}. */
    @Override
    protected String providerId() {
      return PROVIDER_ID;
    }

    /** {@value CarrierxClient#DEFAULT_BASE_URL}. */
    @Override
    protected String defaultBaseUrl() {
      return DEFAULT_BASE_URL;
    }

    /**
     * {@code Bearer <token>} or {@code Basic base64(username:password)} (UTF-8).
     *
     * @throws RequestValidationException unless exactly one of the two was given
     */
    @Override
    protected String authorization() {
      boolean token = apiKey().isPresent();
      boolean basic = username != null;
      if (token && basic) {
        throw new RequestValidationException(
            PROVIDER_ID, "credentials: give either apiKey(token) or basicAuth(username, password), not both");
      }
      if (!token && !basic) {
        throw new RequestValidationException(
            PROVIDER_ID, "credentials: apiKey(token) or basicAuth(username, password) is required");
      }
      if (token) {
        return super.authorization();
      }
      String pair = username + ":" + password;
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client.
     *
     * @throws RequestValidationException unless exactly one kind of credentials was given
     */
    @Override
    public CarrierxClient build() {
      String scheme = username != null && apiKey().isEmpty() ? "basic" : "bearer";
      return new CarrierxClient(CarrierxOperations.open(CAPABILITIES, transport(), scheme, defaultDomainSid));
    }

    /** The settings that are not credentials. */
    @Override
    public String toString() {
      return "CarrierxClient.Builder{auth="
          + (username != null ? "basic" : apiKey().isPresent() ? "bearer" : "none")
          + (defaultDomainSid == null ? "" : ", defaultDomainSid=" + defaultDomainSid) + "}";
    }

    private static boolean hasControl(String s) {
      return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
  }
}
