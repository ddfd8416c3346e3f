package dev.polylink.core.spi;

import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkField;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@link Capabilities} as the Markdown table the README shows, so the README can be checked
 * against the code by a test.
 */
public final class CapabilityTable {
  private CapabilityTable() {}

  /** One provider: a row per {@link LinkField}, columns create / update / clear. */
  public static String markdown(Capabilities capabilities) {
    StringBuilder sb = new StringBuilder();
    sb.append("| field | create | update | clear |\n");
    sb.append("|---|---|---|---|\n");
    for (LinkField field : LinkField.values()) {
      sb.append("| ").append(lower(field))
          .append(" | ").append(mark(capabilities.canCreate(field)))
          .append(" | ").append(mark(capabilities.canUpdate(field)))
          .append(" | ").append(mark(capabilities.canClear(field)))
          .append(" |\n");
    }
    sb.append("\nOperations: ").append(join(capabilities.operations()))
        .append(". List filters: ").append(capabilities.listFilters().isEmpty() ? "none" : join(capabilities.listFilters()))
        .append(". Largest page: ").append(capabilities.maxPageSize()).append(".\n");
    return sb.toString();
  }

  private static String mark(boolean yes) {
    return yes ? "yes" : "no";
  }

  private static String join(Set<? extends Enum<?>> values) {
    return values.stream().map(CapabilityTable::lower).collect(Collectors.joining(", "));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
