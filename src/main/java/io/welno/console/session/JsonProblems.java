package io.welno.console.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;

/**
 * Why a JSON file of the console's own (the connection profiles) could not be read, as a phrase with its line and
 * column: a syntax error in the parser's usual words ({@link ParserWords}), a value that does not fit by where it is,
 * and a value the console refused in its own words. Never the parser's English sentence in the Korean window.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static Phrase of(JsonProcessingException e) {
        Phrase named = PhrasedException.find(e);
        if (named != null) {
            return named;
        }
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        StreamReadException syntax = syntax(e);
        if (syntax != null) {
            // reading into the profiles' types, the parser's own error comes wrapped in the mapper's
            String what = syntax.getOriginalMessage();
            if (what != null && what.startsWith("Unexpected end-of-input")) {
                return Phrase.of("json.problem.truncated", line, column);
            }
            return Phrase.of("unreadable.syntax", line, column,
                    what == null ? Phrase.of("unreadable.syntax.unnamed") : ParserWords.of(firstLine(what)));
        }
        return Phrase.of("json.problem.value", line, column, e instanceof DatabindException bind ? path(bind) : "?");
    }

    private static StreamReadException syntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    /** Where the value is, as a reader of the file would write it: {@code [0].role}. */
    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "?";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "?" : out.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
