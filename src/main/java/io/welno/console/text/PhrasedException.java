package io.welno.console.text;

/**
 * Bad input or a failed step named as a {@link Phrase}, for a layer below the edge that must throw: the window words
 * it in its language, the command line in English, instead of showing an English sentence made down here. Its
 * message (for a log or an edge that does not know it) is the code with its arguments, escaped.
 */
public class PhrasedException extends IllegalArgumentException {

    private final transient Phrase phrase;

    public PhrasedException(Phrase phrase) {
        this(phrase, null);
    }

    public PhrasedException(Phrase phrase, Throwable cause) {
        super(LogWords.CODES.render(phrase), cause);
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }

    /** The phrase of the first phrased exception in {@code error}'s causes, or null when there is none. */
    public static Phrase find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PhrasedException phrased) {
                return phrased.phrase();
            }
        }
        return null;
    }
}
