package dev.polylink.core.internal;

import dev.polylink.core.spi.IdPath;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * The path template of a request, such as {@code /v1/links/{link_id}}: the {@link IdPath} the
 * provider tagged it with, or else the relative URL of the Retrofit method's HTTP annotation (found
 * through the {@link Invocation} tag Retrofit puts on every request), without its query, read once
 * per method and cached. Never the raw path, which carries ids.
 */
final class PathTemplates {
  /** For a request that did not come from a Retrofit interface method. */
  static final String UNKNOWN = "unknown";

  private static final ConcurrentMap<Method, String> CACHE = new ConcurrentHashMap<>();

  private PathTemplates() {}

  /** The tag keys, made once (OkHttp 5's {@code Class} overload makes a Kotlin class per lookup). */
  private static final kotlin.reflect.KClass<IdPath> ID_PATH = kotlin.jvm.JvmClassMappingKt.getKotlinClass(IdPath.class);

  private static final kotlin.reflect.KClass<Invocation> INVOCATION =
      kotlin.jvm.JvmClassMappingKt.getKotlinClass(Invocation.class);

  /**
   * The request's template: its {@link IdPath} tag's, for a method that takes its path as
   * {@code @Url}; otherwise its Retrofit method's HTTP annotation's.
   */
  static String of(Request request) {
    IdPath idPath = request.tag(ID_PATH);
    if (idPath != null) {
      return idPath.template();
    }
    Invocation invocation = request.tag(INVOCATION);
    return invocation == null ? UNKNOWN : CACHE.computeIfAbsent(invocation.method(), PathTemplates::read);
  }

  private static String read(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      String value = value(annotation);
      if (value != null) {
        int query = value.indexOf('?');
        String path = query < 0 ? value : value.substring(0, query);
        return path.startsWith("/") ? path : "/" + path;
      }
    }
    return UNKNOWN;
  }

  private static String value(Annotation a) {
    if (a instanceof GET) {
      return ((GET) a).value();
    } else if (a instanceof POST) {
      return ((POST) a).value();
    } else if (a instanceof PUT) {
      return ((PUT) a).value();
    } else if (a instanceof PATCH) {
      return ((PATCH) a).value();
    } else if (a instanceof DELETE) {
      return ((DELETE) a).value();
    } else if (a instanceof HEAD) {
      return ((HEAD) a).value();
    } else if (a instanceof OPTIONS) {
      return ((OPTIONS) a).value();
    } else if (a instanceof HTTP) {
      return ((HTTP) a).path();
    }
    return null;
  }
}
