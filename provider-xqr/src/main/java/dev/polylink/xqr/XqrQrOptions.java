package dev.polylink.xqr;

import dev.polylink.core.ProviderOptions;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * xQR's extras for a QR image ({@code GET /v1/links/{link_id}/qr}), passed through {@link
 * dev.polylink.core.QrOptions.Builder#options}: {@code template_id}, the UUID of a QR design saved
 * in the workspace.
 */
@Value.Immutable
@ValueStyle
public abstract class XqrQrOptions implements ProviderOptions {
  XqrQrOptions() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableXqrQrOptions.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableXqrQrOptions.builder().from(this);
  }

  /** Always {@code "xqr"}. */
  @Override
  public String providerId() {
    return XqrClient.PROVIDER_ID;
  }

  /** {@return the QR template to render with; empty for xQR's default design} */
  public abstract Optional<UUID> templateId();

  @Override
  public String toString() {
    return "XqrQrOptions{templateId=" + templateId().orElse(null) + "}";
  }

  /** Builds {@link XqrQrOptions}. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableXqrQrOptions.Builder generated() {
      return (ImmutableXqrQrOptions.Builder) this;
    }

    /**
     * Sets {@code templateId}.
     * @return this builder
     * @param templateId the template id
     */
    public Builder templateId(UUID templateId) {
      return generated().setTemplateId(templateId);
    }

    /** {@return the value built from this builder} */
    public abstract XqrQrOptions build();
  }
}
