/** A user's application on the module path: one provider, nothing else (its core comes with it). */
module com.example.app {
  requires dev.polylink.xqr;
}
