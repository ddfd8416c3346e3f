package dev.polylink.examples;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Copies every link from one provider to another, keeping the slug, destination, title, expiry,
 * labels and redirect type wherever the target's {@link Capabilities} allow, and saying for each
 * link what could not be carried over and why.
 *
 * <p>The copies are made with the bulk API ({@link LinkClient#createAll}, on the target's bulk
 * endpoint where it has one, such as SnipURL's 50 links a request). Rate limits are the clients'
 * business: each waits on a vendor's {@code Retry-After} per {@link Clients#RETRY_POLICY} (up to 2
 * minutes, 8 attempts), and the progress bar on stderr says while it waits, and for how long. A link
 * whose copy still fails, with a {@link dev.polylink.core.RateLimitException} (a quota, a longer
 * {@code Retry-After}, or the attempts used up) or any other error, is reported as failed with its
 * reason, and the rest are copied. The summary ends with the requests made, the 429s received and
 * the time waited for rate limits.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
        "Copies every link from one provider to another and reports what could not be carried over.",
        "Providers without an API key in the environment are emulated; an emulated source is seeded with demo links."})
final class MigrateCommand extends ExampleCommand {
  @Option(names = "--from", required = true, paramLabel = "ID", description = "The provider to copy from.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ID", description = "The provider to copy to.")
  String to;

  @Option(names = "--dry-run", description = "Show what would be copied and dropped; create nothing.")
  boolean dryRun;

  @Override
  int run() {
    if (from.equals(to)) {
      throw new UsageException("--from and --to are both '" + from + "'; name two different providers");
    }
    RunMonitor monitor = new RunMonitor(clients().clock());
    try (Clients.Connection source = clients().connect(from, builder -> builder.addListener(monitor));
        Clients.Connection target = clients().connect(to, builder -> builder.addListener(monitor))) {
      checkCapabilities(source.client().capabilities(), target.client().capabilities());
      out().println("From " + source.description() + ".");
      out().println("To   " + target.description() + ".");
      int seeded = source.seedDemoLinks().size();
      if (seeded > 0) {
        out().println("Seeded the source emulator with " + seeded + " demo links.");
      }
      monitor.reset(); // count what the command does, not the seeding

      List<Link> links = source.client().listAll(ListLinksRequest.defaults()).collect(Collectors.toList());
      out().println("Found " + links.size() + " link(s) on " + from + ". Click counts and analytics stay there.");

      Capabilities targetCan = target.client().capabilities();
      List<Plan> plans = new ArrayList<>();
      Instant now = clients().clock().instant();
      for (Link link : links) {
        plans.add(plan(link, from, to, targetCan, now));
      }
      long skipped = plans.stream().filter(p -> p.skipReason != null).count();
      if (dryRun) {
        for (int i = 0; i < links.size(); i++) {
          Plan plan = plans.get(i);
          if (plan.skipReason != null) {
            out().println("skipped  " + links.get(i).shortCode() + ": " + plan.skipReason);
            continue;
          }
          out().println("would copy " + links.get(i).shortCode() + " (" + plan.request.destination() + ")");
          printCarried(plan);
        }
        out().println("Dry run: " + (links.size() - skipped) + " link(s) would be copied from " + from + " to " + to
            + ", " + skipped + " skipped. Nothing was created.");
        return PolylinkExamples.EXIT_OK;
      }
      Copy[] copies = copyAll(target.client(), plans, monitor);
      int copied = 0;
      int failed = 0;
      for (int i = 0; i < links.size(); i++) {
        Plan plan = plans.get(i);
        String code = links.get(i).shortCode();
        if (plan.skipReason != null) {
          out().println("skipped  " + code + ": " + plan.skipReason);
        } else if (copies[i].failure != null) {
          failed++;
          out().println("failed   " + code + ": " + copies[i].failure);
        } else {
          copied++;
          out().println("copied   " + code + " -> " + (copies[i].link == null
              ? "(" + to + " confirmed it without returning the copy)" : copies[i].link.shortUrl()));
          printCarried(plan);
        }
      }
      out().println("Copied " + copied + " of " + links.size() + " link(s) from " + from + " to " + to
          + ": " + failed + " failed, " + skipped + " skipped.");
      out().println(monitor.summary());
      return failed == 0 ? PolylinkExamples.EXIT_OK : PolylinkExamples.EXIT_FAILED;
    }
  }

