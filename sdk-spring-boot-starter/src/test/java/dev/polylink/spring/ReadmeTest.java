package dev.polylink.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Spring Boot" section is what CampaignLinksTest runs: its properties block is
 * {@code readme-application.properties} and its Java block is {@code com.example.boot.CampaignLinks},
 * verbatim; the module README names the Spring Boot line this module is built on.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  private static String block(String readme, int from, String fence) {
    int start = readme.indexOf(fence, from);
    assertTrue(start >= 0, "no " + fence.strip() + " block in the Spring Boot section");
    start += fence.length();
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  @Test
  void theSpringBootSectionIsTheExampleThatRuns() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("## Spring Boot");
    assertTrue(section >= 0, "README.md has no 'Spring Boot' section");
    assertEquals(Files.readString(Path.of("src", "test", "resources", "readme-application.properties")),
        block(readme, section, "```properties\n"));
    String source = Files.readString(Path.of("src", "test", "java", "com", "example", "boot", "CampaignLinks.java"));
    assertEquals(source.substring(source.indexOf("@Service\n")), block(readme, section, "```java\n"));
  }

  @Test
  void theModuleReadmeSaysWhichSpringBootLine() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String version = System.getProperty("spring-boot.version", org.springframework.boot.SpringBootVersion.getVersion());
    assertTrue(readme.contains("**Spring Boot " + version.substring(0, version.lastIndexOf('.')) + "** (" + version),
        "sdk-spring-boot-starter/README.md must name the Spring Boot line it is built on, " + version);
  }
}
