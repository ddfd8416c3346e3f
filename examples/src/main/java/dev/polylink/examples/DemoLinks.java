package dev.polylink.examples;

import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkField;
import dev.polylink.core.RedirectType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The links an emulator is seeded with when {@code retarget} or {@code migrate} run without a
 * configured provider: four in a spring sale (label {@value #LABEL}, "spring" in slug and title,
 * three going to spring pages and one already at {@value #SUMMER_URL}), a documentation link and a
 * password-protected preview. Each link carries only the fields its provider can set on create.
 */
public final class DemoLinks {
  /** How many links {@link #seed(LinkClient)} creates. */
  public static final int COUNT = 6;

  /** The label of the spring-sale links. */
  public static final String LABEL = "spring-sale";

  /** Where the spring-sale links should go next; one of them already goes there. */
  public static final String SUMMER_URL = "https://shop.example.com/summer";

  private DemoLinks() {}

  /** Creates the demo links through the client, in order, and returns them as created. */
  public static List<Link> seed(LinkClient client) {
    List<Link> created = new ArrayList<>();
    for (CreateLinkRequest request : requests(client.capabilities(), Instant.now())) {
      created.add(client.create(request));
    }
    return created;
  }

  /** The create requests for a provider with these capabilities; expiry is 30 days after {@code now}. */
  public static List<CreateLinkRequest> requests(Capabilities capabilities, Instant now) {
    Instant in30Days = now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    List<CreateLinkRequest> requests = new ArrayList<>();
    requests.add(demo(capabilities, "spring-shoes", "https://shop.example.com/spring/shoes",
        "Spring sale: shoes", List.of(LABEL, "shoes"), null, RedirectType.TEMPORARY, null));
    requests.add(demo(capabilities, "spring-hats", "https://shop.example.com/spring/hats",
        "Spring sale: hats", List.of(LABEL), null, null, null));
    requests.add(demo(capabilities, "spring-bags", "https://shop.example.com/spring/bags",
        "Spring sale: bags", List.of(LABEL), in30Days, null, null));
    requests.add(demo(capabilities, "spring-last-call", SUMMER_URL,
        "Spring sale: last call", List.of(LABEL), null, null, null));
    requests.add(demo(capabilities, "docs-home", "https://docs.example.com/",
        "Documentation", List.of("docs"), null, RedirectType.PERMANENT, null));
    requests.add(demo(capabilities, "preview", "https://preview.example.com/",
        "Private preview", List.of("preview"), null, null, "demo-preview-pass"));
    return requests;
  }

  private static CreateLinkRequest demo(Capabilities can, String slug, String destination, String title,
      List<String> labels, Instant expiresAt, RedirectType redirectType, String password) {
    CreateLinkRequest.Builder request = CreateLinkRequest.builder().destination(destination);
    if (can.canCreate(LinkField.SLUG)) {
      request.slug(slug);
    }
    if (can.canCreate(LinkField.TITLE)) {
      request.title(title);
    }
    if (can.canCreate(LinkField.LABELS)) {
      request.labels(labels);
    }
    if (expiresAt != null && can.canCreate(LinkField.EXPIRES_AT)) {
      request.expiresAt(expiresAt);
    }
    if (redirectType != null && can.canCreate(LinkField.REDIRECT_TYPE)) {
      request.redirectType(redirectType);
    }
    if (password != null && can.canCreate(LinkField.PASSWORD)) {
      request.password(password);
    }
    return request.build();
  }
}
