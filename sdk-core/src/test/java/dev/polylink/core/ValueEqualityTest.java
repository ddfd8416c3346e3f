package dev.polylink.core;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/**
 * {@code equals} and {@code hashCode} of every value type, checked field by field with
 * EqualsVerifier: two values differing in any one field are unequal, equal values hash alike. The
 * generated classes are checked directly (they are the only implementations).
 */
class ValueEqualityTest {
  @Test
  void link() {
    EqualsVerifier.forClass(ImmutableLink.class)
        .withNonnullFields("providerId", "id", "shortUrl", "shortCode", "labels", "providerFields")
       .verify();
  }

  @Test
  void linkPatch() {
    EqualsVerifier.forClass(ImmutableLinkPatch.class)
        .withNonnullFields(
            "destination", "slug", "title", "enabled", "labels", "expiresAt", "password", "redirectType")
       .verify();
  }

  @Test
  void createLinkRequest() {
    EqualsVerifier.forClass(ImmutableCreateLinkRequest.class).withNonnullFields("labels").verify();
  }

  @Test
  void listLinksRequest() {
    EqualsVerifier.forClass(ImmutableListLinksRequest.class).verify();
  }

  @Test
  void page() {
    EqualsVerifier.forClass(ImmutablePage.class).withNonnullFields("items").verify();
  }

  @Test
  void capabilities() {
    EqualsVerifier.forClass(ImmutableCapabilities.class)
        .withNonnullFields(
            "operations", "creatableFields", "updatableFields", "clearableFields", "listFilters",
            "qrCodes", "stats", "bulkOperations")
       .verify();
  }

  @Test
  void bulkValues() {
    EqualsVerifier.forClass(ImmutableBulkSupport.class).verify();
    EqualsVerifier.forClass(ImmutableBulkItem.class)
        .withPrefabValues(PolylinkException.class,
            new RequestValidationException("a", "x: bad"), new RequestValidationException("b", "y: bad"))
        .suppress(nl.jqno.equalsverifier.Warning.NULL_FIELDS).verify();
  }

  @Test
  void rateLimitStatus() {
    EqualsVerifier.forClass(ImmutableRateLimitStatus.class).verify();
  }

  @Test
  void retryPolicy() {
    EqualsVerifier.forClass(ImmutableRetryPolicy.class)
        .withNonnullFields("initialBackoff", "maxBackoff", "maxRetryAfter")
       .verify();
  }

  @Test
  void linkId() {
    EqualsVerifier.forClass(LinkId.class).withNonnullFields("value").verify();
  }

  @Test
  void fieldUpdate() {
    EqualsVerifier.forClass(FieldUpdate.class)
        .withNonnullFields("state")
        // The mask flag only changes what toString() shows: a secret equals the same plain value.
        .withIgnoredFields("secret")
       .verify();
  }

  @Test
  void clickCount() {
    EqualsVerifier.forClass(ImmutableClickCount.class).withNonnullFields("value").verify();
  }

  @Test
  void dailyClicks() {
    EqualsVerifier.forClass(ImmutableDailyClicks.class).withNonnullFields("date").verify();
  }

  @Test
  void qrValues() {
    EqualsVerifier.forClass(ImmutableQrCode.class).withNonnullFields("format", "bytes").verify();
    EqualsVerifier.forClass(ImmutableQrOptions.class).verify();
    EqualsVerifier.forClass(ImmutableQrCapabilities.class).withNonnullFields("formats").verify();
  }

  @Test
  void statsValues() {
    EqualsVerifier.forClass(ImmutableStatsRequest.class).verify();
    EqualsVerifier.forClass(ImmutableStatsCapabilities.class).withNonnullFields("fields", "dateRange").verify();
    EqualsVerifier.forClass(ImmutableLinkStats.class)
        .withPrefabValues(StatsRequest.class, StatsRequest.allTime(),
            StatsRequest.between(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 2)))
        .withNonnullFields("linkId", "request", "providerFields")
        .verify();
  }

  @Test
  void usageValues() {
    EqualsVerifier.forClass(ImmutableQuota.class).withNonnullFields("name").verify();
    EqualsVerifier.forClass(ImmutableAccountUsage.class)
        .withNonnullFields("quotas", "features", "providerFields")
        .verify();
  }
}
