package io.github.personalcare.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * JUnit extension capturing every log event of the SDK's loggers during a test, so a test can assert
 * that no personal data was logged. Register with {@code @RegisterExtension}.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private ch.qos.logback.classic.Level previous;

    private Logger sdkLogger() {
        return (Logger) LoggerFactory.getLogger("io.github.personalcare");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        previous = sdkLogger().getLevel();
        // Capture everything the SDK can log, whatever the configured level.
        sdkLogger().setLevel(ch.qos.logback.classic.Level.TRACE);
        sdkLogger().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sdkLogger().detachAppender(appender);
        sdkLogger().setLevel(previous);
        appender.stop();
    }

    /** Every captured event, for assertions on arguments and exceptions. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Every captured line, formatted with its arguments, plus any exception messages. */
    public List<String> lines() {
        return appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }

    /**
     * Every captured event in full, one string each: the formatted message, each argument, and the
     * message of every exception in the cause chain, so a test can prove none holds personal data.
     */
    public List<String> rendered() {
        return appender.list.stream().map(CapturedLogs::rendered).toList();
    }

    private static String rendered(ILoggingEvent event) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object arg : event.getArgumentArray()) {
                parts.add(String.valueOf(arg));
            }
        }
        for (ch.qos.logback.classic.spi.IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            parts.add(t.getMessage());
        }
        return String.join(" | ", parts);
    }
}
