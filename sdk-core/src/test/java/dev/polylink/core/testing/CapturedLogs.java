package dev.polylink.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * What the SDK logged through SLF4J while it was open, with logback-classic as the binding (test
 * scope): {@code try (CapturedLogs logs = CapturedLogs.of("dev.polylink.wire", Level.TRACE)) {...}}.
 * Closing restores the logger's level and detaches the appender.
 */
public final class CapturedLogs implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs(String name, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.previous = logger.getLevel();
    logger.setLevel(level);
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures logger {@code name} (and its children) at {@code level} and above. */
  public static CapturedLogs of(String name, Level level) {
    return new CapturedLogs(name, level);
  }

  /** The formatted messages, in order, each followed by its exception's toString if it has one. */
  public synchronized List<String> lines() {
    return appender.list.stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .collect(Collectors.toList());
  }

  /** The events, in order. */
  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Every line joined with newlines, to scan for what must not be there. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    appender.stop();
  }
}
