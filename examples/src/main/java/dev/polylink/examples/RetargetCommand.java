package dev.polylink.examples;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListFilter;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Moves every link with a label, or matching a search, to a new destination: several at a time,
 * with a progress bar and a summary. It first checks the provider's {@link Capabilities}: a
 * provider that cannot filter by the criterion or cannot change a destination is reported before
 * anything is done.
 *
 * <p>The links are moved with the bulk API ({@link LinkClient#updateAll(java.util.Collection,
 * LinkPatch)}), {@code --concurrency} requests in flight. Rate limits are the client's business: it
 * waits on a vendor's {@code Retry-After} per {@link Clients#RETRY_POLICY} (up to 2 minutes, 8
 * attempts), and the progress bar says while it waits, and for how long. A link whose update still
 * fails, with a {@link dev.polylink.core.RateLimitException} (a quota, a longer {@code Retry-After},
 * or the attempts used up) or any other error, is listed in the summary with its reason; the summary
 * ends with the requests made, the 429s received and the time waited for rate limits.
 */
@Command(
    name = "retarget",
    mixinStandardHelpOptions = true,
    description = {
        "Moves every link with a label (or matching a search) to a new destination.",
        "Without the provider's API key in the environment it runs on an emulator seeded with demo links."})
final class RetargetCommand extends ExampleCommand {
  @Option(names = "--provider", required = true, paramLabel = "ID", description = "xqr, shortpen, snipurl or carrierx.")
  String provider;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Filter filter;

  /** Exactly one of the two. */
  static final class Filter {
    @Option(names = "--label", paramLabel = "LABEL", description = "Links with this label.")
    String label;

    @Option(names = "--search", paramLabel = "TEXT", description = "Links the provider's search matches.")
    String search;
  }

  @Option(names = "--to", required = true, paramLabel = "URL", description = "The new destination (http or https).")
  String to;

  @Option(names = "--dry-run", description = "Show what would change; change nothing.")
  boolean dryRun;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Update requests in flight at once, the client's bulkConcurrency (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Override
  int run() {
    URI target = httpUrl(to);
    if (concurrency < 1 || concurrency > 64) {
      throw new UsageException("--concurrency: must be between 1 and 64 (was " + concurrency + ")");
    }
    RunMonitor monitor = new RunMonitor(clients().clock());
    try (Clients.Connection connection =
        clients().connect(provider, builder -> builder.bulkConcurrency(concurrency).addListener(monitor))) {
      LinkClient client = connection.client();
      checkCapabilities(client.capabilities());
      out().println("Using " + connection.description() + ".");
      int seeded = connection.seedDemoLinks().size();
      if (seeded > 0) {
        out().println("Seeded the emulator with " + seeded + " demo links.");
      }
      monitor.reset(); // count what the command does, not the seeding

      List<Link> links = client.listAll(listRequest()).collect(Collectors.toList());
      out().println("Found " + links.size() + " link(s) " + criterion() + " on " + provider + ".");
      if (dryRun) {
        return dryRun(links, target);
      }
      return summary(retarget(client, links, target, monitor), monitor);
    }
  }

  /** Stops before anything is done when the provider cannot list by the criterion or move a link. */
  private void checkCapabilities(Capabilities can) {
    List<String> problems = new ArrayList<>();
    ListFilter needed = filter.label != null ? ListFilter.LABEL : ListFilter.SEARCH;
    if (!can.supports(Operation.LIST) || !can.supports(needed)) {
      problems.add(provider + " cannot list links by " + needed.name().toLowerCase(Locale.ROOT)
          + " (its list filters: " + names(can.listFilters()) + ")");
    }
    if (!can.supports(Operation.UPDATE) || !can.canUpdate(LinkField.DESTINATION)) {
      problems.add(provider + " cannot change a link's destination (it can update: "
          + names(can.updatableFields()) + ")");
    }
    if (!problems.isEmpty()) {
      throw new CapabilityException(String.join("; ", problems) + "; nothing was changed");
    }
  }

  private ListLinksRequest listRequest() {
    ListLinksRequest.Builder request = ListLinksRequest.builder();
    return filter.label != null ? request.label(filter.label).build() : request.search(filter.search).build();
  }

  private String criterion() {
    return filter.label != null ? "labelled '" + filter.label + "'" : "matching '" + filter.search + "'";
  }

  private int dryRun(List<Link> links, URI target) {
    int wouldUpdate = 0;
    for (Link link : links) {
      if (alreadyThere(link, target)) {
        out().println("  unchanged     " + link.shortUrl() + " already goes to " + target);
      } else {
        wouldUpdate++;
        out().println("  would update  " + link.shortUrl() + ": " + destination(link) + " -> " + target);
      }
    }
    out().println("Dry run: " + wouldUpdate + " would be updated, " + (links.size() - wouldUpdate)
        + " unchanged. Nothing was changed.");
    return PolylinkExamples.EXIT_OK;
  }

