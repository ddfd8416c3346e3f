package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code DELETE /v1/links}: {@code {"url_id": 501}} or {@code {"url_id": [501, 502]}}. */
final class DeleteBody {
  @JsonProperty("url_id")
  private final Object urlId;

  private DeleteBody(Object urlId) {
    this.urlId = urlId;
  }

  static DeleteBody one(long id) {
    return new DeleteBody(id);
  }

  static DeleteBody many(List<Long> ids) {
    return new DeleteBody(List.copyOf(ids));
  }

  @Override
  public String toString() {
    return "DeleteBody{url_id=" + urlId + "}";
  }
}
