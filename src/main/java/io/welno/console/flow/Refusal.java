package io.welno.console.flow;

import io.welno.console.text.Phrase;
import java.util.Objects;

/**
 * One reason to refuse an action. A hard refusal protects Tilko or the backend from something that cannot work
 * or would run twice; no role can override it. An {@code overridable} one follows the backend's flow and a
 * developer may override it, which is recorded.
 */
public record Refusal(Phrase phrase, boolean overridable) {

    public Refusal {
        Objects.requireNonNull(phrase, "phrase");
    }

    static Refusal hard(String key, Object... args) {
        return new Refusal(Phrase.of(key, args), false);
    }

    static Refusal overridable(String key, Object... args) {
        return new Refusal(Phrase.of(key, args), true);
    }
}
