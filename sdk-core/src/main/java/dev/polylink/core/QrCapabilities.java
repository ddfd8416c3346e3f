package dev.polylink.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's QR images can be: the formats it serves, and the range and unit of its size.
 * {@link #none()} for a provider that cannot produce a QR image on demand.
 */
public final class QrCapabilities {
  private static final QrCapabilities NONE = new QrCapabilities(EnumSet.noneOf(QrFormat.class), 0, 0, null);

  private final Set<QrFormat> formats;
  private final int minSize;
  private final int maxSize;
  private final QrSizeUnit sizeUnit;

  private QrCapabilities(Set<QrFormat> formats, int minSize, int maxSize, QrSizeUnit sizeUnit) {
    this.formats = Collections.unmodifiableSet(formats.isEmpty() ? EnumSet.noneOf(QrFormat.class) : EnumSet.copyOf(formats));
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.sizeUnit = sizeUnit;
  }

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
    return new QrCapabilities(formats, minSize, maxSize, unit);
  }

  /** {@return the formats served; empty when there are no QR images} */
  public Set<QrFormat> formats() {
    return formats;
  }

  /** {@return whether QR images can be produced at all} */
  public boolean supported() {
    return !formats.isEmpty();
  }

  /** {@return the smallest size accepted (0 when unsupported)} */
  public int minSize() {
    return minSize;
  }

  /** {@return the largest size accepted (0 when unsupported)} */
  public int maxSize() {
    return maxSize;
  }

  /** {@return what the size counts; empty when unsupported} */
  public Optional<QrSizeUnit> sizeUnit() {
    return Optional.ofNullable(sizeUnit);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QrCapabilities)) {
      return false;
    }
    QrCapabilities q = (QrCapabilities) o;
    return formats.equals(q.formats) && minSize == q.minSize && maxSize == q.maxSize && sizeUnit == q.sizeUnit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(formats, minSize, maxSize, sizeUnit);
  }

  @Override
  public String toString() {
    return supported()
        ? "QrCapabilities{formats=" + formats + ", size=" + minSize + ".." + maxSize + " " + sizeUnit + "}"
        : "QrCapabilities{none}";
  }
}
