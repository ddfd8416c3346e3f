package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RequestValidationException;
import dev.polylink.core.spi.HttpTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11, item 10: a plain-http base URL off loopback is refused unless explicitly allowed. */
class PlainHttpTest {
  private static HttpTransport.Builder builder(String baseUrl) {
    return HttpTransport.builder("xqr").baseUrl(baseUrl).authorization("Bearer xqr_pk_secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.xqr.example/api", "http://10.0.0.7:8080/", "http://[2001:db8::1]/",
      "HTTP://api.xqr.example/", "http://localhost.example.com/", "http://127.example/"})
  void plainHttpOffLoopbackIsRefused(String baseUrl) {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> builder(baseUrl).build());
    assertEquals("xqr", e.providerId());
    assertTrue(e.getMessage().contains("baseUrl: plain http sends the API key in clear"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/api", "http://127.0.0.1:5000/", "http://127.1.2.3/",
      "http://[::1]:9000/", "http://api.localhost/", "https://api.xqr.example/api"})
  void loopbackAndHttpsAreAccepted(String baseUrl) {
    assertDoesNotThrow(() -> builder(baseUrl).build().close());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.xqr.example/api", "http://10.0.0.7:8080/"})
  void plainHttpIsAcceptedWhenExplicitlyAllowed(String baseUrl) {
    assertDoesNotThrow(() -> builder(baseUrl).allowPlainHttp(true).build().close());
  }
}
