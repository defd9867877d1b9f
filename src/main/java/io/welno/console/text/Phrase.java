package io.welno.console.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An outcome, refusal, warning or state as a code with arguments. Layers below the window hand these up
 * instead of sentences; they become words only at the edge — the window from the ko/en bundles, the command
 * line and the logs from the English one — so the same code reads right in either language.
 *
 * <p>The key names an entry of the {@code messages} bundles (a {@link java.text.MessageFormat} pattern).
 * Arguments are plain values (strings, numbers, durations, times of day), session statuses, or further phrases,
 * which are rendered in turn. Strings that came from outside (a session field, a Redis or Tilko error) are sanitised
 * when rendered, never here.
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }

    /** The argument at {@code index}, for tests and for callers that need one value back. */
    public Object arg(int index) {
        return args.get(index);
    }

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