  private void printCarried(Plan plan) {
    out().println("  kept: " + String.join(", ", plan.kept));
    plan.dropped.forEach(reason -> out().println("  not carried over: " + reason));
  }

  /** What became of one planned link: the copy, or why it failed. */
  private static final class Copy {
    final Link link;
    final String failure;

    Copy(Link link, String failure) {
      this.link = link;
      this.failure = failure;
    }
  }

  /**
   * Creates the copies with the bulk API ({@link LinkClient#createAll}, on the target's bulk
   * endpoint where it has one), in chunks of the target's batch size so that the progress bar on
   * stderr moves, then disables with {@link LinkClient#updateAll(java.util.Collection, LinkPatch)}
   * the copies whose original was disabled. The bar says when a client waits for a vendor's rate
   * limit, and for how long.
   */
  private Copy[] copyAll(LinkClient target, List<Plan> plans, RunMonitor monitor) {
    Copy[] copies = new Copy[plans.size()];
    List<Integer> toCopy = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      if (plans.get(i).skipReason == null) {
        toCopy.add(i);
      }
    }
    LinkPatch disable = LinkPatch.builder().enabled(false).build();
    int chunk = RetargetCommand.chunkSize(target.capabilities().bulk(Operation.CREATE).map(b -> b.maxBatchSize()),
        dev.polylink.core.LinkClientBuilder.DEFAULT_BULK_CONCURRENCY);
    try (ProgressBar progress = new ProgressBarBuilder()
        .setTaskName("Copying")
        .setInitialMax(toCopy.size())
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .continuousUpdate() // redrawn while nothing finishes, e.g. during a rate-limit wait
        .setConsumer(new ConsoleProgressBarConsumer(err(), 120))
        .build()) {
      monitor.status(message -> {
        progress.setExtraMessage(message);
        progress.refresh();
      });
      for (int from = 0; from < toCopy.size(); from += chunk) {
        List<Integer> part = toCopy.subList(from, Math.min(toCopy.size(), from + chunk));
        BulkResult<Link> created = target.createAll(part.stream().map(i -> plans.get(i).request).toList());
        List<LinkId> toDisable = new ArrayList<>();
        List<Integer> disabledIndexes = new ArrayList<>();
        for (BulkItem<Link> item : created.items()) {
          int index = part.get(item.index());
          if (!item.succeeded()) {
            copies[index] = new Copy(null, Messages.of(item.failure().orElseThrow()));
            continue;
          }
          if (item.value().isEmpty()) { // confirmed without the link: nothing to disable or show
            copies[index] = new Copy(null, null);
            continue;
          }
          Link copy = item.value().get();
          copies[index] = new Copy(copy, null);
          if (plans.get(index).disableAfterCreate) {
            toDisable.add(copy.id());
            disabledIndexes.add(index);
          }
        }
        if (!toDisable.isEmpty()) {
          BulkResult<Link> disabled = target.updateAll(toDisable, disable);
          for (BulkItem<Link> item : disabled.items()) {
            int index = disabledIndexes.get(item.index());
            if (!item.succeeded()) {
              copies[index] = new Copy(null, "copied to " + copies[index].link.shortUrl()
                  + " but not disabled: " + Messages.of(item.failure().orElseThrow()));
            }
          }
        }
        progress.stepBy(part.size());
      }
      monitor.status(message -> { });
      progress.setExtraMessage("");
    }
    return copies;
  }

  private void checkCapabilities(Capabilities source, Capabilities target) {
    if (!source.supports(Operation.LIST)) {
      throw new CapabilityException(from + " cannot list its links; nothing was copied");
    }
    if (!target.supports(Operation.CREATE)) {
      throw new CapabilityException(to + " cannot create links; nothing was copied");
    }
  }

  /**
   * What to create on the target for one source link, and what cannot be carried over and why,
   * derived from the target's capabilities alone.
   */
  static Plan plan(Link link, String from, String to, Capabilities target, Instant now) {
    Optional<URI> destination = link.destination();
    if (destination.isEmpty()) {
      return Plan.skip(from + " did not return its destination");
    }
    if (link.expiresAt().isPresent() && link.expiresAt().get().isBefore(now)) {
      return Plan.skip("expired on " + from + " at " + link.expiresAt().get());
    }
    CreateLinkRequest.Builder request = CreateLinkRequest.builder().destination(destination.get());
    List<String> kept = new ArrayList<>(List.of("destination"));
    List<String> dropped = new ArrayList<>();
    if (target.canCreate(LinkField.SLUG)) {
      request.slug(link.shortCode());
      kept.add("slug");
    } else {
      dropped.add("slug: " + to + " cannot choose the short code on create; it assigns a new one");
    }
    link.title().ifPresent(title -> {
      if (target.canCreate(LinkField.TITLE)) {
        request.title(title);
        kept.add("title");
      } else {
        dropped.add("title: " + to + " cannot set a title on create");
      }
    });
    if (!link.labels().isEmpty()) {
      if (target.canCreate(LinkField.LABELS)) {
        request.labels(link.labels());
        kept.add("labels");
      } else {
        dropped.add("labels: " + to + " cannot set labels on create (" + String.join(", ", link.labels()) + ")");
      }
    }
    link.expiresAt().ifPresent(expiresAt -> {
      if (target.canCreate(LinkField.EXPIRES_AT)) {
        request.expiresAt(expiresAt);
        kept.add("expires_at");
      } else {
        dropped.add("expires_at: " + to + " cannot set an expiry on create (" + expiresAt + "); the copy never expires");
      }
    });
    link.redirectType().ifPresent(redirectType -> {
      if (target.canCreate(LinkField.REDIRECT_TYPE)) {
        request.redirectType(redirectType);
        kept.add("redirect_type");
      } else {
        dropped.add("redirect_type: " + to + " cannot set the redirect type on create (" + redirectType + ")");
      }
    });
    if (link.passwordProtected().orElse(false)) {
      dropped.add("password: " + from + " never returns a link's password; "
          + (target.canCreate(LinkField.PASSWORD) || target.canUpdate(LinkField.PASSWORD)
              ? "set it again on " + to
              : to + " cannot protect a link with a password") + "; the copy is not protected");
    }
    boolean disable = false;
    if (!link.enabled().orElse(true)) {
      if (target.canUpdate(LinkField.ENABLED)) {
        disable = true;
        kept.add("enabled (disabled after create)");
      } else {
        dropped.add("enabled: the link is disabled on " + from + ", but " + to + " cannot disable a link; the copy is live");
      }
    }
    return new Plan(request.build(), kept, dropped, disable, null);
  }

  /** The create request for one link, what it leaves behind, or why the link is skipped. */
  static final class Plan {
    final CreateLinkRequest request;
    final List<String> kept;
    final List<String> dropped;
    final boolean disableAfterCreate;
    final String skipReason;

    Plan(CreateLinkRequest request, List<String> kept, List<String> dropped, boolean disableAfterCreate,
        String skipReason) {
      this.request = request;
      this.kept = List.copyOf(kept);
      this.dropped = List.copyOf(dropped);
      this.disableAfterCreate = disableAfterCreate;
      this.skipReason = skipReason;
    }

    static Plan skip(String reason) {
      return new Plan(null, List.of(), List.of(), false, reason);
    }
  }
}
