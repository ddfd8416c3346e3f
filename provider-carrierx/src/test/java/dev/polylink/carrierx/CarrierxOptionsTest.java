package dev.polylink.carrierx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CarrierxOptionsTest {
  @Test
  void bothFlagsDefaultToFalse() {
    CarrierxOptions options = CarrierxOptions.builder().build();
    assertFalse(options.reuse());
    assertFalse(options.proxyPass());
    assertEquals("carrierx", options.providerId());
    assertEquals("CarrierxOptions{reuse=false, proxyPass=false}", options.toString());
  }

  @Test
  void valueEqualityAndToBuilder() {
    CarrierxOptions a = CarrierxOptions.builder().reuse(true).build();
    CarrierxOptions b = CarrierxOptions.builder().reuse(true).proxyPass(false).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    CarrierxOptions c = a.toBuilder().proxyPass(true).build();
    assertNotEquals(a, c);
    assertTrue(c.reuse());
    assertTrue(c.proxyPass());
    assertFalse(a.proxyPass(), "toBuilder leaves the original unchanged");
    assertEquals("CarrierxOptions{reuse=true, proxyPass=true}", c.toString());
  }
}
