package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Role;
import io.welno.console.live.FeedMode;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoreFailure;
import io.welno.console.tilko.TilkoClassification;
import io.welno.console.view.DashboardModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Korean and English bundles hold the same keys, none empty, every key the ui code uses (found by
 * scanning its sources) and every key it builds from an enum or a status; and Korean is really Korean.
 */
class BundleTest {

    private static final Path UI_SOURCES = Path.of("src/main/java/io/welno/console/ui");
    private static final Path ALL_SOURCES = Path.of("src/main/java/io/welno/console");
    /** Outcomes handed up as codes: Phrase.of("key", …), Refusal.hard("key", …), Refusal.overridable("key", …). */
    private static final Pattern PHRASE = Pattern.compile(
            "(?:Phrase\\.of|Refusal\\.(?:hard|overridable))\\(\\s*\"([^\"]+)\"");
    /** i18n.text("key"), i18n.get("key"), i18n.format("key", …) */
    private static final Pattern CALL = Pattern.compile("i18n\\.(?:text|get|format)\\(\\s*\"([^\"]+)\"");
    /** Any string literal shaped like a key, e.g. passed to a helper: column("column.id", …). */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    /** Words that stay as they are in Korean text (product names, protocols, units). */
    private static final Pattern TECHNICAL = Pattern.compile(
            "Redis|rediss?|Tilko|WELNO|URL|TTL|CxId|ACL|TLS|PASS|CSV|JSON|temp_auth_data|auth_data|p90|ms|ID|DB");
    /** Values that are the same in both languages on purpose. */
    private static final Set<String> SAME_IN_BOTH = Set.of("column.ttl", "fact.ttl", "person.cxid", "role.badge",
            "fact.credentials.value", "settings.language.ko", "settings.language.en", "dashboard.none", "unreadable.kind.null");

    private static Properties english;
    private static Properties korean;

