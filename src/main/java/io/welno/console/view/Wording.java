package io.welno.console.view;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Role;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Turns {@link Phrase}s into sentences: the one place where codes become words. The window renders with its
 * current language and names statuses as the table does ("Approved"); the command line and the logs render
 * with the English bundle and name statuses as the backend stores them ({@code auth_completed}), because
 * that is what a developer greps for.
 */
public final class Wording {

    private static final Wording CLI = new Wording(BundleTexts.english(), false);

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

    /** The window's language, statuses by their labels. */
    public static Wording window(Texts texts) {
        return new Wording(texts, true);
    }

    public Texts texts() {
        return texts;
    }

    /**
     * The phrase as a sentence. Its first letter is capitalised (a refusal may begin with an action's name,
     * "collect needs …", a field's "status is now …"), unless it begins with outside text shown as a label, a session
     * id before a colon ("welno_1f…: the backend wrote over …"), or is outside text shown verbatim; arguments,
     * rendered by {@link #word}, keep their case.
     */
    public String render(Phrase phrase) {
        String sentence = words(phrase);
        return sentence.isEmpty() || beginsWithLabel(phrase) ? sentence
                : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /**
     * What a failure says: the phrase of a {@link PhrasedException} among its causes, in these words, else its own
     * message (outside text, escaped where it is shown).
     */
    public String said(Throwable failure) {
        Phrase named = PhrasedException.find(failure);
        return named != null ? render(named) : failure.getMessage();
    }

    /** Whether the phrase is outside text as it is ("{0}") or begins with it as a label ("{0}: …"). */
    private boolean beginsWithLabel(Phrase phrase) {
        if (phrase.args().isEmpty() || !(phrase.args().get(0) instanceof CharSequence)) {
            return false;
        }
        String pattern = texts.get(phrase.key());
        return pattern.equals("{0}") || pattern.startsWith("{0}:");
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
