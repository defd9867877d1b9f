package io.welno.console.view;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Role;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link Phrase}s into sentences: the one place where codes become words. The window renders with its
 * current language and names statuses as the table does ("Approved"); the command line and the logs render
 * with the English bundle and name statuses as the backend stores them ({@code auth_completed}), because
 * that is what a developer greps for.
 */
public final class Wording {

    private static final Wording CLI = new Wording(BundleTexts.english(), false);
    /** A MessageFormat pattern that begins with an argument: "{0}…", "{1,number,integer}…". */
    private static final Pattern LEADING_ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");

    private final Texts texts;
    private final boolean statusLabels;

    private Wording(Texts texts, boolean statusLabels) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.statusLabels = statusLabels;
    }

    /** English, statuses by their stored names: for the command line and log lines. */
    public static Wording cli() {
        return CLI;
    }

    /**
     * The words the services log with, handed in by every edge that builds them: English, and each phrase worded as
     * part of the line's sentence ({@link #clause}), since a log line always says its own words first ("Lost the
     * connection to …: the server closed the connection"), as the command line's failure lines do.
     */
    public static LogWords log() {
        return CLI::clause;
    }

    /** The window's language, statuses by their labels. */
    public static Wording window(Texts texts) {
        return new Wording(texts, true);
    }

    public Texts texts() {
        return texts;
    }

    /**
     * The phrase as a sentence. Its first letter is capitalised when the sentence begins with a word of a pattern
     * ("could not start: …", also a nested phrase's pattern that the sentence begins with); an argument that begins
     * it is shown as it is, since it is a name (a profile, a Redis URL, a field, an action's wire name, a session id)
     * or outside text, and capitalising it would misspell it.
     */
    public String render(Phrase phrase) {
        String sentence = words(phrase);
        return sentence.isEmpty() || !beginsWithPatternWord(phrase) ? sentence
                : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /**
     * The phrase as part of a sentence that goes on around it ("the audit stream cannot be read: …; versions …"): its
     * words as a phrase given as an argument reads in {@link #render}, never capitalised, so the whole reads as one
     * sentence, as the window's own sentences that embed a cause do ("Could not connect to …: the Redis user …").
     */
    public String clause(Phrase phrase) {
        return words(phrase);
    }

    /**
     * What a failure says: the phrase of a {@link PhrasedException} among its causes, in these words, else its own
     * message (outside text, escaped where it is shown).
     */
    public String said(Throwable failure) {
        Phrase named = PhrasedException.find(failure);
        return named != null ? render(named) : failure.getMessage();
    }

    /** Whether the phrase's words begin with its pattern's text rather than an argument (nested phrases: theirs). */
    private boolean beginsWithPatternWord(Phrase phrase) {
        if (phrase.args().isEmpty()) {
            return true; // shown as written, placeholders or not
        }
        Matcher leading = LEADING_ARGUMENT.matcher(texts.get(phrase.key()));
        if (!leading.lookingAt()) {
            return true;
        }
        int index = Integer.parseInt(leading.group(1));
        return index < phrase.args().size() && phrase.args().get(index) instanceof Phrase nested
                && beginsWithPatternWord(nested);
    }

    private String words(Phrase phrase) {
        if (phrase == null) {
            return "";
        }
        List<Object> args = phrase.args();
        Object[] words = new Object[args.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(args.get(i));
        }
        return texts.format(phrase.key(), words);
    }

    /**
     * One argument as it reads in a sentence; numbers stay numbers so patterns can format them. Any other value
     * may have come from outside (a session field, a reason, a Redis or Tilko error) and is escaped and bounded,
     * so no sentence carries a control character or a megabyte.
     */
    private Object word(Object arg) {
        if (arg instanceof Phrase nested) {
            return words(nested);
        }
        if (arg instanceof SessionStatus status) {
            return status(status);
        }
        if (arg instanceof ActionKind kind) {
            return statusLabels ? texts.get("action." + kind.wire()) : kind.wire();
        }
        if (arg instanceof Role role) {
            return role(role);
        }
        if (arg instanceof List<?> list) {
            return list(list);
        }
        if (arg instanceof Duration duration) {
            return Formats.span(texts, duration);
        }
        if (arg instanceof LocalTime clock) {
            // in the time style the rest of the window uses ("오후 5:05:03" beside a headline that says so)
            return Formats.clockSeconds(texts, clock);
        }
        if (arg instanceof Number || arg instanceof Boolean) {
            return arg;
        }
        return SafeText.bounded(String.valueOf(arg), SafeText.TEXT);
    }

    /**
     * A list as a sentence reads it: statuses as alternatives ("a, b or c"), anything else (phrases, values) as
     * separate clauses ("a; b").
     */
    private String list(List<?> items) {
        boolean alternatives = !items.isEmpty() && items.stream().allMatch(i -> i instanceof SessionStatus);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(alternatives && i == items.size() - 1 ? texts.get("list.or")
                        : alternatives ? ", " : texts.get("list.separator"));
            }
            out.append(word(items.get(i)));
        }
        return out.toString();
    }

    /** A role as this wording names it (the window's word, the CLI's wire name); empty for none. */
    public String role(Role role) {
        if (role == null) {
            return "";
        }
        return statusLabels ? texts.get("role." + role.wire()) : role.wire();
    }

    /** A status as this wording names it; a status the backend never writes is shown as stored. */
    public String status(SessionStatus status) {
        if (status == null) {
            return texts.get("status.unknownValue");
        }
        if (status.isMissing()) {
            return texts.get("status.missing");
        }
        if (!statusLabels || !status.isKnown()) {
            return SafeText.bounded(status.wire(), SafeText.FIELD); // a status the backend never writes is outside text
        }
        return texts.get("status." + status.wire());
    }
}
