package dev.polylink.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the credentials, the User-Agent and {@code Accept: application/json} to every request. */
final class HeadersInterceptor implements Interceptor {
  private final String authorization;
  private final String userAgent;

  HeadersInterceptor(String authorization, String userAgent) {
    this.authorization = authorization;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(
        chain.request().newBuilder()
            .header("Authorization", authorization)
            .header("User-Agent", userAgent)
            .header("Accept", "application/json")
            .build());
  }

  /** Never shows the credentials. */
  @Override
  public String toString() {
    return "HeadersInterceptor{userAgent=" + userAgent + "}";
  }
}
