package io.welno.console.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;

/**
 * Why a JSON file of the console's own (the connection profiles) could not be read, as a phrase with its line and
 * column: an empty file, one cut short, a syntax error in the parser's usual words ({@link ParserWords}), a value that
 * does not fit by where it is, and a value the console refused in its own words. Never the parser's English sentence
 * in the Korean window. The session codec words a stored value's syntax error the same way ({@link #syntaxError}).
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** Why the file could not be read, as a clause (no capital, no full stop) for a sentence that names the file. */
    public static Phrase of(JsonProcessingException e) {
        Phrase named = PhrasedException.find(e);
        if (named != null) {
            return named;
        }
        // reading into typed values, the parser's own error comes wrapped in the mapper's
        StreamReadException syntax = causeOf(e, StreamReadException.class);
        String what = syntax != null ? syntax.getOriginalMessage() : e.getOriginalMessage();
        if (what != null && what.startsWith("No content to map")) {
            return Phrase.of("json.problem.empty");
        }
        if (syntax != null) {
            return what != null && what.startsWith("Unexpected end-of-input")
                    ? Phrase.of("json.problem.truncated", line(syntax), column(syntax))
                    : complaint("json.problem.syntax", syntax);
        }
        String path = e instanceof DatabindException bind ? path(bind) : "";
        return path.isEmpty() ? Phrase.of("json.problem.outermost")
                : Phrase.of("json.problem.value", line(e), column(e), path);
    }

    /** A syntax error where the parser found it, in its usual complaint's words, as a sentence of its own. */
    static Phrase syntaxError(JsonProcessingException e) {
        return complaint("unreadable.syntax", e);
    }

    private static Phrase complaint(String key, JsonProcessingException e) {
        String what = e.getOriginalMessage();
        return Phrase.of(key, line(e), column(e),
                what == null ? Phrase.of("unreadable.syntax.unnamed") : ParserWords.of(firstLine(what)));
    }

    /** The first exception of {@code type} in {@code e}'s chain of causes, or null. */
    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static long line(JsonProcessingException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }

    private static long column(JsonProcessingException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    }

    /** Where the value is, as a reader of the file would write it: {@code [0].role}. */
    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Jackson's message up to its first line break, bounded: the detail of a reason, never a dump of the value. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        if (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1); // the reason's own words end the sentence
        }
        return SafeText.clipped(first, 200);
    }
}
