package dev.polylink.examples;

import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkStats;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.StatsRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole life of a link on every provider, through {@link LinkClient} alone: create it, show
 * what the provider can do, change where it goes (or, where the provider cannot change a
 * destination, the nearest field it can), follow the short link, write its QR code to a file and
 * read its click count where the provider offers them, list, delete.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
        "Creates, updates, follows, lists and deletes a link on each provider,",
        "writing its QR code to a file and showing its click count where the provider has them.",
        "Uses a provider's real service when its API key is in the environment, an embedded emulator otherwise."})
final class QuickstartCommand extends ExampleCommand {
  static final String DESTINATION = "https://example.com/polylink/quickstart";
  static final String NEW_DESTINATION = "https://example.com/polylink/quickstart-v2";
  static final String NEW_TITLE = "Polylink quickstart (updated)";
  private static final List<String> ORDER = List.of("xqr", "shortpen", "snipurl", "carrierx");
  private static final Comparator<String> IN_ISSUE_ORDER =
      Comparator.comparing((String id) -> ORDER.contains(id) ? ORDER.indexOf(id) : ORDER.size())
          .thenComparing(Comparator.naturalOrder());

  @Option(names = "--provider", paramLabel = "ID", split = ",",
      description = "Only these providers (repeat or separate with commas). Default: all of them.")
  List<String> providers = new ArrayList<>();

  @Option(names = "--qr-dir", paramLabel = "DIR",
      description = "Where the QR code files go (created if missing). Default: the system's temporary directory.")
  Path qrDirectory = Path.of(System.getProperty("java.io.tmpdir"));

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)   // we want to see the redirect, not where it leads
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @Override
  int run() {
    List<String> ids = providers.isEmpty() ? Clients.providers().stream().sorted(IN_ISSUE_ORDER).toList() : providers;
    for (String id : ids) {
      if (!Clients.providers().contains(id)) {
        throw new UsageException("--provider: unknown provider '" + id + "' (known: "
            + String.join(", ", Clients.providers()) + ")");
      }
    }
    List<String> failed = new ArrayList<>();
    for (String id : ids) {
      try (Clients.Connection connection = clients().connect(id)) {
        out().println("== " + id + ": using " + connection.description());
        tour(connection.client());
      } catch (RuntimeException e) {
        failed.add(id);
        app.fail(spec.qualifiedName() + " (" + id + ")", e);
      }
      out().println();
    }
    if (!failed.isEmpty()) {
      out().println("Failed on: " + String.join(", ", failed));
      return PolylinkExamples.EXIT_FAILED;
    }
    out().println("Done: " + String.join(", ", ids) + ".");
    return PolylinkExamples.EXIT_OK;
  }

  /** Create, capabilities, update, follow, list, delete. */
  private void tour(LinkClient client) {
    Capabilities can = client.capabilities();
    CreateLinkRequest.Builder request = CreateLinkRequest.builder().destination(DESTINATION);
    if (can.canCreate(LinkField.TITLE)) {
      request.title("Polylink quickstart");
    }
    Link link = client.create(request.build());
    out().println("created   " + link.shortUrl() + " (id " + link.id() + ") -> " + destination(link));
    try {
      out().println("capabilities of " + client.providerId() + ":");
      out().print(can.markdownTable());

      Link updated = update(client, link);
      out().println("follow    " + follow(updated.shortUrl()));
      out().println("qr        " + qrCode(client, link));
      out().println("clicks    " + clicks(client, link));

      int pageSize = Math.min(10, can.maxPageSize());
      Page<Link> page = client.list(ListLinksRequest.builder().pageSize(pageSize).build());
      boolean ours = page.items().stream().anyMatch(l -> l.id().equals(link.id()));
      out().println("list      first page: " + page.items().size() + " link(s)"
          + (page.total().isPresent() ? " of " + page.total().getAsLong() : "")
          + "; the new link is " + (ours ? "on it" : "not on it"));
    } catch (RuntimeException e) {
      try {
        client.delete(link.id());   // leave nothing behind on a real account
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    client.delete(link.id());
    out().println("delete    done; follow again: " + follow(link.shortUrl()));
  }

  /** Changes the destination where the provider can, otherwise the nearest field it can change. */
  private Link update(LinkClient client, Link link) {
    Capabilities can = client.capabilities();
    if (can.canUpdate(LinkField.DESTINATION)) {
      Link updated = client.update(link.id(), LinkPatch.builder().destination(NEW_DESTINATION).build());
      out().println("update    destination -> " + destination(updated));
      return updated;
    }
    String cannot = client.providerId() + " cannot change a link's destination";
    if (can.canUpdate(LinkField.TITLE)) {
      Link updated = client.update(link.id(), LinkPatch.builder().title(NEW_TITLE).build());
      out().println("update    title \"" + link.title().orElse("") + "\" -> \"" + updated.title().orElse("")
          + "\" (" + cannot + "; the title is the nearest field it can change)");
      return updated;
    }
    out().println("update    skipped (" + cannot + " or its title)");
    return link;
  }

  /** Writes the link's QR code to {@code <qr-dir>/<provider>-<code>.<svg|png>}, where the provider renders one. */
  private String qrCode(LinkClient client, Link link) {
    if (!client.capabilities().supports(Operation.QR_CODE)) {
      return "not offered by " + client.providerId() + " (no QR image on demand)";
    }
    QrCode qr = client.qrCode(link.id());
    Path file = qrDirectory.resolve(client.providerId() + "-" + link.shortCode() + "." + qr.format().label());
    try {
      Files.createDirectories(qrDirectory);
      Files.write(file, qr.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return "wrote " + file + " (" + qr.mediaType() + ", " + qr.length() + " bytes)";
  }

  /** The click count the provider reports after the follow above (today, UTC, where it needs a range). */
  private String clicks(LinkClient client, Link link) {
    if (!client.capabilities().supports(Operation.STATS)) {
      return "not reported by " + client.providerId();
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    StatsRequest request = client.capabilities().stats().dateRange() == DateRangeSupport.REQUIRED
        ? StatsRequest.between(today, today) : StatsRequest.allTime();
    LinkStats stats = client.stats(link.id(), request);
    return stats.totalClicks().isPresent()
        ? stats.totalClicks().getAsLong() + " after following the short link once"
        : "not reported by " + client.providerId();
  }

  /** GET of the short link without following it: the status and where it points. */
  private String follow(URI shortUrl) {
    HttpRequest request = HttpRequest.newBuilder(shortUrl).timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return "GET " + shortUrl + " -> " + response.statusCode()
          + response.headers().firstValue("Location").map(l -> ", Location: " + l).orElse("");
    } catch (IOException e) {
      return "GET " + shortUrl + " -> failed: " + Messages.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "GET " + shortUrl + " -> interrupted";
    }
  }

  private static String destination(Link link) {
    return link.destination().map(URI::toString).orElse("(destination not returned)");
  }
}
