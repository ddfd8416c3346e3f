package dev.polylink.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A vendor's error answer for one {@link ErrorCase}, as the vendor documents it, and what the client
 * must read out of it.
 */
public final class VendorErrorFixture {
  private final int status;
  private final String body;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String expectedErrorCode;
  private String expectedRequestId;

  private VendorErrorFixture(int status, String body) {
    this.status = status;
    this.body = Objects.requireNonNull(body);
  }

  /** A response with this status and body ({@code Content-Type: application/json} is added). */
  public static VendorErrorFixture of(int status, String body) {
    return new VendorErrorFixture(status, body);
  }

  public VendorErrorFixture header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The vendor error code the exception must carry. */
  public VendorErrorFixture expectErrorCode(String code) {
    this.expectedErrorCode = code;
    return this;
  }

  /** The request id the exception must carry. */
  public VendorErrorFixture expectRequestId(String requestId) {
    this.expectedRequestId = requestId;
    return this;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Optional<String> expectedErrorCode() {
    return Optional.ofNullable(expectedErrorCode);
  }

  public Optional<String> expectedRequestId() {
    return Optional.ofNullable(expectedRequestId);
  }
}
