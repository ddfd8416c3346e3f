package dev.polylink.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polylink.core.LinkClients;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checked-in IDE metadata ({@code META-INF/spring-configuration-metadata.json}) names exactly
 * the {@code polylink.<provider>.*} keys the providers accept: the keys are the providers' own
 * ({@code LinkClients.environmentVariables}), so the processor cannot derive them from a class.
 */
class ConfigurationMetadataTest {
  @Test
  void theMetadataListsEveryProvidersKeysAndNothingElse() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    Set<String> expected = new TreeSet<>();
    List<String> groups = new ArrayList<>(List.of("polylink"));
    for (String provider : List.of("xqr", "shortpen", "snipurl", "carrierx")) {
      groups.add("polylink." + provider);
      LinkClients.environmentVariables(provider).keySet()
          .forEach(key -> expected.add(PolylinkClientRegistrar.property(provider, key)));
    }
    expected.add("management.health.polylink.enabled");
    assertEquals(Set.of("xqr", "shortpen", "snipurl", "carrierx"), LinkClients.providers());

    Set<String> listed = new TreeSet<>();
    metadata.get("properties").forEach(p -> {
      listed.add(p.get("name").asText());
      assertFalse(p.path("description").asText().isBlank(), p.toString());
    });
    assertEquals(expected, listed);
    List<String> listedGroups = new ArrayList<>();
    metadata.get("groups").forEach(g -> listedGroups.add(g.get("name").asText()));
    assertEquals(groups, listedGroups);
  }
}
