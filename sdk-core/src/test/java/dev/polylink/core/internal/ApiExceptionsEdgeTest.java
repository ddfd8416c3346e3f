package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polylink.core.ApiException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.Operation;
import dev.polylink.core.RedirectException;
import dev.polylink.core.spi.VendorError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ApiExceptions#create} at the edges of the 3xx range. */
class ApiExceptionsEdgeTest {
  private static ApiException create(int status) {
    return ApiExceptions.create("xqr", Operation.GET, status, VendorError.none(), "", null, "https://x.example/");
  }

  @Test
  void theFirstAndLastRedirectStatusesAreRedirects() {
    assertEquals(Optional.of("https://x.example/"), assertInstanceOf(RedirectException.class, create(300)).location());
    assertEquals(399, assertInstanceOf(RedirectException.class, create(399)).statusCode());
    assertInstanceOf(BadRequestException.class, create(400));
    assertFalse(create(299) instanceof RedirectException);
  }
}
