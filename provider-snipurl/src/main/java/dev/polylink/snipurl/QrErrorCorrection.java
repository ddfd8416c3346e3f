package dev.polylink.snipurl;

/** SnipURL's QR error-correction levels ({@code ec}); SnipURL's default is {@link #M}. */
public enum QrErrorCorrection {
  /** About 7% of the code can be restored. */
  L,
  /** About 15%; SnipURL's default. */
  M,
  /** About 25%. */
  Q,
  /** About 30%. */
  H
}
