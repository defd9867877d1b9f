package io.welno.console.view;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.PersonalDataReveal;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The audit stream stores its events, results and actions as codes ("attempt", "REFUSED", "simple-auth"); a reader
 * sees them in words of the window's language. A code this console does not know (a newer console wrote it) is
 * shown as stored.
 */
public final class AuditWords {

    /** Every event this console writes. */
    public static final Set<String> EVENTS = Set.of(AuditRecord.ATTEMPT, AuditRecord.COLLECTION_FINISHED,
            AuditRecord.REVERT_DETECTED, AuditRecord.REAPPLY, AuditRecord.HOLD_ENDED, AuditRecord.REVEAL);

    /** Every result this console writes: an action's outcome, a collection's end, a detected revert. */
    public static final Set<String> RESULTS = results();

    private AuditWords() {
    }

    private static Set<String> results() {
        Set<String> all = new LinkedHashSet<>();
        Arrays.stream(ActionResult.Outcome.values()).map(Enum::name).forEach(all::add);
        Arrays.stream(CollectionFinished.Result.values()).map(Enum::name).forEach(all::add);
        Arrays.stream(HoldOutcome.Kind.values()).filter(k -> k != HoldOutcome.Kind.NOT_HELD).map(Enum::name)
                .forEach(all::add);
        all.add(PersonalDataReveal.RESULT);
        return Set.copyOf(all);
    }

    public static String event(Texts texts, String code) {
        return code != null && EVENTS.contains(code) ? texts.get("audit.event." + code) : code;
    }

    public static String result(Texts texts, String code) {
        return code != null && RESULTS.contains(code) ? texts.get("audit.result." + code) : code;
    }

    public static String action(Texts texts, String code) {
        if (code == null) {
            return null;
        }
        if (code.equals(PersonalDataReveal.ACTION)) {
            return texts.get("audit.action.reveal");
        }
        try {
            return texts.get("action." + ActionKind.fromWire(code).wire());
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    /**
     * A stored field as the window shows it: one the audit cut to its bound ends with an English marker saying how
     * long the whole was ({@link SafeText#shortened}), which is worded here in the window's language.
     */
    public static String field(Texts texts, String stored) {
        if (stored == null) {
            return null;
        }
        Matcher cut = SafeText.SHORTENED.matcher(stored);
        return cut.find() ? stored.substring(0, cut.start()) + texts.format("audit.field.cut",
                Integer.parseInt(cut.group(1))) : stored;
    }

    /**
     * An entry's message as this console can word it: one written by another version of the console may name a code
     * this one has no words for, which is shown as such (with the code) rather than as a broken sentence.
     */
    public static Phrase message(Phrase message) {
        String unknown = unknownKey(message);
        return unknown == null ? cutArgsWorded(message) : Phrase.of("audit.message.unknown", unknown);
    }

    private static String unknownKey(Object arg) {
        if (arg instanceof Phrase phrase) {
            if (!BundleTexts.english().has(phrase.key())) {
                return phrase.key();
            }
            return unknownKey(phrase.args());
        }
        if (arg instanceof List<?> items) {
            for (Object item : items) {
                String inner = unknownKey(item);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * The message with each text argument the audit cut to its bound ({@link SafeText#shortened}, an English marker)
     * as a phrase of its own, which the window words in its language like the rest of the sentence.
     */
    private static Phrase cutArgsWorded(Phrase phrase) {
        if (phrase == null) {
            return null;
        }
        List<Object> args = new ArrayList<>(phrase.args().size());
        boolean changed = false;
        for (Object arg : phrase.args()) {
            Object worded = cutWorded(arg);
            changed |= worded != arg;
            args.add(worded);
        }
        return changed ? new Phrase(phrase.key(), args) : phrase; // the same message when nothing was cut
    }

    private static Object cutWorded(Object arg) {
        if (arg instanceof Phrase nested) {
            return cutArgsWorded(nested);
        }
        if (arg instanceof List<?> items) {
            List<Object> worded = items.stream().map(AuditWords::cutWorded).toList();
            for (int i = 0; i < items.size(); i++) {
                if (worded.get(i) != items.get(i)) {
                    return worded;
                }
            }
            return items;
        }
        if (arg instanceof String text) {
            Matcher cut = SafeText.SHORTENED.matcher(text);
            if (cut.find()) {
                return Phrase.of("audit.arg.cut", text.substring(0, cut.start()), Integer.parseInt(cut.group(1)));
            }
        }
        return arg;
    }
}
