package dev.polylink.core.spi;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.FeatureNotAvailableException;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.QrCapabilities;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks of the QR, statistics and usage operations, derived from {@link Capabilities} alone
 * like {@link RequestChecks}, run before anything is sent.
 */
public final class FeatureChecks {
  private FeatureChecks() {}

  /**
   * Rejects a provider without QR images, a format it does not serve, a size outside its range and
   * another provider's extras, all violations at once.
   *
   * @return the provider's extras of type {@code extrasType}, when given
   * @param <T> the type of the provider's extras
   * @param providerId the provider id
   * @param capabilities the capabilities
   * @param options the options
   * @param extrasType the extras type
   */
  public static <T extends ProviderOptions> Optional<T> qrCode(
      String providerId, Capabilities capabilities, QrOptions options, Class<T> extrasType) {
    supported(providerId, capabilities, Operation.QR_CODE);
    QrCapabilities qr = capabilities.qrCodes();
    List<String> violations = new ArrayList<>();
    options.format().filter(f -> !qr.formats().contains(f)).ifPresent(f -> violations.add(
        "format: " + f.label() + " is not served by " + providerId + " (supported: "
            + qr.formats().stream().map(QrFormat::label).collect(Collectors.joining(", ")) + ")"));
    options.size().ifPresent(size -> {
      if (size < qr.minSize() || size > qr.maxSize()) {
        violations.add("size: must be " + qr.minSize() + " to " + qr.maxSize() + " "
            + qr.sizeUnit().map(u -> u.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("")
            + " for " + providerId + " (was " + size + ")");
      }
    });
    Optional<T> extras = Optional.empty();
    try {
      extras = RequestChecks.options(providerId, options.options(), extrasType);
    } catch (RequestValidationException e) {
      violations.addAll(e.violations());
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(providerId, violations);
    }
    return extras;
  }

  /**
   * Rejects a provider without statistics, and a range it refuses or a missing range it requires.
   * @param providerId the provider id
   * @param capabilities the capabilities
   * @param request the request
   */
  public static void stats(String providerId, Capabilities capabilities, StatsRequest request) {
    supported(providerId, capabilities, Operation.STATS);
    DateRangeSupport range = capabilities.stats().dateRange();
    if (range == DateRangeSupport.NONE && request.hasRange()) {
      throw new RequestValidationException(providerId,
          "range: " + providerId + " reports statistics over a link's whole life only; use StatsRequest.allTime()");
    }
    if (range == DateRangeSupport.REQUIRED && !request.hasRange()) {
      throw new RequestValidationException(providerId,
          "range: " + providerId + " needs a date range (StatsRequest.between(from, to))");
    }
  }

  /**
   * Rejects an operation outside {@link Capabilities#operations()}.
   * @param providerId the provider id
   * @param capabilities the capabilities
   * @param operation the operation
   */
  public static void supported(String providerId, Capabilities capabilities, Operation operation) {
    if (!capabilities.supports(operation)) {
      throw new OperationNotSupportedException(providerId, operation, "not in its capabilities");
    }
  }

  /**
   * Rejects a request needing {@code feature} when the account's latest usage answer says its plan
   * lacks it; without an answer (or when it does not mention the feature) the request goes ahead
   * and the vendor decides.
   * @param providerId the provider id
   * @param operation the operation
   * @param usage the usage
   * @param feature the feature
   */
  public static void requireFeature(
      String providerId, Operation operation, Optional<AccountUsage> usage, String feature) {
    if (usage.isPresent() && usage.get().feature(feature).equals(Optional.of(false))) {
      throw new FeatureNotAvailableException(providerId, operation, feature, usage.get().plan().orElse(null));
    }
  }
}
