package com.example.boot;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.RetryPolicy;
import dev.polylink.spring.LinkClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/** The root README's "Spring Boot" example, verbatim (ReadmeTest compares them; CampaignLinksTest runs it). */
@Service
public class CampaignLinks {
  private final LinkClient links;   // the xqrLinkClient bean; inject XqrClient for xQR's extras

  public CampaignLinks(LinkClient links) {
    this.links = links;
  }

  public Link launch(String destination, String slug) {
    return links.create(CreateLinkRequest.builder().destination(destination).slug(slug).build());
  }

  @Configuration
  static class PolylinkSettings {
    @Bean
    LinkClientBuilderCustomizer patientRetries() {   // adjusts every client the starter builds
      return (provider, builder) -> builder.retryPolicy(RetryPolicy.builder().maxAttempts(8).build());
    }
  }
}
