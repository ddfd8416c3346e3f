package dev.polylink.core.internal;

import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkField;
import dev.polylink.core.ListFilter;
import dev.polylink.core.Operation;
import dev.polylink.core.QrFormat;
import dev.polylink.core.StatsField;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@link Capabilities} as Markdown tables: {@link Capabilities#markdownTable()} for one
 * provider (what a program prints), and the README's provider matrix (a test keeps the README equal
 * to both).
 */
public final class CapabilityTable {
  /** The fields {@code LinkPatch} has a clear method for. */
  private static final Set<LinkField> CLEARABLE_IN_THE_MODEL =
      EnumSet.of(LinkField.TITLE, LinkField.LABELS, LinkField.EXPIRES_AT, LinkField.PASSWORD);

  /** The link CRUD operations, the rows of {@link #matrix}; the others are in {@link #features}. */
  private static final Set<Operation> LINK_OPERATIONS =
      EnumSet.of(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE);

  /** The operations the bulk methods cover, the matrix's bulk rows. */
  private static final Set<Operation> BULK_OPERATIONS =
      EnumSet.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE);

  private CapabilityTable() {}

  /**
   * {@return one provider: a row per {@link LinkField}, columns create / update / clear}
   *
   * @param capabilities what the provider supports
   */
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

  /**
   * Several providers side by side: a row per link operation (create, get, list, update, delete), per field a request can set on create or
   * update, per field a patch can clear, and per list filter; a column per provider, in the map's
   * order.
   *
   * @param providers the capabilities of each provider, by provider id, in column order
   * @return the Markdown table
   */
  public static String matrix(Map<String, Capabilities> providers) {
    StringBuilder sb = new StringBuilder("| |");
    providers.keySet().forEach(id -> sb.append(' ').append(id).append(" |"));
    sb.append("\n|---|");
    providers.keySet().forEach(id -> sb.append("---|"));
    sb.append('\n');
    for (Operation operation : LINK_OPERATIONS) {
      row(sb, lower(operation), providers, c -> c.supports(operation));
    }
    for (LinkField field : LinkField.values()) {
      if (field != LinkField.ENABLED) { // a new link's state is the vendor's default
        row(sb, "create " + lower(field), providers, c -> c.canCreate(field));
      }
    }
    for (LinkField field : LinkField.values()) {
      row(sb, "update " + lower(field), providers, c -> c.canUpdate(field));
    }
    for (LinkField field : CLEARABLE_IN_THE_MODEL) {
      row(sb, "clear " + lower(field), providers, c -> c.canClear(field));
    }
    for (ListFilter filter : ListFilter.values()) {
      row(sb, "list by " + lower(filter), providers, c -> c.supports(filter));
    }
    for (Operation operation : BULK_OPERATIONS) {
      cells(sb, "bulk " + lower(operation), providers,
          c -> c.bulk(operation).map(b -> "up to " + b.maxBatchSize()).orElse("no"));
    }
    sb.append("| largest page |");
    providers.values().forEach(c -> sb.append(' ').append(c.maxPageSize()).append(" |"));
    return sb.append('\n').toString();
  }

  /**
   * What several providers can do beyond link CRUD, side by side: QR images (formats, size range
   * and unit), statistics (date range, and a row per {@link StatsField}) and account usage.
   * @param providers the providers
   * @return the Markdown table
   */
  public static String features(Map<String, Capabilities> providers) {
    StringBuilder sb = new StringBuilder("| |");
    providers.keySet().forEach(id -> sb.append(' ').append(id).append(" |"));
    sb.append("\n|---|");
    providers.keySet().forEach(id -> sb.append("---|"));
    sb.append('\n');
    row(sb, "qr code", providers, c -> c.supports(Operation.QR_CODE));
    cells(sb, "qr formats", providers, c -> c.qrCodes().supported()
        ? c.qrCodes().formats().stream().map(QrFormat::label).collect(Collectors.joining(", ")) : "-");
    cells(sb, "qr size", providers, c -> c.qrCodes().supported()
        ? c.qrCodes().minSize() + "-" + c.qrCodes().maxSize() + " "
            + c.qrCodes().sizeUnit().map(u -> lower(u).replace('_', ' ')).orElse("") : "-");
    row(sb, "stats", providers, c -> c.supports(Operation.STATS));
    cells(sb, "stats date range", providers, c -> c.stats().supported() ? lower(c.stats().dateRange()) : "-");
    for (StatsField field : StatsField.values()) {
      row(sb, "stats " + lower(field), providers, c -> c.stats().reports(field));
    }
    row(sb, "account usage", providers, c -> c.supports(Operation.ACCOUNT_USAGE));
    return sb.toString();
  }

  private static void cells(
      StringBuilder sb, String name, Map<String, Capabilities> providers, java.util.function.Function<Capabilities, String> cell) {
    sb.append("| ").append(name).append(" |");
    providers.values().forEach(c -> sb.append(' ').append(cell.apply(c)).append(" |"));
    sb.append('\n');
  }

  private static void row(
      StringBuilder sb, String name, Map<String, Capabilities> providers, Predicate<Capabilities> test) {
    sb.append("| ").append(name).append(" |");
    providers.values().forEach(c -> sb.append(' ').append(mark(test.test(c))).append(" |"));
    sb.append('\n');
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