  /**
   * Moves the links through {@link LinkClient#updateAll(java.util.Collection, LinkPatch)}, the
   * client keeping {@code --concurrency} requests in flight (its {@code bulkConcurrency}) under its
   * rate limit, in chunks so that the progress bar on stderr moves as they finish; the bar says when
   * the client waits for the vendor's rate limit, and for how long.
   */
  private List<Outcome> retarget(LinkClient client, List<Link> links, URI target, RunMonitor monitor) {
    LinkPatch patch = LinkPatch.builder().destination(target).build();
    List<Outcome> outcomes = new ArrayList<>();
    List<Link> toMove = new ArrayList<>();
    for (Link link : links) {
      if (alreadyThere(link, target)) {
        outcomes.add(new Outcome(link, Outcome.Kind.UNCHANGED, null));
      } else {
        toMove.add(link);
      }
    }
    try (ProgressBar progress = progressBar(links.size())) {
      monitor.status(message -> {
        progress.setExtraMessage(message);
        progress.refresh();
      });
      progress.stepBy(outcomes.size());
      int chunk = chunkSize(client.capabilities().bulk(Operation.UPDATE).map(b -> b.maxBatchSize()), concurrency);
      for (int from = 0; from < toMove.size(); from += chunk) {
        List<Link> part = toMove.subList(from, Math.min(toMove.size(), from + chunk));
        BulkResult<Link> result = client.updateAll(part.stream().map(Link::id).toList(), patch);
        for (BulkItem<Link> item : result.items()) {
          Link link = part.get(item.index());
          outcomes.add(item.succeeded()
              ? new Outcome(link, Outcome.Kind.UPDATED, null)
              : new Outcome(link, Outcome.Kind.FAILED, Messages.of(item.failure().orElseThrow())));
        }
        progress.stepBy(part.size());
      }
      monitor.status(message -> { });
      progress.setExtraMessage("");
    }
    return outcomes;
  }

  /**
   * How many links one bulk call takes: a few rounds of the concurrency (so that the bar moves and
   * every request slot stays busy), or the vendor's batch size when it has a bulk endpoint.
   */
  static int chunkSize(Optional<Integer> vendorBatch, int concurrency) {
    return Math.max(vendorBatch.orElse(1), concurrency * 4);
  }

  private ProgressBar progressBar(int links) {
    return new ProgressBarBuilder()
        .setTaskName("Retargeting")
        .setInitialMax(links)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .continuousUpdate() // redrawn while nothing finishes, e.g. during a rate-limit wait
        .setConsumer(new ConsoleProgressBarConsumer(err(), 120))
        .build();
  }

  private int summary(List<Outcome> outcomes, RunMonitor monitor) {
    long updated = count(outcomes, Outcome.Kind.UPDATED);
    long unchanged = count(outcomes, Outcome.Kind.UNCHANGED);
    long failed = count(outcomes, Outcome.Kind.FAILED);
    for (Outcome outcome : outcomes) {
      if (outcome.kind == Outcome.Kind.FAILED) {
        out().println("  failed     " + outcome.link.shortUrl() + " (id " + outcome.link.id() + "): " + outcome.reason);
      }
    }
    out().println("Updated: " + updated + ", unchanged: " + unchanged + ", failed: " + failed + ".");
    out().println(monitor.summary());
    return failed == 0 ? PolylinkExamples.EXIT_OK : PolylinkExamples.EXIT_FAILED;
  }

  private static long count(List<Outcome> outcomes, Outcome.Kind kind) {
    return outcomes.stream().filter(o -> o.kind == kind).count();
  }

  private static boolean alreadyThere(Link link, URI target) {
    return link.destination().equals(Optional.of(target));
  }

  private static String destination(Link link) {
    return link.destination().map(URI::toString).orElse("(unknown)");
  }

  private static String names(Set<? extends Enum<?>> values) {
    return values.isEmpty() ? "none"
        : values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }

  /** An absolute http or https URL, or a {@link UsageException} naming {@code --to}. */
  static URI httpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new UsageException("--to: '" + value + "' is not an absolute http or https URL");
  }

  /** What happened to one link. */
  private static final class Outcome {
    enum Kind { UPDATED, UNCHANGED, FAILED }

    final Link link;
    final Kind kind;
    final String reason;

    Outcome(Link link, Kind kind, String reason) {
      this.link = link;
      this.kind = kind;
      this.reason = reason;
    }
  }
}
