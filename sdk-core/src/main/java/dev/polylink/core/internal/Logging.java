package dev.polylink.core.internal;

import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J loggers that stay silent without a binding. SLF4J itself prints a warning to standard error
 * when it finds no provider; Polylink, a library, only asks SLF4J for a logger when a provider (or
 * an explicit {@code slf4j.provider}) is there, so that an application without a binding sees
 * nothing at all.
 */
public final class Logging {
  /** Operations (DEBUG: one line per operation and per retry). */
  public static final String CLIENT_LOGGER = "dev.polylink.client";

  /** The redacted wire log (TRACE, only when the builder's {@code wireLog(true)} is set). */
  public static final String WIRE_LOGGER = "dev.polylink.wire";

  private static final boolean BOUND = bound();

  private Logging() {}

  /**
   * The named logger, or a no-op logger when no SLF4J binding is on the class path.
   *
   * @param name the logger name
   * @return the logger
   */
  public static Logger logger(String name) {
    return BOUND ? LoggerFactory.getLogger(name) : NOPLogger.NOP_LOGGER;
  }

  private static boolean bound() {
    try {
      if (System.getProperty("slf4j.provider") != null) {
        return true;
      }
      return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
          .stream()
          .findAny()
          .isPresent();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
