package dev.polylink.core.spi;

import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every provider runs before sending anything, derived from its {@link Capabilities}
 * alone, so that validation cannot drift from what the capabilities advertise.
 */
public final class RequestChecks {
  private RequestChecks() {}

  /**
   * Rejects fields the provider cannot create, and options of another provider.
   *
   * @param <T> the type of the value
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param capabilities what the provider supports
   * @param request the request to check
   * @param optionsType the provider's options class
   * @return the provider's options, when given
   */
  public static <T extends ProviderOptions> Optional<T> create(
      String providerId, Capabilities capabilities, CreateLinkRequest request, Class<T> optionsType) {
    Optional<T> options = options(providerId, request.options(), optionsType);
    Set<LinkField> unsupported = EnumSet.noneOf(LinkField.class);
    unsupported.addAll(request.fields());
    unsupported.removeAll(capabilities.creatableFields());
    if (!unsupported.isEmpty()) {
      throw new UnsupportedFieldException(providerId, Operation.CREATE, unsupported, "set on create");
    }
    return options;
  }

  /**
   * Rejects an empty patch, fields the provider cannot change, fields it cannot clear, and options
   * of another provider; every offending field is named at once.
   *
   * @param <T> the type of the value
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param capabilities what the provider supports
   * @param patch the changes
   * @param optionsType the provider's options class
   * @return the provider's options, when given
   */
  public static <T extends ProviderOptions> Optional<T> update(
      String providerId, Capabilities capabilities, LinkPatch patch, Class<T> optionsType) {
    if (patch.isEmpty()) {
      throw new RequestValidationException(
          providerId, "patch: must change at least one field or carry options (it was empty)");
    }
    Optional<T> options = options(providerId, patch.options(), optionsType);
    Set<LinkField> unsupported = EnumSet.noneOf(LinkField.class);
    for (LinkField field : patch.fields()) {
      if (!capabilities.canUpdate(field)) {
        unsupported.add(field);
      }
    }
    boolean clearing = false;
    for (LinkField field : patch.clearedFields()) {
      if (capabilities.canUpdate(field) && !capabilities.canClear(field)) {
        unsupported.add(field);
        clearing = true;
      }
    }
    if (!unsupported.isEmpty()) {
      throw new UnsupportedFieldException(
          providerId, Operation.UPDATE, unsupported, clearing ? "change or clear" : "change");
    }
    return options;
  }

  /**
   * Rejects filters the provider cannot apply and page sizes above its maximum.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param capabilities what the provider supports
   * @param request the request to check
   */
  public static void list(String providerId, Capabilities capabilities, ListLinksRequest request) {
    List<String> violations = new ArrayList<>();
    for (ListFilter filter : request.filters()) {
      if (!capabilities.supports(filter)) {
        violations.add(
            name(filter) + ": filter not supported by " + providerId + " (supported: "
                + (capabilities.listFilters().isEmpty()
                    ? "none"
                    : capabilities.listFilters().stream().map(RequestChecks::name).collect(Collectors.joining(", ")))
                + ")");
      }
    }
    request.pageSize().ifPresent(size -> {
      if (size > capabilities.maxPageSize()) {
        violations.add("pageSize: must be at most " + capabilities.maxPageSize() + " for " + providerId
            + " (was " + size + ")");
      }
    });
    if (!violations.isEmpty()) {
      throw new RequestValidationException(providerId, violations);
    }
  }

  /**
   * {@return the options as the provider's own type; another provider's options are rejected}
   *
   * @param <T> the type of the value
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param options the options as the provider's own type; another provider's options are rejected
   * @param optionsType the provider's options class
   */
  public static <T extends ProviderOptions> Optional<T> options(
      String providerId, Optional<ProviderOptions> options, Class<T> optionsType) {
    if (options.isEmpty()) {
      return Optional.empty();
    }
    ProviderOptions given = options.get();
    if (!optionsType.isInstance(given)) {
      throw new RequestValidationException(
          providerId,
          "options: " + given.getClass().getSimpleName() + " belong to provider '" + given.providerId()
              + "', not " + providerId + " (expected " + optionsType.getSimpleName() + ")");
    }
    return Optional.of(optionsType.cast(given));
  }

  private static String name(ListFilter filter) {
    return filter.name().toLowerCase(Locale.ROOT);
  }
}
