package dev.polylink.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * What {@code --verbose} shows while a command runs: the SDK's redacted wire log ({@code
 * dev.polylink.wire}, TRACE) and its one line per operation and retry ({@code dev.polylink.client},
 * DEBUG), written to the command's standard error. Everything else stays silent (logback.xml).
 */
final class WireLog implements AutoCloseable {
  /** Shows nothing. */
  static final WireLog OFF = new WireLog(null, null);

  private static final String[] LOGGERS = {"dev.polylink.wire", "dev.polylink.client"};

  private final OutputStreamAppender<ILoggingEvent> appender;
  private final LoggerContext context;

  private WireLog(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
    this.context = context;
    this.appender = appender;
  }

  /** Starts showing the SDK's log on {@code err}; closing stops it. */
  static WireLog to(PrintStream err) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      return OFF;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.setOutputStream(new OutputStream() {
      @Override
      public void write(int b) {
        err.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        err.write(b, off, len);
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
        err.flush(); // the command's stream outlives the log
      }
    });
    appender.start();
    for (String name : LOGGERS) {
      Logger logger = context.getLogger(name);
      logger.setLevel(name.endsWith("wire") ? Level.TRACE : Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
    return new WireLog(context, appender);
  }

  @Override
  public void close() {
    if (appender == null) {
      return;
    }
    for (String name : LOGGERS) {
      Logger logger = context.getLogger(name);
      logger.detachAppender(appender);
      logger.setLevel(null);
    }
    appender.stop();
  }
}
