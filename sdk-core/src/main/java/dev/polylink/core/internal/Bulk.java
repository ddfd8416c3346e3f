package dev.polylink.core.internal;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The generic bulk path of {@link dev.polylink.core.LinkClient}: every item is checked against the
 * provider's {@link Capabilities} first, and only then are the valid items sent, one request each,
 * in input order. An item that fails (its check or its request) fails alone.
 */
public final class Bulk {
  private Bulk() {}

  /**
   * Runs {@code send} for each item that passes {@code check}, after checking all of them.
   *
   * @param <I> the input item type
   * @param <T> the result type
   * @param providerId the provider, for the failure of a {@code null} item
   * @param items the input, in order
   * @param check throws a {@link PolylinkException} for an invalid item; runs for all items first
   * @param send does one item's request
   * @return one result per item, in input order
   */
  public static <I, T> BulkResult<T> run(
      String providerId, List<I> items, java.util.function.Consumer<I> check, Function<I, T> send) {
    Objects.requireNonNull(items, "items");
    List<PolylinkException> invalid = new ArrayList<>(items.size());
    for (I item : items) {
      PolylinkException failure = null;
      try {
        if (item == null) {
          throw new RequestValidationException(
 providerId, "items[" + invalid.size() + "]: must not be null");
        }
        check.accept(item);
      } catch (PolylinkException e) {
        failure = e;
      }
      invalid.add(failure);
    }
    List<BulkItem<T>> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (invalid.get(i) != null) {
        results.add(BulkItem.failure(i, invalid.get(i)));
        continue;
      }
      try {
        results.add(BulkItem.success(i, send.apply(items.get(i))));
      } catch (PolylinkException e) {
        results.add(BulkItem.failure(i, e));
      }
    }
    return BulkResult.of(results);
  }

  /**
   * The capability check of a create: every field set must be creatable.
   *
   * @param providerId the provider
   * @param capabilities what it supports
   * @param request the request
   */
  public static void checkCreate(String providerId, Capabilities capabilities, CreateLinkRequest request) {
    Set<LinkField> unsupported = EnumSet.noneOf(LinkField.class);
    unsupported.addAll(request.fields());
    unsupported.removeAll(capabilities.creatableFields());
    if (!unsupported.isEmpty()) {
      throw new UnsupportedFieldException(providerId, Operation.CREATE, unsupported, "set on create");
    }
  }

  /**
   * The capability check of an update: a patch that is not empty, every field updatable, every
   * cleared field clearable.
   *
   * @param providerId the provider
   * @param capabilities what it supports
   * @param patch the patch
   */
  public static void checkUpdate(String providerId, Capabilities capabilities, LinkPatch patch) {
    if (patch.isEmpty()) {
      throw new RequestValidationException(
          providerId, "patch: must change at least one field or carry options (it was empty)");
    }
    Set<LinkField> unsupported = EnumSet.noneOf(LinkField.class);
    for (LinkField field : patch.fields()) {
      if (!capabilities.canUpdate(field)) {
        unsupported.add(field);
      }
    }
    for (LinkField field : patch.clearedFields()) {
      if (capabilities.canUpdate(field) && !capabilities.canClear(field)) {
        unsupported.add(field);
      }
    }
    if (!unsupported.isEmpty()) {
      throw new UnsupportedFieldException(providerId, Operation.UPDATE, unsupported, "change or clear");
    }
  }
}
