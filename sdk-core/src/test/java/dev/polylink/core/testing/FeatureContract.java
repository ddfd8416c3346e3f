package dev.polylink.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.Capabilities;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.QrCapabilities;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of QR images, statistics and account usage, derived from the provider's {@link
 * Capabilities} alone: what it cannot do fails with {@link OperationNotSupportedException}, options
 * outside its advertised formats, sizes and date ranges fail with {@link
 * RequestValidationException}, and in every such case nothing is sent. {@link LinkClientContractTest}
 * implements it, so every provider's contract test runs it.
 */
public interface FeatureContract {
  /** The client under test, on WireMock. */
  LinkClient featureClient();

  /** The WireMock server the client talks to. */
  WireMockExtension featureWireMock();

  /** A well-formed id of the provider. */
  LinkId featureSampleId();

  /** Ids of the wrong shape for the provider. */
  List<String> featureMalformedIds();

  private Capabilities capabilities() {
    return featureClient().capabilities();
  }

  private void assertNothingSent() {
    assertEquals(0, featureWireMock().getAllServeEvents().size(), "no request may be sent");
  }

  @Test
  default void qrCodeOutsideTheCapabilitiesIsNotSupported() {
    if (capabilities().supports(Operation.QR_CODE)) {
      assertTrue(capabilities().qrCodes().supported());
      return;
    }
    OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
        () -> featureClient().qrCode(featureSampleId(), QrOptions.defaults()));
    assertEquals(Operation.QR_CODE, e.operation());
    assertEquals(featureClient().providerId(), e.providerId());
    assertNothingSent();
  }

  @TestFactory
  default Stream<DynamicTest> qrOptionsOutsideTheCapabilitiesAreRefusedBeforeSending() {
    QrCapabilities qr = capabilities().qrCodes();
    if (!qr.supported()) {
      return Stream.empty();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (QrFormat format : QrFormat.values()) {
      if (!qr.formats().contains(format)) {
        tests.add(refused("format " + format, "format:", QrOptions.builder().format(format).build()));
      }
    }
    tests.add(refused("size below " + qr.minSize(), "size:", QrOptions.builder().size(qr.minSize() - 1).build()));
    tests.add(refused("size above " + qr.maxSize(), "size:", QrOptions.builder().size(qr.maxSize() + 1).build()));
    tests.add(refused("another provider's extras", "options:",
        QrOptions.builder().options(() -> "another-provider").build()));
    for (String malformed : featureMalformedIds()) {
      tests.add(dynamicTest("malformed id " + malformed, () -> {
        assertThrows(RequestValidationException.class,
            () -> featureClient().qrCode(LinkId.of(malformed), QrOptions.defaults()));
        assertNothingSent();
      }));
    }
    return tests.stream();
  }

  private DynamicTest refused(String name, String violation, QrOptions options) {
    return dynamicTest(name, () -> {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> featureClient().qrCode(featureSampleId(), options));
      assertTrue(e.violations().stream().anyMatch(v -> v.startsWith(violation)), e.violations().toString());
      assertNothingSent();
    });
  }

  @TestFactory
  default Stream<DynamicTest> statsFollowTheCapabilities() {
    List<DynamicTest> tests = new ArrayList<>();
    StatsRequest range = StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    if (!capabilities().supports(Operation.STATS)) {
      tests.add(dynamicTest("not supported", () -> {
        OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
            () -> featureClient().stats(featureSampleId(), StatsRequest.allTime()));
        assertEquals(Operation.STATS, e.operation());
        assertNothingSent();
      }));
      return tests.stream();
    }
    assertTrue(capabilities().stats().supported());
    DateRangeSupport support = capabilities().stats().dateRange();
    if (support == DateRangeSupport.NONE) {
      tests.add(rangeRefused("a range is refused", () -> featureClient().stats(featureSampleId(), range)));
    }
    if (support == DateRangeSupport.REQUIRED) {
      tests.add(rangeRefused("a missing range is refused", () -> featureClient().stats(featureSampleId())));
    }
    StatsRequest accepted = support == DateRangeSupport.REQUIRED ? range : StatsRequest.allTime();
    for (String malformed : featureMalformedIds()) {
      tests.add(dynamicTest("malformed id " + malformed, () -> {
        assertThrows(RequestValidationException.class, () -> featureClient().stats(LinkId.of(malformed), accepted));
        assertNothingSent();
      }));
    }
    return tests.stream();
  }

  private DynamicTest rangeRefused(String name, Supplier<?> call) {
    return dynamicTest(name, () -> {
      RequestValidationException e = assertThrows(RequestValidationException.class, call::get);
      assertTrue(e.violations().get(0).startsWith("range:"), e.violations().toString());
      assertNothingSent();
    });
  }

  @Test
  default void accountUsageOutsideTheCapabilitiesIsNotSupported() {
    if (capabilities().supports(Operation.ACCOUNT_USAGE)) {
      return;
    }
    OperationNotSupportedException e =
        assertThrows(OperationNotSupportedException.class, () -> featureClient().accountUsage());
    assertEquals(Operation.ACCOUNT_USAGE, e.operation());
    assertNothingSent();
  }
}
