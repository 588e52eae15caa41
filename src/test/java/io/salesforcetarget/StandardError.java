package io.salesforcetarget;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What slf4j-simple (which writes to the current System.err) prints while an action runs. */
public final class StandardError {

    /** An action with a result, which may throw {@code E}. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /** The action's result, and the text written to System.err meanwhile. */
    public record Captured<T>(T result, String text) {
    }

    private StandardError() {
    }

    public static <T, E extends Exception> Captured<T> during(Action<T, E> action) throws E {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        T result;
        try {
            result = action.run();
        } finally {
            System.setErr(original);
        }
        return new Captured<>(result, captured.toString(StandardCharsets.UTF_8));
    }

    /** Only the text, for an action without a result. */
    public static String of(Runnable action) {
        return during(() -> {
            action.run();
            return null;
        }).text();
    }
}
