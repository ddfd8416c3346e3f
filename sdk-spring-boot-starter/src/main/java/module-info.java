/**
 * Spring Boot auto-configuration for Polylink. Spring's jars are automatic modules; the Micrometer
 * and health support are optional ({@code requires static}), as their dependencies are.
 */
module dev.polylink.spring {
  requires transitive dev.polylink.core;
  requires transitive spring.boot.autoconfigure;
  requires spring.boot;
  requires spring.beans;
  requires spring.context;
  requires spring.core;
  requires static dev.polylink.micrometer;
  requires static micrometer.core;
  requires static micrometer.observation;
  requires static transitive spring.boot.health;

  exports dev.polylink.spring;

  // Spring reads the auto-configuration classes reflectively.
  opens dev.polylink.spring to spring.core, spring.beans, spring.context;
}
