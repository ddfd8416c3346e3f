package dev.polylink.core;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What QR image to ask for: a portable {@link QrFormat} and size, and the provider's typed extras
 * ({@code XqrQrOptions}, {@code SnipurlQrOptions}). Anything left unset is not sent, so the vendor's
 * default applies. Checked against {@link Capabilities#qrCodes()} before any request: a format the
 * provider does not serve, or a size outside its range, is a {@link RequestValidationException}.
 */
@Value.Immutable
@ValueStyle
public abstract class QrOptions {
  private static final QrOptions DEFAULTS = builder().build();

  QrOptions() {}

  /** {@return no options at all: the vendor's default format and size} */
  public static QrOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableQrOptions.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableQrOptions.builder().from(this);
  }

  /** {@return the image format; empty for the vendor's default} */
  public abstract Optional<QrFormat> format();

  /**
   * The size in the provider's own unit ({@link QrCapabilities#sizeUnit()}); empty for the vendor's
   * default.
   * @return the size, when set
   */
  public abstract OptionalInt size();

  /** {@return the provider's typed extras, e.g. an xQR template or SnipURL colours} */
  public abstract Optional<ProviderOptions> options();

  @Override
  public String toString() {
    return "QrOptions{format=" + format().orElse(null) + ", size=" + (size().isPresent() ? size().getAsInt() : null)
        + ", options=" + options().orElse(null) + "}";
  }

  /** Builds {@link QrOptions}; null-hostile. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableQrOptions.Builder generated() {
      return (ImmutableQrOptions.Builder) this;
    }

    /**
     * Sets {@code format}.
     * @return this builder
     * @param format the format
     */
    public Builder format(QrFormat format) {
      return generated().setFormat(format);
    }

    /**
     * The size in the provider's unit; its range is checked by the client against its capabilities.
     * @param size the size
     * @return this builder
     */
    public Builder size(int size) {
      return generated().setSize(size);
    }

    /**
     * Sets {@code options}.
     * @return this builder
     * @param options the options
     */
    public Builder options(ProviderOptions options) {
      return generated().setOptions(options);
    }

    /** {@return the value built from this builder} */
    public abstract QrOptions build();
  }
}
