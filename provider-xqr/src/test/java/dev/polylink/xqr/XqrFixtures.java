package dev.polylink.xqr;

/** The sample values of xQR's documented examples; the bodies are fixture files ({@code fixture(name)}). */
final class XqrFixtures {
  /** The key of xQR's documented examples: prefix {@code a1b2c3d4}, a 64-character secret. */
  static final String DOCUMENTED_KEY =
      "xqr_pk_a1b2c3d4.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

  /** The link id of xQR's documented examples. */
  static final String DOCUMENTED_ID = "d47f2e1a-8c3b-4a5d-9e6f-1234567890ab";

  private XqrFixtures() {}
}
