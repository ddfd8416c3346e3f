package dev.polylink.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What QR image to ask for: a portable {@link QrFormat} and size, and the provider's typed extras
 * ({@code XqrQrOptions}, {@code SnipurlQrOptions}). Anything left unset is not sent, so the vendor's
 * default applies. Checked against {@link Capabilities#qrCodes()} before any request: a format the
 * provider does not serve, or a size outside its range, is a {@link RequestValidationException}.
 */
public final class QrOptions {
  private static final QrOptions DEFAULTS = builder().build();

  private final QrFormat format;
  private final Integer size;
  private final ProviderOptions options;

  private QrOptions(Builder b) {
    this.format = b.format;
    this.size = b.size;
    this.options = b.options;
  }

  /** {@return no options at all: the vendor's default format and size} */
  public static QrOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.format = format;
    b.size = size;
    b.options = options;
    return b;
  }

  /** {@return the image format; empty for the vendor's default} */
  public Optional<QrFormat> format() {
    return Optional.ofNullable(format);
  }

  /**
   * The size in the provider's own unit ({@link QrCapabilities#sizeUnit()}); empty for the vendor's
   * default.
   * @return the size, when set
   */
  public OptionalInt size() {
    return size == null ? OptionalInt.empty() : OptionalInt.of(size);
  }

  /** {@return the provider's typed extras, e.g. an xQR template or SnipURL colours} */
  public Optional<ProviderOptions> options() {
    return Optional.ofNullable(options);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof QrOptions)) {
      return false;
    }
    QrOptions q = (QrOptions) o;
    return format == q.format && Objects.equals(size, q.size) && Objects.equals(options, q.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, size, options);
  }

  @Override
  public String toString() {
    return "QrOptions{format=" + format + ", size=" + size + ", options=" + options + "}";
  }

  /** Builds {@link QrOptions}; null-hostile. */
  public static final class Builder {
    private QrFormat format;
    private Integer size;
    private ProviderOptions options;

    private Builder() {}

    /**
     * Sets {@code format}.
     * @return this builder
     * @param format the format
     */
    public Builder format(QrFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * The size in the provider's unit; its range is checked by the client against its capabilities.
     * @param size the size
     * @return this builder
     */
    public Builder size(int size) {
      this.size = size;
      return this;
    }

    /**
     * Sets {@code options}.
     * @return this builder
     * @param options the options
     */
    public Builder options(ProviderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** {@return the value built from this builder} */
    public QrOptions build() {
      return new QrOptions(this);
    }
  }
}
