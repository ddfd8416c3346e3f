package dev.polylink.xqr;

import dev.polylink.core.ProviderOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * xQR's extras for a QR image ({@code GET /v1/links/{link_id}/qr}), passed through {@link
 * dev.polylink.core.QrOptions.Builder#options}: {@code template_id}, the UUID of a QR design saved
 * in the workspace.
 */
public final class XqrQrOptions implements ProviderOptions {
  private final UUID templateId;

  private XqrQrOptions(Builder b) {
    this.templateId = b.templateId;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.templateId = templateId;
    return b;
  }

  /** Always {@code "xqr"}. */
  @Override
  public String providerId() {
    return XqrClient.PROVIDER_ID;
  }

  /** {@return the QR template to render with; empty for xQR's default design} */
  public Optional<UUID> templateId() {
    return Optional.ofNullable(templateId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XqrQrOptions && Objects.equals(((XqrQrOptions) o).templateId, templateId);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(templateId);
  }

  @Override
  public String toString() {
    return "XqrQrOptions{templateId=" + templateId + "}";
  }

  /** Builds {@link XqrQrOptions}. */
  public static final class Builder {
    private UUID templateId;

    private Builder() {}

    /**
     * Sets {@code templateId}.
     * @return this builder
     * @param templateId the template id
     */
    public Builder templateId(UUID templateId) {
      this.templateId = Objects.requireNonNull(templateId, "templateId");
      return this;
    }

    /** {@return the value built from this builder} */
    public XqrQrOptions build() {
      return new XqrQrOptions(this);
    }
  }
}
