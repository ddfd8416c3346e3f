package com.example.app;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.RateLimitException;
import java.util.List;

/** The root README's "Usage" example, inserted from README.md by the build (setup.groovy). */
public final class Usage {
  private Usage() {}

  public static void main(String[] args) {
    // README.md: Usage
  }
}
