package dev.polylink.core.internal;

import dev.polylink.core.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkField;
import dev.polylink.core.ListFilter;
import dev.polylink.core.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilityTableTest {
  private static final Capabilities SMALL =
      Capabilities.builder()
          .operations(Operation.CREATE, Operation.GET, Operation.DELETE)
          .creatableFields(LinkField.DESTINATION, LinkField.SLUG)
          .updatableFields(LinkField.DESTINATION, LinkField.TITLE)
          .clearableFields(LinkField.TITLE)
          .listFilters(ListFilter.LABEL)
          .maxPageSize(25)
          .build();

  @Test
  void markdownOfOneProvider() {
    assertEquals(
        "| field | create | update | clear |\n"
            + "|---|---|---|---|\n"
            + "| destination | yes | yes | no |\n"
            + "| slug | yes | no | no |\n"
            + "| title | no | yes | yes |\n"
            + "| enabled | no | no | no |\n"
            + "| labels | no | no | no |\n"
            + "| expires_at | no | no | no |\n"
            + "| password | no | no | no |\n"
            + "| redirect_type | no | no | no |\n"
            + "\n"
            + "Operations: create, get, delete. List filters: label. Largest page: 25.\n",
        CapabilityTable.markdown(SMALL));
  }

  @Test
  void markdownWithoutFilters() {
    Capabilities bare = Capabilities.builder().operations(Operation.LIST).creatableFields(LinkField.DESTINATION).build();
    String table = CapabilityTable.markdown(bare);
    assertTrue(table.endsWith("| redirect_type | no | no | no |\n\nOperations: list. List filters: none. Largest page: 100.\n"),
        table);
  }

  @Test
  void matrixOfTwoProviders() {
    Map<String, Capabilities> providers = new LinkedHashMap<>();
    providers.put("a", SMALL);
    providers.put("b", Capabilities.builder().operations(Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE, Operation.DELETE).creatableFields(LinkField.DESTINATION)
        .listFilters(ListFilter.SEARCH).build());
    String matrix = CapabilityTable.matrix(providers);
    String[] lines = matrix.split("\n");
    assertEquals("| | a | b |", lines[0]);
    assertEquals("|---|---|---|", lines[1]);
    assertEquals("| create | yes | yes |", lines[2]);
    assertEquals("| list | no | yes |", lines[4]);
    assertEquals("| create slug | yes | no |", lines[2 + 5 + 1]);
    assertTrue(java.util.Arrays.stream(lines).noneMatch(l -> l.startsWith("| create enabled ")), matrix);
    assertEquals("| update title | yes | no |", lines[2 + 5 + 7 + 2]);
    assertEquals("| clear title | yes | no |", lines[2 + 5 + 7 + 8]);
    assertEquals("| clear password | no | no |", lines[2 + 5 + 7 + 8 + 3]);
    assertEquals("| list by label | yes | no |", lines[2 + 5 + 7 + 8 + 4]);
    assertEquals("| list by search | no | yes |", lines[2 + 5 + 7 + 8 + 4 + 2]);
    assertEquals("| bulk create | no | no |", lines[2 + 5 + 7 + 8 + 4 + 3]);
    assertEquals("| bulk delete | no | no |", lines[2 + 5 + 7 + 8 + 4 + 3 + 2]);
    assertEquals("| largest page | 25 | 100 |", lines[lines.length - 1]);
    assertEquals(2 + 5 + 7 + 8 + 4 + 3 + 3 + 1, lines.length);
  }

  @Test
  void matrixShowsBulkBatchSizes() {
    Map<String, Capabilities> providers = new LinkedHashMap<>();
    providers.put("a", Capabilities.builder()
        .operations(Operation.CREATE, Operation.DELETE).creatableFields(LinkField.DESTINATION)
        .bulk(Operation.CREATE, 50).bulk(Operation.DELETE, 7).build());
    String[] lines = CapabilityTable.matrix(providers).split("\n");
    assertEquals("| bulk create | up to 50 |", lines[2 + 5 + 7 + 8 + 4 + 3]);
    assertEquals("| bulk update | no |", lines[2 + 5 + 7 + 8 + 4 + 3 + 1]);
    assertEquals("| bulk delete | up to 7 |", lines[2 + 5 + 7 + 8 + 4 + 3 + 2]);
  }

  @Test
  void featuresOfAProviderWithQrStatsAndUsageBesideOneWithout() {
    Map<String, Capabilities> providers = new LinkedHashMap<>();
    providers.put("full", Capabilities.builder()
        .operations(Operation.CREATE, Operation.QR_CODE, Operation.STATS, Operation.ACCOUNT_USAGE)
        .creatableFields(LinkField.DESTINATION)
        .qrCodes(QrCapabilities.of(java.util.EnumSet.of(QrFormat.SVG, QrFormat.PNG), 10, 1000, QrSizeUnit.PIXELS_PER_MODULE))
        .stats(StatsCapabilities.of(java.util.EnumSet.of(StatsField.TOTAL_CLICKS, StatsField.COUNTRIES), DateRangeSupport.OPTIONAL))
        .build());
    providers.put("bare", Capabilities.builder().operations(Operation.CREATE).creatableFields(LinkField.DESTINATION).build());
    assertEquals(
        "| | full | bare |\n"
            + "|---|---|---|\n"
            + "| qr code | yes | no |\n"
            + "| qr formats | svg, png | - |\n"
            + "| qr size | 10-1000 pixels per module | - |\n"
            + "| stats | yes | no |\n"
            + "| stats date range | optional | - |\n"
            + "| stats total_clicks | yes | no |\n"
            + "| stats last_clicked_at | no | no |\n"
            + "| stats daily_clicks | no | no |\n"
            + "| stats countries | yes | no |\n"
            + "| stats devices | no | no |\n"
            + "| stats browsers | no | no |\n"
            + "| stats referrers | no | no |\n"
            + "| account usage | yes | no |\n",
        CapabilityTable.features(providers));
  }
}
