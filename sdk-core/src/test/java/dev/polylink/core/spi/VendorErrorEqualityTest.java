package dev.polylink.core.spi;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/** {@code VendorError}'s equality, field by field (EqualsVerifier on its generated class). */
class VendorErrorEqualityTest {
  @Test
  void everyFieldTakesPartInEqualsAndHashCode() {
    EqualsVerifier.forClass(ImmutableVendorError.class).verify();
  }
}
