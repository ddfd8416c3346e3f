package dev.polylink.snipurl;

import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * SnipURL's extras for a QR image ({@code GET /api/v1/qr/:short_code}), passed through {@link
 * dev.polylink.core.QrOptions.Builder#options}: {@code color} (default {@code #1A1410}), {@code bg}
 * (a hex colour or {@code transparent}), {@code ec} (L, M, Q or H; default M) and {@code margin} (0
 * to 4; default 2). Unset values are not sent, so SnipURL's defaults apply.
 *
 * <p>SnipURL documents colours as hex without a grammar; this class accepts what its default shows,
 * {@code #} and 3 or 6 hex digits, and sends it as given.
 */
@Value.Immutable
@ValueStyle
public abstract class SnipurlQrOptions implements ProviderOptions {
  private static final Pattern HEX = Pattern.compile("#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})");

  SnipurlQrOptions() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableSnipurlQrOptions.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableSnipurlQrOptions.builder().from(this);
  }

  /** Always {@code "snipurl"}. */
  @Override
  public String providerId() {
    return SnipurlClient.PROVIDER_ID;
  }

  /** {@return {@code color}: the modules' colour} */
  public abstract Optional<String> color();

  /** {@return {@code bg}: the background, a hex colour or {@code transparent}} */
  public abstract Optional<String> background();

  /** {@return {@code ec}: the error-correction level} */
  public abstract Optional<QrErrorCorrection> errorCorrection();

  /** {@return {@code margin}: the quiet zone in modules, 0 to 4} */
  public abstract OptionalInt margin();

  @Override
  public String toString() {
    return "SnipurlQrOptions{color=" + color().orElse(null) + ", background=" + background().orElse(null)
        + ", errorCorrection=" + errorCorrection().orElse(null) + ", margin="
        + (margin().isPresent() ? margin().getAsInt() : null) + "}";
  }

  /** Builds {@link SnipurlQrOptions}; each setter checks its value. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableSnipurlQrOptions.Builder generated() {
      return (ImmutableSnipurlQrOptions.Builder) this;
    }

    /**
     * @throws RequestValidationException unless {@code #} and 3 or 6 hex digits
     * @param color the color
     * @return this builder
     */
    public Builder color(String color) {
      return generated().setColor(hex("color", Objects.requireNonNull(color, "color")));
    }

    /**
     * @throws RequestValidationException unless a hex colour or {@code transparent}
     * @param background the background
     * @return this builder
     */
    public Builder background(String background) {
      Objects.requireNonNull(background, "background");
      return generated().setBackground(background.equals("transparent") ? background : hex("background", background));
    }

    /**
     * Sets {@code errorCorrection}.
     * @return this builder
     * @param errorCorrection the error correction
     */
    public Builder errorCorrection(QrErrorCorrection errorCorrection) {
      return generated().setErrorCorrection(errorCorrection);
    }

    /**
     * @throws RequestValidationException unless 0 to 4
     * @param margin the margin
     * @return this builder
     */
    public Builder margin(int margin) {
      if (margin < 0 || margin > 4) {
        throw new RequestValidationException(SnipurlClient.PROVIDER_ID, "margin: must be 0 to 4 (was " + margin + ")");
      }
      return generated().setMargin(margin);
    }

    /** {@return the value built from this builder} */
    public abstract SnipurlQrOptions build();

    private static String hex(String field, String value) {
      if (!HEX.matcher(value).matches()) {
        throw new RequestValidationException(SnipurlClient.PROVIDER_ID,
            field + ": must be # and 3 or 6 hex digits" + (field.equals("background") ? " or transparent" : "")
                + " (was \"" + value + "\")");
      }
      return value;
    }
  }
}
