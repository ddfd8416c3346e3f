package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polylink.core.ApiException;
import dev.polylink.core.AuthenticationException;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario, run against every emulator through {@link LinkClient} alone (the client comes from
 * {@link ProviderEmulator#client()}, i.e. {@code LinkClients} discovery of the provider module). The
 * emulator is used only for what a user's test would use it for: its state ({@link
 * ProviderEmulator#links()}), its request journal (to prove a rejected call sent nothing), its clock
 * (expiry) and its short links (followed with plain HTTP, redirects not followed).
 *
 * <p>Everything the scenario does is derived from {@link LinkClient#capabilities()}: it creates
 * with every creatable field, updates every updatable field, clears every clearable field, lists
 * with every supported filter, and expects {@link UnsupportedFieldException} (before any request)
 * for every field the capabilities deny. A provider module and its emulator are two independent
 * readings of the vendor's docs, so a failure here is a bug in one of them.
 *
 * <p>Steps: denied fields on create; create (a taken slug fails); get; visit; a wrong key (401);
 * {@code lastRateLimit()} against the vendor's headers; listAll over several pages, with the
 * default page size and with each supported filter (other filters and oversized pages are
 * refused); denied fields on update (a taken slug fails); update every updatable field; visit
 * (410 when disabled, 401 with a password, the old slug 404; SnipURL's own answers there); clear every clearable field;
 * re-enable; visit (the redirect type's status, {@code Location} = the new destination); expiry by
 * the emulator's clock (410); delete; visit (404); get and delete (NotFoundException); the slug
 * is free again; with every link deleted, the listing is empty.
 *
 * <p>Each step's Link is checked against what the scenario set: a create, get or list answer on
 * every field the provider has, an update answer on the fields its patch touched (ShortPen's
 * update answer carries only those, see {@code ShortpenClient#update}), with a get afterwards on
 * every field. Fields the provider does not have must be empty. Where the vendor reports clicks,
 * they must equal the redirects the emulator served.
 */
class CrossProviderConformanceTest {
  /**
   * How much later than asked an expiry may come back: CarrierX stores a lifetime in whole seconds
   * from the link's creation and xQR whole-second instants, so their clients round up (never
   * earlier than asked). The scenario's expiries have a fraction of a second (250 ms) to check it.
   */
  private static final Duration EXPIRY_ROUNDING = Duration.ofSeconds(2);
  /** Links per page for listAll: small enough that the listing spans several pages. */
  private static final int PAGE_SIZE = 3;
  /**
   * Links created besides the scenario's own, for listing: with the scenario's link, more than
   * CarrierX's default page (10), so that listAll with the defaults also spans pages there.
   */
  private static final int EXTRA_LINKS = 11;
  /** A token only some extra links carry in their destination, for the search filter. */
  private static final String SEARCH_TOKEN = "zebra7";
  private static final String EXTRA_LABEL = "extra-even";

  static Stream<String> providers() {
    return ProviderEmulator.providerIds().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void oneScenarioThroughLinkClientAlone(String providerId) {
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId);
        LinkClient client = emulator.client()) {
      assertEquals(providerId, client.providerId());
      new Scenario(emulator, client).run();
    }
  }

  /** The state the scenario expects the link to be in, from what it set itself. */
  private static final class Model {
    URI destination;
    String slug;
    String title;
    boolean enabled = true;
    List<String> labels = List.of();
    Instant expiresAt;
    boolean passwordProtected;
    RedirectType redirectType;
  }

  private static final class Scenario {
    private final ProviderEmulator emulator;
    private final LinkClient client;
    private final Capabilities caps;
    private final String who;
    /** The fields a link of this provider carries: whatever it can create or update. */
    private final Set<LinkField> tracked;
    private final Model model = new Model();
    private final Http visitor = Http.authorization(null);
    private LinkId id;
    private URI shortUrl;
    /** The link as create answered it. */
    private Link created;
    /** Redirects the emulator served for the scenario's link: what the vendor's click count must say. */
    private long redirects;
    private final List<Link> extras = new ArrayList<>();

    Scenario(ProviderEmulator emulator, LinkClient client) {
      this.emulator = emulator;
      this.client = client;
      this.caps = client.capabilities();
      this.who = client.providerId() + ": ";
      Set<LinkField> fields = EnumSet.noneOf(LinkField.class);
      fields.addAll(caps.creatableFields());
      fields.addAll(caps.updatableFields());
      this.tracked = fields;
    }

    void run() {
      assertTrue(caps.supports(Operation.CREATE) && caps.supports(Operation.GET) && caps.supports(Operation.LIST)
          && caps.supports(Operation.UPDATE) && caps.supports(Operation.DELETE), who + "the scenario needs every operation: " + caps);
      deniedCreateFields();
      create();
      get();
      wrongKey();
      rateLimitState();
      listAllOverSeveralPages();
      deniedUpdateFields();
      updateEveryUpdatableField();
      clearEveryClearableField();
      reEnable();
      expire();
      delete();
    }

    // ---- create ------------------------------------------------------------------------------

    private void deniedCreateFields() {
      Set<LinkField> denied = EnumSet.noneOf(LinkField.class);
      for (LinkField field : LinkField.values()) {
        if (caps.canCreate(field)) {
          continue;
        }
        CreateLinkRequest.Builder request = CreateLinkRequest.builder().destination("https://example.com/denied");
        if (!setOnCreate(request, field)) {
          continue; // CreateLinkRequest cannot express it (ENABLED: a new link has the vendor's default state)
        }
        denied.add(field);
        CreateLinkRequest built = request.build();
        assertEquals(EnumSet.of(LinkField.DESTINATION, field), built.fields());
        UnsupportedFieldException e =
            rejectedBeforeSending(UnsupportedFieldException.class, () -> client.create(built), "create with " + field);
        assertEquals(Operation.CREATE, e.operation(), who + e.getMessage());
        assertEquals(Set.of(field), e.fields(), who + e.getMessage());
      }
      if (!denied.isEmpty()) {
        // Every creatable field and every denied one: the exception names exactly the denied ones.
        CreateLinkRequest.Builder all = CreateLinkRequest.builder();
        caps.creatableFields().forEach(field -> setOnCreate(all, field));
        denied.forEach(field -> setOnCreate(all, field));
        UnsupportedFieldException e = rejectedBeforeSending(
            UnsupportedFieldException.class, () -> client.create(all.build()), "create with " + denied);
        assertEquals(denied, e.fields(), who + "every denied field is named at once, no other: " + e.getMessage());
      }
      assertEquals(0, emulator.links().size(), who + "a rejected create left a link behind");
    }

    /** Sets {@code field} to its create value in the request; false when the request cannot express it. */
    private boolean setOnCreate(CreateLinkRequest.Builder request, LinkField field) {
      switch (field) {
        case DESTINATION:
          request.destination("https://example.com/conformance/created?step=create");
          return true;
        case SLUG:
          request.slug("conf-created");
          return true;
        case TITLE:
          request.title("Conformance link");
          return true;
        case LABELS:
          request.labels(List.of("conformance", "created"));
          return true;
        case EXPIRES_AT:
          request.expiresAt(emulator.clock().instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).plusMillis(250));
          return true;
        case PASSWORD:
          request.password("created-secret-1");
          return true;
        case REDIRECT_TYPE:
          request.redirectType(RedirectType.TEMPORARY);
          return true;
        default:
          return false;
      }
    }

    private void create() {
      CreateLinkRequest.Builder builder = CreateLinkRequest.builder();
      Set<LinkField> set = EnumSet.noneOf(LinkField.class);
      for (LinkField field : caps.creatableFields()) {
        if (setOnCreate(builder, field)) {
          set.add(field);
        }
      }
      CreateLinkRequest request = builder.build();
      assertEquals(set, request.fields(), who + "the create request carries every creatable field");
      modelAfterCreate(request);

      created = client.create(request);
      id = created.id();
      shortUrl = created.shortUrl();
      assertEquals(client.providerId(), created.providerId());
      assertShortUrl("create", created);
      assertReflects("create", created, tracked);
      assertEquals(1, emulator.links().size(), who + "the emulator holds the new link");
      assertStored("create");
      visit("after create");
      if (caps.canCreate(LinkField.SLUG)) {
        CreateLinkRequest again = CreateLinkRequest.builder().destination("https://example.com/again").slug(model.slug).build();
        ApiException e = assertThrows(ApiException.class, () -> client.create(again), who + "a taken slug");
        assertTrue(e.statusCode() == 409 || e.statusCode() == 400, who + "a taken slug: " + e);
        assertEquals(1, emulator.links().size(), who + "a create with a taken slug left a link behind");
      }
    }

    private void modelAfterCreate(CreateLinkRequest request) {
      model.destination = request.destination();
      model.slug = request.slug().orElse(null);
      model.title = request.title().orElse(null);
      model.labels = request.labels();
      model.expiresAt = request.expiresAt().orElse(null);
      model.passwordProtected = request.password().isPresent();
      model.redirectType = request.redirectType().orElse(null);
    }

    private void get() {
      Link got = get("get after create");
      assertEquals(created.createdAt(), got.createdAt(), who + "get agrees with create on the creation time");
    }

    /**
     * Reads the link and checks it against the model: every field it tracks, nothing invented for
     * the others, the short URL, and the click count where the vendor reports one.
     */
    private Link get(String step) {
      Link got = client.get(id);
      assertEquals(id, got.id(), who + step);
      assertEquals(shortUrl, got.shortUrl(), who + step + ": the short URL");
      assertReflects(step, got, tracked);
      if (got.clicks().isPresent()) {
        assertEquals(redirects, got.clicks().getAsLong(), who + step + ": clicks after " + redirects + " redirects");
      }
      return got;
    }

    /** Another key than the emulator's gets the vendor's 401, which is an AuthenticationException. */
    private void wrongKey() {
      Map<String, String> config = emulator.clientConfig();
      String key = config.get("apiKey");
      config.put("apiKey", key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0"));
      try (LinkClient wrong = LinkClients.create(client.providerId(), config)) {
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.get(id), who + "a wrong key");
        assertEquals(401, e.statusCode(), who + e.getMessage());
      }
    }

    /**
     * With the emulator's rate limit on, {@link LinkClient#lastRateLimit()} reports what the
     * vendor's {@code X-RateLimit-Remaining} header said, and nothing where the vendor sends none.
     */
    private void rateLimitState() {
      emulator.rateLimit(1000, Duration.ofHours(1));
      try {
        get("get with a rate limit on");
        LoggedResponse response = emulator.wireMock().getAllServeEvents().get(0).getResponse();
        HttpHeader header = response.getHeaders().getHeader("X-RateLimit-Remaining");
        if (header.isPresent()) {
          String remaining = header.firstValue();
          RateLimitStatus status = client.lastRateLimit()
              .orElseThrow(() -> new AssertionError(who + "no lastRateLimit() after X-RateLimit-Remaining: " + remaining));
          assertEquals(OptionalLong.of(Long.parseLong(remaining)), status.remaining(), who + "lastRateLimit() " + status);
        } else {
          assertEquals(Optional.empty(), client.lastRateLimit(), who + "a rate limit no header reported");
        }
      } finally {
        emulator.rateLimitOff();
      }
    }

    // ---- list --------------------------------------------------------------------------------

    /** Every item of {@code publisher}, asking for one at a time, within 10 s. */
    private List<Link> publishedOneByOne(java.util.concurrent.Flow.Publisher<Link> publisher) {
      List<Link> items = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.CompletableFuture<Void> end = new java.util.concurrent.CompletableFuture<>();
      publisher.subscribe(new java.util.concurrent.Flow.Subscriber<>() {
        private java.util.concurrent.Flow.Subscription subscription;

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
          subscription = s;
          s.request(1);
        }

        @Override
        public void onNext(Link item) {
          items.add(item);
          subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
          end.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
          end.complete(null);
        }
      });
      try {
        end.get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(who + "async listAll did not complete: " + e, e);
      }
      return items;
    }

    private void listAllOverSeveralPages() {
      for (int i = 0; i < EXTRA_LINKS; i++) {
        boolean even = i % 2 == 0;
        CreateLinkRequest.Builder request = CreateLinkRequest.builder()
            .destination("https://example.com/conformance/extra-" + i + (even ? "-" + SEARCH_TOKEN : ""));
        if (caps.canCreate(LinkField.LABELS) && even) {
          request.labels(List.of(EXTRA_LABEL));
        }
        Link extra = client.create(request.build());
        if (caps.canUpdate(LinkField.ENABLED) && !even) {
          extra = client.update(extra.id(), LinkPatch.builder().enabled(false).build());
          assertEquals(Optional.of(false), extra.enabled(), who + "disabling an extra link");
        }
        extras.add(extra);
      }
      Set<LinkId> all = new HashSet<>(ids(extras));
      all.add(id);
      assertEquals(all.size(), emulator.links().size(), who + "the emulator holds every link");

      // listAll over several pages finds every link exactly once, in whatever order.
      ListLinksRequest small = ListLinksRequest.builder().pageSize(PAGE_SIZE).build();
      List<Link> listed = client.listAll(small).collect(Collectors.toList());
      assertEquals(all, new HashSet<>(ids(listed)), who + "listAll(pageSize " + PAGE_SIZE + ") finds every link");
      assertEquals(all.size(), listed.size(), who + "listAll lists no link twice: " + ids(listed));
      Link mine = listed.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
      assertReflects("the list item", mine, tracked);
      // The extra links have the vendor's default redirect type: each redirects as its list item says.
      for (Link item : listed) {
        int i = extraIndex(item.id());
        if (i < 0) {
          continue;
        }
        assertEquals(extras.get(i).destination(), item.destination(), who + "the list item of extra link " + i);
        if (caps.canUpdate(LinkField.ENABLED) && i % 2 == 1) {
          assertUnavailable("extra link " + i + " (disabled)", item.shortUrl());
        } else {
          int status = item.redirectType().map(t -> t == RedirectType.PERMANENT ? 301 : 302).orElse(0);
          assertVisit("extra link " + i + " (" + item.redirectType().map(Enum::name).orElse("no redirect type") + ")",
              item.shortUrl(), status, item.destination().orElseThrow());
        }
      }

      // The asynchronous listAll, one item asked for at a time: the same links in the same order,
      // from the same requests as the blocking one.
      int before = emulator.wireMock().getAllServeEvents().size();
      List<Link> again = client.listAll(small).collect(Collectors.toList());
      int blockingRequests = emulator.wireMock().getAllServeEvents().size() - before;
      assertEquals(ids(listed), ids(again), who + "the listing is stable");
      // (A client of its own without pacing: an asynchronous wait is a real one, on the scheduler.)
      try (LinkClient unpaced = emulator.clientBuilder().rateLimit(dev.polylink.core.RateLimit.none()).build()) {
        List<Link> published = publishedOneByOne(unpaced.async().listAll(small));
        assertEquals(ids(listed), ids(published), who + "async listAll publishes what listAll streams");
      }
      assertEquals(blockingRequests, emulator.wireMock().getAllServeEvents().size() - before - blockingRequests,
          who + "async listAll reads the same pages");

      // With the provider's default page size too.
      List<Link> byDefault = client.listAll(ListLinksRequest.defaults()).collect(Collectors.toList());
      assertEquals(all, new HashSet<>(ids(byDefault)), who + "listAll(defaults) finds every link");
      assertEquals(all.size(), byDefault.size(), who + "listAll(defaults) lists no link twice");

      // ... and it really is several pages: walk them by hand.
      int pages = 0;
      Set<LinkId> walked = new HashSet<>();
      ListLinksRequest request = small;
      while (true) {
        Page<Link> page = client.list(request);
        pages++;
        assertTrue(page.items().size() <= PAGE_SIZE, who + "page " + pages + " holds at most " + PAGE_SIZE);
        page.items().forEach(l -> walked.add(l.id()));
        if (page.nextCursor().isEmpty()) {
          break;
        }
        assertTrue(pages < 100, who + "the pages never end");
        request = small.withCursor(page.nextCursor().get());
      }
      assertEquals((all.size() + PAGE_SIZE - 1) / PAGE_SIZE, pages, who + "pages of " + PAGE_SIZE + " over " + all.size() + " links");
      assertEquals(all, walked);

      // Every supported filter, with the links the scenario knows must match.
      for (ListFilter filter : caps.listFilters()) {
        switch (filter) {
          case LABEL:
            assertTrue(caps.canCreate(LinkField.LABELS), who + "a label filter without creatable labels");
            assertFilter(ListLinksRequest.builder().label(EXTRA_LABEL), i -> i >= 0 && i % 2 == 0);
            break;
          case ENABLED:
            assertTrue(caps.canUpdate(LinkField.ENABLED), who + "an enabled filter without updatable enabled state");
            assertFilter(ListLinksRequest.builder().enabled(false), i -> i >= 0 && i % 2 == 1);
            assertFilter(ListLinksRequest.builder().enabled(true), i -> i < 0 || i % 2 == 0);
            break;
          case SEARCH:
            assertFilter(ListLinksRequest.builder().search(SEARCH_TOKEN), i -> i >= 0 && i % 2 == 0);
            break;
          default:
            fail(who + "unknown filter " + filter);
        }
      }
      // Every other filter, and a page size above the maximum, is refused before sending.
      Set<ListFilter> unsupportedFilters = EnumSet.allOf(ListFilter.class);
      unsupportedFilters.removeAll(caps.listFilters());
      for (ListFilter filter : unsupportedFilters) {
        ListLinksRequest.Builder builder = ListLinksRequest.builder();
        switch (filter) {
          case LABEL:
            builder.label(EXTRA_LABEL);
            break;
          case ENABLED:
            builder.enabled(true);
            break;
          default:
            builder.search(SEARCH_TOKEN);
        }
        ListLinksRequest unsupported = builder.build();
        rejectedBeforeSending(RequestValidationException.class, () -> client.list(unsupported), "list by " + filter);
      }
      ListLinksRequest tooBig = ListLinksRequest.builder().pageSize(caps.maxPageSize() + 1).build();
      rejectedBeforeSending(RequestValidationException.class, () -> client.list(tooBig), "a page above the maximum");
      assertEquals(Math.min(caps.maxPageSize(), all.size()),
          client.list(ListLinksRequest.builder().pageSize(caps.maxPageSize()).build()).items().size(),
          who + "a page of the maximum size is accepted");
    }

    private int extraIndex(LinkId extra) {
      for (int i = 0; i < extras.size(); i++) {
        if (extras.get(i).id().equals(extra)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * listAll with {@code filter} (two links a page) finds exactly the links whose index {@code
     * expected} accepts: an extra link's index in {@link #extras}, or -1 for the scenario's own link.
     */
    private void assertFilter(ListLinksRequest.Builder filter, IntPredicate expected) {
      ListLinksRequest request = filter.pageSize(2).build();
      Set<LinkId> want = new HashSet<>();
      for (int i = 0; i < extras.size(); i++) {
        if (expected.test(i)) {
          want.add(extras.get(i).id());
        }
      }
      if (expected.test(-1)) {
        want.add(id);
      }
      assertFalse(want.isEmpty(), who + "the filter " + request + " should match something");
      List<Link> got = client.listAll(request).collect(Collectors.toList());
      assertEquals(want, new HashSet<>(ids(got)), who + "listAll(" + request + ")");
      assertEquals(want.size(), got.size(), who + "listAll(" + request + ") lists no link twice");
    }

    // ---- update ------------------------------------------------------------------------------

    private void deniedUpdateFields() {
      Set<LinkField> denied = EnumSet.noneOf(LinkField.class);
      for (LinkField field : LinkField.values()) {
        if (caps.canUpdate(field)) {
          continue;
        }
        denied.add(field);
        LinkPatch.Builder patch = LinkPatch.builder();
        setOnUpdate(patch, field, new Model());
        LinkPatch built = patch.build();
        assertEquals(Set.of(field), built.fields());
        UnsupportedFieldException e =
            rejectedBeforeSending(UnsupportedFieldException.class, () -> client.update(id, built), "update of " + field);
        assertEquals(Operation.UPDATE, e.operation(), who + e.getMessage());
        assertEquals(Set.of(field), e.fields(), who + e.getMessage());
      }
      if (!denied.isEmpty()) {
        // Every updatable field and every denied one: the exception names exactly the denied ones.
        LinkPatch.Builder all = LinkPatch.builder();
        caps.updatableFields().forEach(field -> setOnUpdate(all, field, new Model()));
        denied.forEach(field -> setOnUpdate(all, field, new Model()));
        UnsupportedFieldException e =
            rejectedBeforeSending(UnsupportedFieldException.class, () -> client.update(id, all.build()), "update of " + denied);
        assertEquals(denied, e.fields(), who + "every denied field is named at once, no other: " + e.getMessage());
      }
      for (LinkField field : LinkField.values()) {
        if (caps.canClear(field)) {
          continue;
        }
        LinkPatch.Builder patch = LinkPatch.builder();
        if (!clear(patch, field, new Model())) {
          continue; // LinkPatch cannot express it: the field always has a value
        }
        LinkPatch built = patch.build();
        assertEquals(Set.of(field), built.clearedFields());
        UnsupportedFieldException e =
            rejectedBeforeSending(UnsupportedFieldException.class, () -> client.update(id, built), "clearing " + field);
        assertEquals(Operation.UPDATE, e.operation(), who + e.getMessage());
        assertEquals(Set.of(field), e.fields(), who + e.getMessage());
      }
      rejectedBeforeSending(RequestValidationException.class, () -> client.update(id, LinkPatch.builder().build()), "an empty patch");
      get("get after the rejected updates");
    }

    /** Sets {@code field} to its update value in the patch and in {@code model}. */
    private void setOnUpdate(LinkPatch.Builder patch, LinkField field, Model model) {
      switch (field) {
        case DESTINATION:
          model.destination = URI.create("https://example.org/conformance/updated?step=update&utm_source=qr&q=caf%C3%A9");
          patch.destination(model.destination);
          break;
        case SLUG:
          model.slug = "conf-renamed";
          patch.slug(model.slug);
          break;
        case TITLE:
          model.title = "Conformance link — renamed ✓ &amp; <b>";
          patch.title(model.title);
          break;
        case ENABLED:
          model.enabled = false;
          patch.enabled(false);
          break;
        case LABELS:
          model.labels = List.of("conformance", "updated", "third");
          patch.labels(model.labels);
          break;
        case EXPIRES_AT:
          model.expiresAt = emulator.clock().instant().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS).plusMillis(250);
          patch.expiresAt(model.expiresAt);
          break;
        case PASSWORD:
          model.passwordProtected = true;
          patch.password("updated-secret-2");
          break;
        case REDIRECT_TYPE:
          model.redirectType = RedirectType.PERMANENT;
          patch.redirectType(model.redirectType);
          break;
        default:
          fail(who + "unknown field " + field);
      }
    }

    /** Clears {@code field} in the patch and in {@code model}; false when LinkPatch cannot clear it. */
    private boolean clear(LinkPatch.Builder patch, LinkField field, Model model) {
      switch (field) {
        case TITLE:
          model.title = null;
          patch.clearTitle();
          return true;
        case LABELS:
          model.labels = List.of();
          patch.clearLabels();
          return true;
        case EXPIRES_AT:
          model.expiresAt = null;
          patch.clearExpiresAt();
          return true;
        case PASSWORD:
          model.passwordProtected = false;
          patch.clearPassword();
          return true;
        default:
          return false;
      }
    }

    private void updateEveryUpdatableField() {
      if (caps.canUpdate(LinkField.SLUG)) {
        String taken = extras.get(0).shortCode();
        ApiException e = assertThrows(ApiException.class,
            () -> client.update(id, LinkPatch.builder().slug(taken).build()), who + "renaming to a taken slug");
        assertTrue(e.statusCode() == 409 || e.statusCode() == 400, who + "renaming to a taken slug: " + e);
        get("get after renaming to a taken slug failed");
      }
      LinkPatch.Builder builder = LinkPatch.builder();
      for (LinkField field : caps.updatableFields()) {
        setOnUpdate(builder, field, model);
      }
      LinkPatch patch = builder.build();
      assertEquals(caps.updatableFields(), patch.fields(), who + "the patch sets every updatable field");
      URI oldShortUrl = shortUrl;
      emulator.clock().advance(Duration.ofMinutes(1)); // so that the update time visibly moves

      Link updated = client.update(id, patch);
      assertEquals(id, updated.id(), who + "update keeps the id");
      shortUrl = updated.shortUrl();
      assertShortUrl("update", updated);
      assertReflects("update", updated, patch.fields());
      Link got = get("get after update");
      assertEquals(created.createdAt(), got.createdAt(), who + "an update keeps the creation time");
      created.updatedAt().ifPresent(before -> assertTrue(got.updatedAt().orElseThrow().isAfter(before),
          who + "the update time moves on an update: " + before + " -> " + got.updatedAt()));
      assertStored("update");
      assertAgree("update", updated, got, patch.fields());

      visit("after update");
      if (!oldShortUrl.equals(shortUrl)) {
        assertUnknown("the old short URL after a slug change", oldShortUrl);
      }
    }

    private void clearEveryClearableField() {
      if (caps.clearableFields().isEmpty()) {
        return;
      }
      LinkPatch.Builder builder = LinkPatch.builder();
      for (LinkField field : caps.clearableFields()) {
        assertTrue(clear(builder, field, model), who + "LinkPatch cannot clear " + field);
      }
      LinkPatch patch = builder.build();
      assertEquals(caps.clearableFields(), patch.clearedFields(), who + "the patch clears every clearable field");

      Link updated = client.update(id, patch);
      assertEquals(id, updated.id());
      assertReflects("clear", updated, patch.fields());
      Link got = get("get after clear");
      assertAgree("clear", updated, got, patch.fields());
      visit("after clear");
    }

    private void reEnable() {
      if (!caps.canUpdate(LinkField.ENABLED)) {
        return;
      }
      model.enabled = true;
      Link updated = client.update(id, LinkPatch.builder().enabled(true).build());
      assertReflects("re-enable", updated, Set.of(LinkField.ENABLED));
      get("get after re-enable");
      visit("after re-enable");
    }

    // ---- expiry and delete -------------------------------------------------------------------

    private void expire() {
      if (caps.canUpdate(LinkField.EXPIRES_AT)) {
        model.expiresAt = emulator.clock().instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusMillis(250);
        Link updated = client.update(id, LinkPatch.builder().expiresAt(model.expiresAt).build());
        assertReflects("an expiry in an hour", updated, Set.of(LinkField.EXPIRES_AT));
        get("get after an expiry in an hour");
        visit("an hour before expiry");
      }
      if (model.expiresAt == null) {
        assertFalse(caps.canCreate(LinkField.EXPIRES_AT) || caps.canUpdate(LinkField.EXPIRES_AT),
            who + "the link should have an expiry by now");
        return;
      }
      emulator.clock().set(model.expiresAt.plus(EXPIRY_ROUNDING).plusSeconds(1));
      try {
        visit("after expiry");
        get("an expired link stays readable through the API");
      } finally {
        emulator.clock().followSystem();
      }
    }

    private void delete() {
      int before = emulator.links().size();
      client.delete(id);
      assertEquals(before - 1, emulator.links().size(), who + "the emulator dropped the deleted link");
      assertEquals(Optional.empty(), stored(), who + "the emulator still holds the deleted link");
      assertUnknown("after delete", shortUrl);
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.get(id), who + "get after delete");
      assertEquals(404, e.statusCode(), who + e.getMessage());
      assertEquals(Operation.GET, e.operation(), who + e.getMessage());
      assertThrows(NotFoundException.class, () -> client.delete(id), who + "delete after delete");
      Set<LinkId> left = client.listAll(ListLinksRequest.builder().pageSize(PAGE_SIZE).build())
          .map(Link::id).collect(Collectors.toSet());
      assertEquals(new HashSet<>(ids(extras)), left, who + "the list no longer holds the deleted link");

      // Every vendor frees a deleted link's slug for reuse.
      if (caps.canCreate(LinkField.SLUG)) {
        URI destination = URI.create("https://example.com/conformance/reused");
        Link reused = client.create(CreateLinkRequest.builder().destination(destination).slug(model.slug).build());
        assertNotEquals(id, reused.id(), who + "a new link reusing the slug has a new id");
        assertEquals(model.slug, reused.shortCode(), who + "the slug is free again after delete");
        Http.Reply reply = visitor.get(reused.shortUrl().toString());
        assertTrue(reply.status() == 301 || reply.status() == 302, who + "the reused slug redirects: " + reply.status());
        assertEquals(Optional.of(destination.toString()), reply.header("Location"), who + "the reused slug redirects to the new link");
        client.delete(reused.id());
      }

      // With every link deleted, the listing is empty (a last page with nothing on it).
      extras.forEach(extra -> client.delete(extra.id()));
      assertEquals(List.of(), emulator.links(), who + "the emulator still holds links");
      assertEquals(List.of(), client.listAll(ListLinksRequest.builder().pageSize(PAGE_SIZE).build()).collect(Collectors.toList()),
          who + "listAll after deleting every link");
      Page<Link> empty = client.list(ListLinksRequest.defaults());
      assertEquals(List.of(), empty.items(), who + "an empty first page");
      assertEquals(Optional.empty(), empty.nextCursor(), who + "an empty first page is the last");
    }

    // ---- assertions --------------------------------------------------------------------------

    /**
     * {@code link} says, for each of {@code fields}, what the model says; and nothing about the
     * fields this provider does not have (Polylink never invents a value).
     */
    private void assertReflects(String step, Link link, Set<LinkField> fields) {
      String where = who + step + ": ";
      assertEquals(client.providerId(), link.providerId(), where + "provider id");
      for (LinkField field : EnumSet.complementOf(EnumSet.copyOf(tracked))) {
        Object said;
        switch (field) {
          case TITLE:
            said = link.title().orElse(null);
            break;
          case ENABLED:
            said = link.enabled().orElse(null);
            break;
          case LABELS:
            said = link.labels().isEmpty() ? null : link.labels();
            break;
          case EXPIRES_AT:
            said = link.expiresAt().orElse(null);
            break;
          case PASSWORD:
            said = link.passwordProtected().orElse(null);
            break;
          case REDIRECT_TYPE:
            said = link.redirectType().orElse(null);
            break;
          default:
            said = null;
        }
        assertEquals(null, said, where + field + " is not a field of this provider, yet " + link + " has one");
      }
      for (LinkField field : fields) {
        switch (field) {
          case DESTINATION:
            assertEquals(Optional.of(model.destination), link.destination(), where + "destination of " + link);
            break;
          case SLUG:
            assertEquals(model.slug, link.shortCode(), where + "short code of " + link);
            break;
          case TITLE:
            assertEquals(Optional.ofNullable(model.title), link.title(), where + "title of " + link);
            break;
          case ENABLED:
            assertEquals(Optional.of(model.enabled), link.enabled(), where + "enabled state of " + link);
            break;
          case LABELS:
            assertEquals(model.labels, link.labels(), where + "labels of " + link);
            break;
          case EXPIRES_AT:
            if (model.expiresAt == null) {
              assertEquals(Optional.empty(), link.expiresAt(), where + "expiry of " + link);
            } else {
              Instant got = link.expiresAt().orElseThrow(() -> new AssertionError(where + "no expiry in " + link));
              assertFalse(got.isBefore(model.expiresAt) || got.isAfter(model.expiresAt.plus(EXPIRY_ROUNDING)),
                  where + "expiry " + got + ", expected " + model.expiresAt + " (or up to " + EXPIRY_ROUNDING + " later)");
            }
            break;
          case PASSWORD:
            assertEquals(Optional.of(model.passwordProtected), link.passwordProtected(), where + "password protection of " + link);
            break;
          case REDIRECT_TYPE:
            assertEquals(Optional.of(model.redirectType), link.redirectType(), where + "redirect type of " + link);
            break;
          default:
            fail(where + "unknown field " + field);
        }
      }
    }

    /** What an update answered agrees with a later get, on the fields the update touched. */
    private void assertAgree(String step, Link updated, Link got, Set<LinkField> fields) {
      String where = who + step + " vs get: ";
      for (LinkField field : fields) {
        switch (field) {
          case DESTINATION:
            assertEquals(got.destination(), updated.destination(), where + field);
            break;
          case SLUG:
            assertEquals(got.shortCode(), updated.shortCode(), where + field);
            break;
          case TITLE:
            assertEquals(got.title(), updated.title(), where + field);
            break;
          case ENABLED:
            assertEquals(got.enabled(), updated.enabled(), where + field);
            break;
          case LABELS:
            assertEquals(got.labels(), updated.labels(), where + field);
            break;
          case EXPIRES_AT:
            assertEquals(got.expiresAt(), updated.expiresAt(), where + field);
            break;
          case PASSWORD:
            assertEquals(got.passwordProtected(), updated.passwordProtected(), where + field);
            break;
          default:
            assertEquals(got.redirectType(), updated.redirectType(), where + field);
        }
      }
    }

    private void assertShortUrl(String step, Link link) {
      String where = who + step + ": ";
      assertTrue(link.shortUrl().toString().startsWith(emulator.serverUrl() + "/"),
          where + "the short URL " + link.shortUrl() + " is served by the emulator");
      assertTrue(link.shortUrl().getPath().endsWith("/" + link.shortCode()),
          where + "the short URL ends with the short code: " + link);
      assertFalse(link.shortCode().isBlank(), where + "a short code");
    }

    /** Follows the short link and checks the answer against the model. */
    private void visit(String step) {
      Instant now = emulator.clock().instant();
      if (!model.enabled) {
        assertUnavailable(step + " (disabled)", shortUrl);
      } else if (model.expiresAt != null && !model.expiresAt.isAfter(now)) {
        assertUnavailable(step + " (expired)", shortUrl);
      } else if (model.passwordProtected) {
        if (snipurl()) {
          assertPageRedirect(step + " (password-protected)", shortUrl, shortUrl + "/challenge");
        } else {
          assertVisit(step + " (password-protected)", shortUrl, 401, null);
        }
      } else {
        int status = model.redirectType == null ? 0 : model.redirectType == RedirectType.PERMANENT ? 301 : 302;
        assertVisit(step, shortUrl, status, model.destination);
      }
    }

    /** SnipURL's server answers short-link visits its own way (see {@link SnipurlEmulator}). */
    private boolean snipurl() {
      return emulator instanceof SnipurlEmulator;
    }

    /** A disabled or expired link: 410, or SnipURL's 200 page. */
    private void assertUnavailable(String step, URI url) {
      assertVisit(step, url, snipurl() ? 200 : 410, null);
    }

    /** A deleted or unknown code: 404, or SnipURL's redirect to its not-found page. */
    private void assertUnknown(String step, URI url) {
      if (snipurl()) {
        assertPageRedirect(step, url, emulator.serverUrl() + "/not-found");
        assertEquals(404, visitor.get(emulator.serverUrl() + "/not-found").status(), who + "the not-found page");
      } else {
        assertVisit(step, url, 404, null);
      }
    }

    /** A 307 to one of the vendor's own pages: not a visit of the destination, so no click. */
    private void assertPageRedirect(String step, URI url, String location) {
      Http.Reply reply = visitor.get(url.toString());
      String where = who + "visit " + step + " (" + url + "): ";
      assertEquals(307, reply.status(), where + reply.body());
      assertEquals(Optional.of(location), reply.header("Location"), where + "Location");
    }

    /** {@code status} 0 means any redirect (301 or 302): the provider has no redirect type. */
    private void assertVisit(String step, URI url, int status, URI location) {
      Http.Reply reply = visitor.get(url.toString());
      String where = who + "visit " + step + " (" + url + "): ";
      if (status == 0) {
        assertTrue(reply.status() == 301 || reply.status() == 302, where + "a redirect, got " + reply.status());
      } else {
        assertEquals(status, reply.status(), where + reply.body());
      }
      if (location != null) {
        assertEquals(Optional.of(location.toString()), reply.header("Location"), where + "Location");
        if (url.equals(shortUrl)) {
          redirects++;
        }
      } else {
        assertEquals(Optional.empty(), reply.header("Location"), where + "no Location");
      }
    }

    /**
     * The emulator's own rendering of the scenario's link (found by its id among the vendor's
     * fields), independent of the provider module's reading of it.
     */
    private Optional<Map<String, Object>> stored() {
      return emulator.links().stream()
          .filter(l -> l.values().stream().anyMatch(v -> id.value().equals(String.valueOf(v))))
          .findFirst();
    }

    /** The emulator stored the destination the model says. */
    private void assertStored(String step) {
      Map<String, Object> link = stored().orElseThrow(() -> new AssertionError(who + step + ": the emulator has no link " + id));
      assertTrue(link.containsValue(model.destination.toString()),
          who + step + ": the emulator stored " + link + ", not the destination " + model.destination);
    }

    /** The call fails with {@code type} and the emulator saw no request. */
    private <T extends Throwable> T rejectedBeforeSending(Class<T> type, Executable call, String what) {
      int before = emulator.wireMock().getAllServeEvents().size();
      T e = assertThrows(type, call, who + what);
      assertEquals(before, emulator.wireMock().getAllServeEvents().size(), who + what + " sent a request: " + e.getMessage());
      return e;
    }

    private static List<LinkId> ids(List<Link> links) {
      return links.stream().map(Link::id).collect(Collectors.toList());
    }
  }
}
