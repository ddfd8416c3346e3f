package dev.polylink.snipurl;

import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * SnipURL's extras for a QR image ({@code GET /api/v1/qr/:short_code}), passed through {@link
 * dev.polylink.core.QrOptions.Builder#options}: {@code color} (default {@code #1A1410}), {@code bg}
 * (a hex colour or {@code transparent}), {@code ec} (L, M, Q or H; default M) and {@code margin} (0
 * to 4; default 2). Unset values are not sent, so SnipURL's defaults apply.
 *
 * <p>SnipURL documents colours as hex without a grammar; this class accepts what its default shows,
 * {@code #} and 3 or 6 hex digits, and sends it as given.
 */
public final class SnipurlQrOptions implements ProviderOptions {
  private static final Pattern HEX = Pattern.compile("#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})");

  private final String color;
  private final String background;
  private final QrErrorCorrection errorCorrection;
  private final Integer margin;

  private SnipurlQrOptions(Builder b) {
    this.color = b.color;
    this.background = b.background;
    this.errorCorrection = b.errorCorrection;
    this.margin = b.margin;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.color = color;
    b.background = background;
    b.errorCorrection = errorCorrection;
    b.margin = margin;
    return b;
  }

  /** Always {@code "snipurl"}. */
  @Override
  public String providerId() {
    return SnipurlClient.PROVIDER_ID;
  }

  /** {@return {@code color}: the modules' colour} */
  public Optional<String> color() {
    return Optional.ofNullable(color);
  }

  /** {@return {@code bg}: the background, a hex colour or {@code transparent}} */
  public Optional<String> background() {
    return Optional.ofNullable(background);
  }

  /** {@return {@code ec}: the error-correction level} */
  public Optional<QrErrorCorrection> errorCorrection() {
    return Optional.ofNullable(errorCorrection);
  }

  /** {@return {@code margin}: the quiet zone in modules, 0 to 4} */
  public OptionalInt margin() {
    return margin == null ? OptionalInt.empty() : OptionalInt.of(margin);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SnipurlQrOptions)) {
      return false;
    }
    SnipurlQrOptions q = (SnipurlQrOptions) o;
    return Objects.equals(color, q.color) && Objects.equals(background, q.background)
        && errorCorrection == q.errorCorrection && Objects.equals(margin, q.margin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(color, background, errorCorrection, margin);
  }

  @Override
  public String toString() {
    return "SnipurlQrOptions{color=" + color + ", background=" + background + ", errorCorrection="
        + errorCorrection + ", margin=" + margin + "}";
  }

  /** Builds {@link SnipurlQrOptions}; each setter checks its value. */
  public static final class Builder {
    private String color;
    private String background;
    private QrErrorCorrection errorCorrection;
    private Integer margin;

    private Builder() {}

    /**
     * @throws RequestValidationException unless {@code #} and 3 or 6 hex digits
     * @param color the color
     * @return this builder
     */
    public Builder color(String color) {
      this.color = hex("color", Objects.requireNonNull(color, "color"));
      return this;
    }

    /**
     * @throws RequestValidationException unless a hex colour or {@code transparent}
     * @param background the background
     * @return this builder
     */
    public Builder background(String background) {
      Objects.requireNonNull(background, "background");
      this.background = background.equals("transparent") ? background : hex("background", background);
      return this;
    }

    /**
     * Sets {@code errorCorrection}.
     * @return this builder
     * @param errorCorrection the error correction
     */
    public Builder errorCorrection(QrErrorCorrection errorCorrection) {
      this.errorCorrection = Objects.requireNonNull(errorCorrection, "errorCorrection");
      return this;
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
      this.margin = margin;
      return this;
    }

    /** {@return the value built from this builder} */
    public SnipurlQrOptions build() {
      return new SnipurlQrOptions(this);
    }

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
