package dev.polylink.carrierx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/** {@link CarrierxOptions}' equality (EqualsVerifier on the generated class) and whole {@code toString()}. */
class CarrierxOptionsValueTest {
  @Test
  void bothFlagsTakePartInEquality() {
    EqualsVerifier.forClass(ImmutableCarrierxOptions.class).verify();
  }

  @Test
  void toStringShowsBothFlags() {
    assertEquals("CarrierxOptions{reuse=false, proxyPass=false}", CarrierxOptions.builder().build().toString());
    assertEquals("CarrierxOptions{reuse=false, proxyPass=true}",
        CarrierxOptions.builder().proxyPass(true).build().toString());
    assertEquals("CarrierxOptions{reuse=true, proxyPass=false}",
        CarrierxOptions.builder().reuse(true).build().toString());
  }
}
