package com.example.shortener;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;

/**
 * The user's own code that the root README's "Testing your code" example tests: it knows {@link
 * LinkClient} and nothing of the emulators. (In a package of its own, so that the example uses the
 * test kit's public API only.)
 */
final class ShortenerService {
  private final LinkClient links;

  ShortenerService(LinkClient links) {
    this.links = links;
  }

  /** Creates a link to {@code destination} labelled with {@code campaign}. */
  Link launch(String destination, String campaign) {
    return links.create(CreateLinkRequest.builder().destination(destination).addLabels(campaign).build());
  }

  /** Moves every link labelled {@code campaign} to {@code destination}. */
  void retarget(String campaign, String destination) {
    LinkPatch patch = LinkPatch.builder().destination(destination).build();
    links.listAll(ListLinksRequest.builder().label(campaign).build())
        .forEach(link -> links.update(link.id(), patch));
  }
}
