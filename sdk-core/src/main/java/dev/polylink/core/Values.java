package dev.polylink.core;

import dev.polylink.core.spi.Checks;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Input rules shared by the request builders of this package. */
final class Values {
  private static final String WHO = PolylinkException.NO_PROVIDER;

  private Values() {}

  static URI destination(String destination) {
    return Checks.httpUrl(WHO, "destination", Objects.requireNonNull(destination, "destination"));
  }

  static URI destination(URI destination) {
    return Checks.httpUrl(WHO, "destination", Objects.requireNonNull(destination, "destination"));
  }

  static String notBlank(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new RequestValidationException(WHO, field + ": must not be blank");
    }
    return value;
  }

  static String password(String password) {
    Objects.requireNonNull(password, "password");
    if (password.isEmpty()) {
      // Said without the value: it is a secret.
      throw new RequestValidationException(
          WHO, "password: must not be empty (use clearPassword() to remove a password)");
    }
    return password;
  }

  static List<String> labels(Iterable<String> labels) {
    Objects.requireNonNull(labels, "labels");
    List<String> copy = new ArrayList<>();
    for (String label : labels) {
      copy.add(notBlank("labels element", label));
    }
    return List.copyOf(copy);
  }
}
