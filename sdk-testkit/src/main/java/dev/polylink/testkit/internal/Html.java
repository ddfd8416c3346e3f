package dev.polylink.testkit.internal;

/** Escaping for the few small HTML pages the emulators serve on their short links. */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A minimal HTML page with a title and one paragraph. */
  public static String page(String title, String message) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>"
        + "<body><h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>\n";
  }
}
