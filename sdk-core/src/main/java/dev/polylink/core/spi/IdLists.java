package dev.polylink.core.spi;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The ids of a bulk operation, checked before any request. */
public final class IdLists {
  private IdLists() {}

  /**
   * Every id in the vendor's form, in iteration order, each once.
   *
   * @param <T> the vendor's form of an id
   * @param providerId who reads (for the exception)
   * @param ids the ids a caller named
   * @param parse the vendor's id rule, e.g. {@code id -> Checks.uuidId(providerId, id)}; it throws a
   *     {@link RequestValidationException} for a malformed id
   * @return the distinct parsed ids; empty for an empty collection
   * @throws RequestValidationException naming every malformed id by its position, {@code ids[3]:
   *     must be a UUID (was "x")}
   * @throws NullPointerException for a null collection or a null element
   */
  public static <T> List<T> distinct(String providerId, Collection<LinkId> ids, Function<LinkId, T> parse) {
    Objects.requireNonNull(ids, "ids");
    Set<T> unique = new LinkedHashSet<>();
    List<String> violations = new ArrayList<>();
    int index = 0;
    for (LinkId id : ids) {
      Objects.requireNonNull(id, "ids element");
      try {
        unique.add(parse.apply(id));
      } catch (RequestValidationException e) {
        // "id: must be a UUID (was ...)" becomes "ids[3]: must be a UUID (was ...)"
        for (String violation : e.violations()) {
          int colon = Math.max(0, violation.indexOf(':'));
          violations.add("ids[" + index + "]" + (colon == 0 ? ": " : "") + violation.substring(colon));
        }
      }
      index++;
    }
    if (!violations.isEmpty()) {
      throw Checks.invalid(providerId, violations);
    }
    return List.copyOf(unique);
  }
}
