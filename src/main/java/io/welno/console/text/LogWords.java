package io.welno.console.text;

/**
 * How a service below the edge words a {@link Phrase} in its log lines, or in the message of an exception that may
 * be logged. The wording sits above the services (docs/architecture.md, "Layers", words only at the edge), so the
 * edge that builds a service hands its words in with the service's options: English, from
 * {@code view.Wording.log()}, which also escapes and bounds the outside text among the arguments.
 */
@FunctionalInterface
public interface LogWords {

    /**
     * What a service logs when no edge has handed it words, as in a test of one layer: the code and its arguments,
     * escaped and bounded, so the line is still safe, only not English.
     */
    LogWords CODES = phrase -> SafeText.bounded(String.valueOf(phrase), SafeText.TEXT);

    String render(Phrase phrase);
}
