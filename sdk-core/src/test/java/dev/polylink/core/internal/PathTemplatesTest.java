package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.Headers;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

class PathTemplatesTest {
  interface Api {
    @GET("v1/links/{id}?expand=all")
    void get();

    @Headers("X-A: b")
    @POST("/v1/links")
    void post();

    @PUT("/put/{id}")
    void put();

    @PATCH("patch?x=1")
    void patch();

    @DELETE("/delete/{id}")
    void delete();

    @HEAD("/head")
    void head();

    @OPTIONS("options")
    void options();

    @HTTP(method = "DELETE", path = "/http/{id}", hasBody = true)
    void http();

    @Headers("X-A: b")
    void none();
  }

  /**
   * {@link Api} loaded afresh, so that its methods are keys the template cache has not seen (it
   * lives as long as the JVM; an earlier test's answer must not stand in for this one's reading).
   */
  private static Class<?> freshApi() throws Exception {
    String name = Api.class.getName();
    byte[] bytes;
    try (java.io.InputStream in = Api.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
      bytes = in.readAllBytes();
    }
    ClassLoader loader = new ClassLoader(PathTemplatesTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
        if (!n.equals(name)) {
          return super.loadClass(n, resolve);
        }
        synchronized (getClassLoadingLock(n)) {
          Class<?> c = findLoadedClass(n);
          return c != null ? c : defineClass(n, bytes, 0, bytes.length);
        }
      }
    };
    Class<?> api = loader.loadClass(name);
    if (api == Api.class) {
      throw new AssertionError("not a fresh class");
    }
    return api;
  }

  private static String of(String method) throws Exception {
    return of(freshApi(), method);
  }

  private static String of(Class<?> api, String method) throws Exception {
    Method m = api.getDeclaredMethod(method);
    Request request = new Request.Builder().url("http://127.0.0.1/real/123")
        .tag(Invocation.class, Invocation.of(m, List.of())).build();
    return PathTemplates.of(request);
  }

  @Test
  void templateOfEachHttpAnnotationWithoutQueryAndWithLeadingSlash() throws Exception {
    assertEquals("/v1/links/{id}", of("get"));
    assertEquals("/v1/links", of("post"));
    assertEquals("/put/{id}", of("put"));
    assertEquals("/patch", of("patch"));
    assertEquals("/delete/{id}", of("delete"));
    assertEquals("/head", of("head"));
    assertEquals("/options", of("options"));
    assertEquals("/http/{id}", of("http"));
  }

  @Test
  void anIdPathTagIsTheTemplateOfAMethodThatTakesItsPathAsUrl() throws Exception {
    Method m = freshApi().getDeclaredMethod("get");
    Request request = new Request.Builder().url("http://127.0.0.1/v1/links/123")
        .tag(Invocation.class, Invocation.of(m, List.of()))
        .tag(dev.polylink.core.spi.IdPath.class, dev.polylink.core.spi.IdPath.of("v1/links/{link_id}"))
        .build();
    assertEquals("/v1/links/{link_id}", PathTemplates.of(request));
  }

  @Test
  void unknownWithoutAnHttpAnnotationOrInvocation() throws Exception {
    assertEquals(PathTemplates.UNKNOWN, of("none"));
    assertEquals("unknown", PathTemplates.of(new Request.Builder().url("http://127.0.0.1/x").build()));
  }

  @Test
  void templateIsTheSameWhenReadAgainFromTheCache() throws Exception {
    Class<?> api = freshApi();
    assertEquals("/v1/links/{id}", of(api, "get"));
    assertEquals("/v1/links/{id}", of(api, "get"));
  }
}
