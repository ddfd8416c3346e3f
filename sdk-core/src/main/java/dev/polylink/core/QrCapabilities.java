package dev.polylink.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a provider's QR images can be: the formats it serves, and the range and unit of its size.
 * {@link #none()} for a provider that cannot produce a QR image on demand.
 */
@Value.Immutable
@ValueStyle
public abstract class QrCapabilities {
  private static final QrCapabilities NONE =
      ImmutableQrCapabilities.of(EnumSet.noneOf(QrFormat.class), 0, 0, Optional.empty());

  QrCapabilities() {}

  /** {@return no QR images} */
  public static QrCapabilities none() {
    return NONE;
  }

  /**
   * QR images in {@code formats} with a size from {@code minSize} to {@code maxSize} (inclusive) in
   * {@code unit}.
   *
   * @throws RequestValidationException for no format or an empty or negative size range
   * @param formats the formats
   * @param minSize the min size
   * @param maxSize the max size
   * @param unit the unit
   * @return the capabilities
   */
  public static QrCapabilities of(Set<QrFormat> formats, int minSize, int maxSize, QrSizeUnit unit) {
    Objects.requireNonNull(unit, "unit");
    if (formats.isEmpty() || minSize < 1 || maxSize < minSize) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER,
          "qrCodes: needs at least one format and a size range 1 <= min <= max (was " + formats + ", "
              + minSize + ".." + maxSize + ")");
    }
    return ImmutableQrCapabilities.of(formats, minSize, maxSize, Optional.of(unit));
  }

  /** {@return the formats served; empty when there are no QR images} */
  @Value.Parameter
  public abstract Set<QrFormat> formats();

  /** {@return the smallest size accepted (0 when unsupported)} */
  @Value.Parameter
  public abstract int minSize();

  /** {@return the largest size accepted (0 when unsupported)} */
  @Value.Parameter
  public abstract int maxSize();

  /** {@return what the size counts; empty when unsupported} */
  @Value.Parameter
  public abstract Optional<QrSizeUnit> sizeUnit();

  /** {@return whether QR images can be produced at all} */
  public boolean supported() {
    return !formats().isEmpty();
  }

  @Override
  public String toString() {
    return supported()
        ? "QrCapabilities{formats=" + formats() + ", size=" + minSize() + ".." + maxSize() + " "
            + sizeUnit().orElse(null) + "}"
        : "QrCapabilities{none}";
  }
}
