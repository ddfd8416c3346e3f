package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.spi.VendorError;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole {@code toString()} of every value type, set and unset: what a log line shows, and that
 * a password shows only as {@code ****}.
 */
class ValueToStringTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");
  private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");

  /** A provider's typed extras, as a test double. */
  private record Extras(String providerId) implements ProviderOptions {}

  @Test
  void linkShowsEverySetFieldAndOnlyTheKeysOfTheProviderFields() {
    Link link = Link.builder()
        .providerId("xqr")
        .id(LinkId.of("1361ed0c-ba12-43ea-8ffb-f7f358359a00"))
        .shortUrl(URI.create("https://xqr.co/summer24"))
        .shortCode("summer24")
        .destination(URI.create("https://example.com/summer-sale"))
        .title("Summer sale")
        .enabled(true)
        .labels(List.of("campaign", "summer"))
        .expiresAt(T1)
        .passwordProtected(false)
        .redirectType(RedirectType.PERMANENT)
        .clicks(42)
        .lastClickedAt(T1)
        .createdAt(T0)
        .updatedAt(T1)
        .providerFields(Map.of("scans", 42))
        .build();
    assertEquals(
        "Link{providerId=xqr, id=1361ed0c-ba12-43ea-8ffb-f7f358359a00, shortUrl=https://xqr.co/summer24,"
            + " shortCode=summer24, destination=https://example.com/summer-sale, title=Summer sale,"
            + " enabled=true, labels=[campaign, summer], expiresAt=2026-03-02T10:00:00Z,"
            + " passwordProtected=false, redirectType=PERMANENT, clicks=42,"
            + " lastClickedAt=2026-03-02T10:00:00Z, createdAt=2026-03-01T09:30:00Z,"
            + " updatedAt=2026-03-02T10:00:00Z, providerFields=[scans]}",
        link.toString());
    assertEquals(
        "Link{providerId=shortpen, id=7, shortUrl=https://spn.sh/a, shortCode=a}",
        Link.builder().providerId("shortpen").id(LinkId.of(7)).shortUrl(URI.create("https://spn.sh/a"))
            .shortCode("a").clicks(OptionalLong.empty()).title(Optional.empty()).build().toString());
  }

  @Test
  void aPatchShowsTheTouchedFieldsInFieldOrderAndMasksThePassword() {
    LinkPatch patch = LinkPatch.builder()
        .redirectType(RedirectType.TEMPORARY)
        .password("hunter2-secret")
        .clearExpiresAt()
        .labels(List.of("a", "b"))
        .enabled(false)
        .clearTitle()
        .slug("new-slug")
        .destination("https://example.com/v2")
        .options(new Extras("fake"))
        .build();
    assertEquals(
        "LinkPatch{destination=set(https://example.com/v2), slug=set(new-slug), title=cleared,"
            + " enabled=set(false), labels=set([a, b]), expires_at=cleared, password=set(****),"
            + " redirect_type=set(TEMPORARY), options=Extras[providerId=fake]}",
        patch.toString());
    assertEquals("LinkPatch{labels=cleared, password=cleared}",
        LinkPatch.builder().clearPassword().clearLabels().build().toString());
    assertEquals("LinkPatch{options=Extras[providerId=fake]}",
        LinkPatch.builder().options(new Extras("fake")).build().toString());
  }

  @Test
  void aCreateRequestShowsTheSetFieldsAndMasksThePassword() {
    CreateLinkRequest request = CreateLinkRequest.builder()
        .destination("https://example.com/launch")
        .slug("launch")
        .title("Launch")
        .addLabels("campaign", "spring")
        .expiresAt(T1)
        .password("hunter2-secret")
        .redirectType(RedirectType.TEMPORARY)
        .domain("d-1")
        .options(new Extras("fake"))
        .build();
    assertEquals(
        "CreateLinkRequest{destination=https://example.com/launch, slug=launch, title=Launch,"
            + " labels=[campaign, spring], expiresAt=2026-03-02T10:00:00Z, password=****,"
            + " redirectType=TEMPORARY, domain=d-1, options=Extras[providerId=fake]}",
        request.toString());
  }

  @Test
  void aListRequestShowsEveryPartSetOrNot() {
    assertEquals(
        "ListLinksRequest{pageSize=null, cursor=null, label=null, enabled=null, search=null}",
        ListLinksRequest.defaults().toString());
    assertEquals(
        "ListLinksRequest{pageSize=25, cursor=c2, label=spring, enabled=false, search=sale}",
        ListLinksRequest.builder().pageSize(25).cursor("c2").label("spring").enabled(false).search("sale")
            .build().toString());
  }

  @Test
  void aPageShowsItsSizeNotItsItems() {
    assertEquals("Page{items=2, nextCursor=null, total=null}",
        Page.of(List.of("a", "b"), Optional.of(" "), OptionalLong.empty()).toString());
    assertEquals("Page{items=0, nextCursor=next, total=7}",
        Page.of(List.of(), Optional.of("next"), OptionalLong.of(7)).toString());
  }

  @Test
  void capabilitiesShowEverySetInEnumOrder() {
    Capabilities capabilities = Capabilities.builder()
        .operations(Operation.DELETE, Operation.CREATE)
        .creatableFields(LinkField.SLUG, LinkField.DESTINATION)
        .updatableFields(LinkField.PASSWORD, LinkField.TITLE)
        .clearableFields(LinkField.PASSWORD)
        .listFilters(ListFilter.SEARCH, ListFilter.LABEL)
        .maxPageSize(50)
        .build();
    assertEquals(
        "Capabilities{operations=[CREATE, DELETE], create=[DESTINATION, SLUG], update=[TITLE, PASSWORD],"
            + " clear=[PASSWORD], listFilters=[LABEL, SEARCH], maxPageSize=50}",
        capabilities.toString());
    assertEquals(
        "Capabilities{operations=[], create=[DESTINATION], update=[], clear=[], listFilters=[],"
            + " maxPageSize=100}",
        Capabilities.builder().creatableFields(LinkField.DESTINATION).build().toString());
  }

  @Test
  void aRateLimitStatusShowsEveryPartSetOrNot() {
    assertEquals("RateLimitStatus{limit=null, remaining=null, resetAt=null, window=null}",
        RateLimitStatus.builder().build().toString());
    assertEquals("RateLimitStatus{limit=null, remaining=0, resetAt=2026-03-01T09:30:00Z, window=null}",
        RateLimitStatus.builder().remaining(0).resetAt(T0).build().toString());
  }

  @Test
  void aRetryPolicyShowsItsFourSettings() {
    assertEquals(
        "RetryPolicy{maxAttempts=8, initialBackoff=PT0.5S, maxBackoff=PT30S, maxRetryAfter=PT2M}",
        RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(500))
            .maxBackoff(Duration.ofSeconds(30)).maxRetryAfter(Duration.ofMinutes(2)).build().toString());
  }

  @Test
  void aVendorErrorShowsWhatDecidesRetryingButNotItsDetails() {
    assertEquals(
        "VendorError{code=null, message=null, requestId=null, quotaExhausted=false, retryAfter=null}",
        VendorError.none().toString());
    assertEquals(
        "VendorError{code=RATE_LIMITED, message=Slow down, requestId=req_1, quotaExhausted=true,"
            + " retryAfter=PT30S}",
        VendorError.builder().errorCode("RATE_LIMITED").message("Slow down").requestId("req_1")
            .details(Map.of("limit", 60)).quotaExhausted(true).retryAfter(Duration.ofSeconds(30))
            .rateLimit(RateLimitStatus.builder().limit(60).build()).build().toString());
  }

  @Test
  void fieldUpdatesAndIdsShowTheirValue() {
    assertEquals("set(https://example.com/a)", FieldUpdate.set(URI.create("https://example.com/a")).toString());
    assertEquals("set(****)", LinkPatch.builder().password("hunter2-secret").build().password().toString());
    assertEquals("cleared", FieldUpdate.cleared().toString());
    assertEquals("absent", FieldUpdate.absent().toString());
    assertEquals("1361ed0c-ba12-43ea-8ffb-f7f358359a00",
        LinkId.of(UUID.fromString("1361ED0C-BA12-43EA-8FFB-F7F358359A00")).toString());
    assertEquals("-3", LinkId.of(-3).toString());
  }

  @Test
  void clickCountAndDailyClicksShowTheirValueAndClicks() {
    assertEquals("US=12", ClickCount.of("US", 12).toString());
    assertEquals("2026-03-01=0", DailyClicks.of(java.time.LocalDate.of(2026, 3, 1), 0).toString());
  }

  @Test
  void qrValuesShowEveryPartButNeverTheImageBytes() {
    assertEquals("QrCode{format=SVG, length=0}", QrCode.of(QrFormat.SVG, new byte[0]).toString());
    assertEquals("QrOptions{format=null, size=null, options=null}", QrOptions.defaults().toString());
    assertEquals("QrOptions{format=PNG, size=12, options=Extras[providerId=fake]}",
        QrOptions.builder().options(new Extras("fake")).size(12).format(QrFormat.PNG).build().toString());
    assertEquals("QrCapabilities{none}", QrCapabilities.none().toString());
    assertEquals("QrCapabilities{formats=[SVG, PNG], size=1..50 PIXELS_PER_MODULE}",
        QrCapabilities.of(java.util.EnumSet.of(QrFormat.PNG, QrFormat.SVG), 1, 50, QrSizeUnit.PIXELS_PER_MODULE)
            .toString());
  }

  @Test
  void statsValuesShowEveryPartSetOrNotButNotTheProviderFields() {
    java.time.LocalDate march1 = java.time.LocalDate.of(2026, 3, 1);
    assertEquals("StatsRequest{from=null, to=null}", StatsRequest.allTime().toString());
    assertEquals("StatsRequest{from=2026-03-01, to=2026-03-02}",
        StatsRequest.between(march1, march1.plusDays(1)).toString());
    assertEquals("StatsCapabilities{fields=[], dateRange=NONE}", StatsCapabilities.none().toString());
    assertEquals("StatsCapabilities{fields=[TOTAL_CLICKS, COUNTRIES], dateRange=OPTIONAL}",
        StatsCapabilities.of(java.util.EnumSet.of(StatsField.COUNTRIES, StatsField.TOTAL_CLICKS),
            DateRangeSupport.OPTIONAL).toString());
    assertEquals(
        "LinkStats{linkId=abc, request=StatsRequest{from=null, to=null}, totalClicks=null,"
            + " lastClickedAt=null, dailyClicks=null, countries=null, devices=null, browsers=null,"
            + " referrers=null}",
        LinkStats.builder().linkId(LinkId.of("abc")).providerFields(Map.of("raw", 1)).build().toString());
    assertEquals(
        "LinkStats{linkId=abc, request=StatsRequest{from=2026-03-01, to=2026-03-01}, totalClicks=9,"
            + " lastClickedAt=2026-03-01T09:30:00Z, dailyClicks=[2026-03-01=9], countries=[DE=5, US=4],"
            + " devices=[mobile=9], browsers=[], referrers=[t.co=1]}",
        LinkStats.builder().linkId(LinkId.of("abc")).request(StatsRequest.between(march1, march1))
            .totalClicks(9).lastClickedAt(T0).dailyClicks(List.of(DailyClicks.of(march1, 9)))
            .countries(List.of(ClickCount.of("US", 4), ClickCount.of("DE", 5)))
            .devices(List.of(ClickCount.of("mobile", 9))).browsers(List.of())
            .referrers(List.of(ClickCount.of("t.co", 1))).providerFields(Map.of("secretish", "x"))
            .build().toString());
  }

  @Test
  void usageValuesShowTheLimitsInTheOrderAddedButNotTheProviderFields() {
    assertEquals("Quota{links: limit=null, used=null, remaining=null}", Quota.builder("links").build().toString());
    assertEquals("Quota{api_calls: limit=50000, used=12, remaining=0}",
        Quota.builder("api_calls").limit(50_000).used(12).remaining(0).build().toString());
    assertEquals("AccountUsage{plan=null, quotas=[], features={}}", AccountUsage.builder().build().toString());
    assertEquals(
        "AccountUsage{plan=pro, quotas=[Quota{b: limit=2, used=null, remaining=null},"
            + " Quota{a: limit=1, used=null, remaining=null}, Quota{c: limit=3, used=null, remaining=null}],"
            + " features={routing_rules=true, bulk_ops=false}}",
        AccountUsage.builder().plan("pro")
            .addQuota(Quota.builder("b").limit(2).build())
            .addQuota(Quota.builder("a").limit(1).build())
            .addQuota(Quota.builder("c").limit(3).build())
            .putFeature("routing_rules", true).putFeature("bulk_ops", false)
            .providerFields(Map.of("plan", "pro"))
            .build().toString());
  }
}