    @BeforeAll
    static void load() throws IOException {
        english = load("messages.properties");
        korean = load("messages_ko.properties");
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = BundleTest.class.getResourceAsStream("/io/welno/console/view/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /** A missing key is marked, never shown raw: the key can be made of outside text (a hand-edited role, say). */
    @Test
    void aMissingKeyIsShownEscaped() {
        String shown = new io.welno.console.view.BundleTexts(Locale.ENGLISH).get("role.\u202Eadmin\u001b[2J");
        assertTrue(shown.startsWith("!role.") && shown.endsWith("!"), shown);
        assertEquals(-1, io.welno.console.text.SafeText.firstUnsafe(shown), shown);
    }

    @Test
    void javaFxsOwnTextsFollowTheConsolesLanguageNotTheOs() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // the OS's language, which the console does not speak
            I18n i18n = new I18n(Locale.GERMANY);
            i18n.governJavaFxTexts();
            assertEquals(Locale.ENGLISH, Locale.getDefault(), "JavaFX's menus in English, like the rest");
            i18n.setLocale(Locale.KOREAN);
            assertEquals(Locale.KOREAN, Locale.getDefault(), "and in Korean after the switch");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoEmptyValues() {
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(korean.stringPropertyNames()),
                "keys differ between messages.properties and messages_ko.properties");
        for (Properties bundle : List.of(english, korean)) {
            for (String key : bundle.stringPropertyNames()) {
                assertTrue(!bundle.getProperty(key).isBlank(), key + " is empty");
            }
        }
    }

    /**
     * Korean writes a unit against its figure ("686ms", "3초", "5MB"), whatever the text: one message said "3000 ms"
     * beside the status bar's "686ms". A unit word that goes on ("{1} 초과", exceeding) is no unit.
     */
    @Test
    void koreanUnitsFollowTheirFiguresWithoutASpace() {
        Pattern spaced = Pattern.compile("(?:\\}|\\d)\\s+(?:ms|초|분|시간|일|개|건|번|자|MB|KB|%)(?![가-힣A-Za-z])");
        List<String> spacedOut = korean.stringPropertyNames().stream().sorted()
                .filter(key -> spaced.matcher(korean.getProperty(key)).find())
                .map(key -> key + "=" + korean.getProperty(key)).toList();
        assertEquals(List.of(), spacedOut);
    }

    /**
     * A particle right after a placeholder cannot know what fills it, so it is written in both forms ("{0}이(가)",
     * "{0}을(를)"): a claim's notice said "{2}이 지나야" of a time such as "17:05:02", whose "2" takes "가".
     * A copula ("{0}입니다", "{0}이며") is no particle and is left alone.
     */
    @Test
    void koreanParticlesAfterAPlaceholderTakeBothForms() {
        Pattern bare = Pattern.compile("\\}(?:이|가|을|를|은|는|와|과|으로|로)(?=[\\s,.])");
        List<String> found = korean.stringPropertyNames().stream().sorted()
                .filter(key -> bare.matcher(korean.getProperty(key)).find())
                .map(key -> key + "=" + korean.getProperty(key)).toList();
        assertEquals(List.of(), found);
    }

    /**
     * Korean puts a parenthesis against the word it explains ("덮어쓰고 있습니다(세션 {1})", "12시간제(오후 2:05)"), as
     * nearly every Korean text here does: a revert's alert said "덮어썼습니다 ({3})". Only a Korean word before it is
     * checked: after a placeholder or a path (an address, a folder) the space keeps what fills it apart from the note.
     */
    @Test
    void koreanParenthesesFollowTheirWordWithoutASpace() {
        Pattern spaced = Pattern.compile("[가-힣] \\(");
        List<String> found = korean.stringPropertyNames().stream().sorted()
                .filter(key -> spaced.matcher(korean.getProperty(key)).find())
                .map(key -> key + "=" + korean.getProperty(key)).toList();
        assertEquals(List.of(), found);
    }

    /**
     * An Alt key is written the same way in both languages: "_Run" in English, "실행(_R)" in Korean (the Latin letter
     * in brackets right after the word, the rest of a Korean text having no Latin letter to mark); the same letter in
     * both, so the key a user learnt works after a language switch, and one key a text at most.
     */
    @Test
    void altKeysAreMarkedAlikeInBothLanguages() {
        Pattern koreanKey = Pattern.compile("\\(_([A-Z])\\)");
        Pattern englishKey = Pattern.compile("(?:^|[\\s(])[A-Za-z]*_([A-Za-z])");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(korean.stringPropertyNames())) {
            String ko = korean.getProperty(key);
            String en = english.getProperty(key, "");
            Matcher k = koreanKey.matcher(ko);
            boolean koreanMarked = k.find();
            boolean englishMarked = en.startsWith("_"); // an underscore inside may be a field's name (expires_at)
            if (!koreanMarked && !englishMarked) {
                continue;
            }
            Matcher e = englishKey.matcher(en);
            if (!koreanMarked || !e.find()) {
                problems.add(key + " has an Alt key in one language only: " + en + " / " + ko);
            } else if (!k.group(1).equalsIgnoreCase(e.group(1))) {
                problems.add(key + " has Alt+" + e.group(1) + " in English but Alt+" + k.group(1) + " in Korean");
            } else if (k.find() || en.indexOf('_') != en.lastIndexOf('_')) {
                problems.add(key + " marks more than one Alt key: " + en + " / " + ko);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * One rule for a figure in a sentence: grouped as the language groups it, as {@code view.Formats.count} and the
     * status bar write it ("Redis 2,500ms"), so a pattern writes it {@code {n}} or {@code {n,number,integer}}. A
     * pattern of its own without grouping ({@code {n,number,#}}) said "no PONG within 2500ms" beside that status bar;
     * it is left only to codes and to values that are typed as they are written (an HTTP status, a URL's limit).
     */
    @Test
    void figuresAreGroupedAsTheLanguageGroupsThemExceptCodesAndTypedValues() {
        Set<String> ungroupedOnPurpose = Set.of("tilko.httpStatus", "tilko.okOnHttpError", "url.millis");
        Pattern ungrouped = Pattern.compile("\\{\\s*\\d+\\s*,\\s*number\\s*,\\s*[#0.]+\\s*}");
        List<String> found = new ArrayList<>();
        for (Properties bundle : List.of(english, korean)) {
            bundle.stringPropertyNames().stream().sorted()
                    .filter(key -> !ungroupedOnPurpose.contains(key))
                    .filter(key -> ungrouped.matcher(bundle.getProperty(key)).find())
                    .forEach(key -> found.add(key + "=" + bundle.getProperty(key)));
        }
        assertEquals(List.of(), found);
    }

    /**
     * The console sees only that a later document lacks a change; who wrote it (the backend's older copy, another
     * console, a person with redis-cli) it cannot tell. So no text says the backend reverts or reverted one: the
     * re-apply checkbox said "if the backend reverts it", and re-applies whatever wrote over the change.
     */
    @Test
    void noTextSaysTheBackendRevertsAChange() {
        Pattern inEnglish = Pattern.compile(
                "(?i)backend(?:'+s)?\\W+(?:\\w+\\W+){0,2}?revert|revert\\w*\\W+(?:\\w+\\W+){0,2}?backend");
        Pattern inKorean = Pattern.compile("백엔드가\\s*(?:\\S+\\s+){0,2}?되돌");
        List<String> found = new ArrayList<>();
        english.stringPropertyNames().stream().sorted().filter(key -> inEnglish.matcher(english.getProperty(key)).find())
                .forEach(key -> found.add(key + "=" + english.getProperty(key)));
        korean.stringPropertyNames().stream().sorted().filter(key -> inKorean.matcher(korean.getProperty(key)).find())
                .forEach(key -> found.add(key + "=" + korean.getProperty(key)));
        assertEquals(List.of(), found);
    }

    /** The Korean texts call Tilko 틸코, as the backend's own Korean messages do; one name, not two, in one window. */
    @Test
    void koreanTextsNameTilkoOneWay() {
        List<String> latin = korean.stringPropertyNames().stream().sorted()
                .filter(key -> korean.getProperty(key).contains("Tilko")).toList();
        assertEquals(List.of(), latin, "Korean texts that write Tilko in Latin letters");
    }

    @Test
    void everyKeyTheCodeUsesExistsInBoth() throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        english.stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    if (!call.group(1).endsWith(".")) { // "status." + wire: the dynamic keys are added below
                        used.add(call.group(1));
                    }
                }
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    String key = literal.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !key.endsWith(".")) {
                        used.add(key);
                    }
                }
            }
        }
        assertTrue(used.size() > 150, "the scan found only " + used.size() + " keys: is the source path right?");
        int beforeCodes = used.size();
        try (Stream<Path> files = Files.walk(ALL_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher phrase = PHRASE.matcher(Files.readString(file));
                while (phrase.find()) {
                    if (!phrase.group(1).endsWith(".")) {
                        used.add(phrase.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > beforeCodes + 100, "the scan found too few codes: is the source path right?");
        // codes built at run time
        for (StoreFailure.Cause cause : StoreFailure.Cause.values()) {
            used.add("store.failure." + cause.wire());
            if (new StoreFailure(cause, "").refusedByAcl()) {
                used.add("store.failure.stream." + cause.wire());
            }
            used.add(new StoreFailure(cause, "").phraseBeforeFix().key());
        }
        for (io.welno.console.view.AlertMonitor.Rule rule : io.welno.console.view.AlertMonitor.Rule.values()) {
            used.add(rule.key());
        }
        for (TilkoClassification c : TilkoClassification.values()) {
            used.add("tilko.classification." + c.name());
        }
        for (String key : List.of("store.failed", "store.failed.unknown", "revert.field.value",
                "revert.field.valueAgain", "revert.field.changed", "revert.field.changedBack", "list.or",
                "list.separator", "status.unknownValue")) {
            used.add(key);
        }
        // keys built at run time
        SessionStatus.KNOWN.forEach(s -> used.add("status." + s.wire()));
        for (FeedMode mode : FeedMode.values()) {
            used.add("mode." + mode.name());
        }
        for (DocumentWarning warning : DocumentWarning.values()) {
            used.add("warning." + warning.name());
        }
        for (ActionKind kind : ActionKind.values()) {
            used.add("action." + kind.wire());
        }
        for (Role role : Role.values()) {
            used.add("role." + role.wire());
        }
        for (DashboardModel.Group group : DashboardModel.Group.values()) {
            used.add("dashboard.group." + group.key());
        }
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (!english.containsKey(key)) {
                missing.add(key + " (en)");
            }
            if (!korean.containsKey(key)) {
                missing.add(key + " (ko)");
            }
        }
        assertEquals(List.of(), missing, "keys used in the ui code but missing from a bundle");
    }

    /**
     * A text is rendered as a MessageFormat pattern only when it is given arguments (BundleTexts#format), so one
     * without placeholders must not double its apostrophes, and one with them must. A key takes arguments when
     * either language's text has a placeholder: a Korean sentence that leaves out an argument its English uses is
     * still a pattern.
     */
    /**
     * An English count of one takes the singular ("1 session", not "1 sessions"): every text with arguments is
     * rendered with each argument 1. Left out are the texts whose "1 …s" is a name followed by a verb ("{0} needs"),
     * a rate, or a bound that is never one (the reason's length, the history's size).
     */
    @Test
    void englishCountsOfOneAreSingular() {
        Set<String> notCounts = Set.of("action.reason", "reason.required", "reason.tooLong", "history.bound",
                "follow.full", "store.conflict", "unreadable.tooDeep", "status.rate", "collection.notReleased",
                "feed.cluster.noPrimaries", "feed.notify.notReported", "feed.sentinel.unknownMaster", "files.missing",
                "flow.audit.entry.reapply", "flow.simpleAuth.saveUnknown", "guard.collect.needs",
                "guard.collect.noAuth", "guard.manualComplete.needs", "guard.manualComplete.noTemp",
                "guard.reset.needs", "guard.simpleAuth.needs", "notify.result.CONFLICT", "notify.result.REFUSED",
                "reapply.fieldMovedHidden",
                // "session {0} was written over", "bulk run {0} was …": an id, not a count
                "notify.revert.short", "notify.revert.other.short", "notify.revert.failed", "notify.revert.batch",
                "notify.revert.other.batch");
        Pattern pluralAfterOne = Pattern.compile("(?<![\\d,.])1 (?:(?:new|more|live|changed|other) )*[a-z]{2,}s\\b");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (!takesArguments(key) || notCounts.contains(key)) {
                continue;
            }
            Object[] ones = new Object[12];
            java.util.Arrays.fill(ones, 1);
            String text = new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(ones);
            Matcher plural = pluralAfterOne.matcher(text);
            if (plural.find()) {
                problems.add(key + ": \"" + plural.group() + "\" in " + text);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void apostrophesAreWrittenForHowEachTextIsRendered() {
        List<String> problems = new ArrayList<>();
        for (Properties bundle : List.of(english, korean)) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (!takesArguments(key) && value.contains("''")) {
                    problems.add(key + " has no arguments, so '' shows as two apostrophes: " + value);
                }
                if (takesArguments(key) && value.replace("''", "").contains("'")) {
                    problems.add(key + " has a lone apostrophe, which MessageFormat drops: " + value);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private boolean takesArguments(String key) {
        return english.getProperty(key, "").contains("{") || korean.getProperty(key, "").contains("{");
    }

    @Test
    void koreanTextsAreTranslatedAndPatternsAreValid() {
        List<String> problems = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String ko = korean.getProperty(key);
            String words = TECHNICAL.matcher(ko).replaceAll("");
            if (en.equals(ko) && words.matches("(?s).*[A-Za-z]{3,}.*") && !SAME_IN_BOTH.contains(key)) {
                problems.add(key + " is not translated: " + ko);
            }
            for (String value : List.of(en, ko)) {
                if (value.contains("{")) {
                    try {
                        new MessageFormat(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(key + " is not a valid pattern: " + value);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theI18nSwitchesLanguageAtRuntime() {
        I18n i18n = new I18n(java.util.Locale.ENGLISH);
        var dashboard = i18n.text("tab.dashboard");
        assertEquals("Dashboard", dashboard.get());
        i18n.setLocale(java.util.Locale.KOREA);
        assertEquals("대시보드", dashboard.get());
        assertEquals("!no.such.key!", i18n.get("no.such.key"));
        i18n.setLocale(java.util.Locale.JAPANESE);
        assertEquals("Dashboard", dashboard.get(), "unsupported languages fall back to English");
    }
}
