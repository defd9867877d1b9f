package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.Role;
import io.welno.console.text.Phrase;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit tab's model: newest first, each entry once, filters, reverts found by action id, the CSV. */
class AuditEntriesTest {

    static final Instant T = Instant.parse("2026-12-03T01:00:00Z");
    private static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, null);

    static AuditRecord entry(String streamId, int seconds, String event, String operator, String action,
                             String session, String result, String actionId) {
        return new AuditRecord(T.plusSeconds(seconds), actionId, event, operator, Role.OPERATOR, action, session,
                "outage", false, "", "", result, Phrase.of("text.verbatim", "x"), streamId, "");
    }

    private static List<String> ids(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::streamId).toList();
    }

    /** An entry another console version wrote with a code this one lacks says so, in the window's language. */
    @Test
    void aMessageFromANewerConsoleIsNamedNotBroken() {
        Phrase known = Phrase.of("audit.reveal", Phrase.of("audit.reveal.screen"));
        assertSame(known, AuditWords.message(known));
        Phrase newer = Phrase.of("hold.kept", Phrase.of("hold.somethingNewer", 3));
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(AuditWords.message(newer));
        assertEquals("이 버전의 콘솔에는 문구가 없는 메시지입니다(hold.somethingNewer)", korean);
    }

    /** A reveal's entry reads in the window's language: its action, its result and where it was shown. */
    @Test
    void aRevealIsWordedInKorean() {
        io.welno.console.flow.MemoryAuditLog log = new io.welno.console.flow.MemoryAuditLog();
        io.welno.console.flow.PersonalDataReveal.reveal(log, new io.welno.console.flow.Operator("kim", Role.DEVELOPER),
                "welno_a", T, Phrase.of("audit.reveal.screen"));
        AuditRecord shown = log.read(1).get(0);
        Texts korean = new BundleTexts(BundleTexts.KOREAN);
        assertEquals("개인정보 보기", AuditWords.action(korean, shown.action()));
        assertEquals("보여 줌", AuditWords.result(korean, shown.result()));
        String message = Wording.window(korean).render(shown.message());
        assertTrue(message.contains("화면에서") && !message.contains("on screen"), message);
    }

    @Test
    void entriesAreNewestFirstOnceEachAndCapped() {
        AuditEntries entries = new AuditEntries(3);
        assertTrue(entries.add(List.of(entry("9-0", 9, "attempt", "kim", "collect", "welno_a", "APPLIED", "a1"),
                entry("10-0", 10, "attempt", "lee", "reset-stuck", "welno_b", "REFUSED", "a2"))).any());
        assertFalse(entries.add(List.of(entry("10-0", 10, "attempt", "lee", "reset-stuck", "welno_b", "REFUSED",
                "a2"))).any(), "the tail delivering an entry the first load had adds nothing");
        entries.add(List.of(entry("10-1", 10, "attempt", "kim", "collect", "welno_c", "APPLIED", "a3")));
        assertEquals(List.of("10-1", "10-0", "9-0"), ids(entries.matching(EVERYTHING)),
                "stream ids compared as numbers");
        entries.add(List.of(entry("11-0", 11, "attempt", "kim", "collect", "welno_d", "APPLIED", "a4")));
        assertEquals(List.of("11-0", "10-1", "10-0"), ids(entries.matching(EVERYTHING)),
                "the oldest drops off at the cap");
    }

    @Test
    void aChangeSaysWhatCameOnTopWhatWasPushedOutAndWhenOlderEntriesCameBetween() {
        AuditEntries entries = new AuditEntries(3);
        AuditEntries.Change first = entries.add(List.of(entry("9-0", 9, "attempt", "kim", "collect", "welno_a",
                "APPLIED", "a1"), entry("10-0", 10, "attempt", "lee", "reset-stuck", "welno_b", "REFUSED", "a2")));
        assertEquals(List.of("10-0", "9-0"), ids(first.added()), "newest first");
        assertTrue(first.onTop());

        AuditEntries.Change newer = entries.add(List.of(entry("12-0", 12, "attempt", "kim", "collect", "welno_d",
                "APPLIED", "a4"), entry("11-0", 11, "attempt", "kim", "retry-auth", "welno_c", "APPLIED", "a3")));
        assertTrue(newer.onTop());
        assertEquals(List.of("12-0", "11-0"), ids(newer.added()));
        assertEquals(List.of("9-0"), ids(newer.dropped()), "the oldest leaves at the cap");
        assertEquals(java.util.Set.of("collect", "reset-stuck", "retry-auth"), entries.actions());

        AuditEntries.Change between = entries.add(List.of(entry("11-5", 11, "attempt", "park", "collect", "welno_e",
                "CONFLICT", "a5")));
        assertFalse(between.onTop(), "an entry older than the newest held: the view must filter again");
        assertEquals(List.of("10-0"), ids(between.dropped()));
        assertEquals(java.util.Set.of("collect", "retry-auth"), entries.actions(), "a dropped action's choice goes");
        assertEquals(java.util.Set.of("APPLIED", "CONFLICT"), entries.results());

        AuditEntries.Change flood = entries.add(List.of(entry("20-0", 20, "attempt", "a", "collect", "welno_f",
                "APPLIED", "b1"), entry("21-0", 21, "attempt", "a", "collect", "welno_g", "APPLIED", "b2"),
                entry("22-0", 22, "attempt", "a", "collect", "welno_h", "APPLIED", "b3"),
                entry("19-0", 19, "attempt", "a", "collect", "welno_i", "APPLIED", "b4")));
        assertEquals(List.of("22-0", "21-0", "20-0"), ids(flood.added()), "one pushed out at once was never added");
        assertEquals(List.of("11-0", "11-5", "12-0"), ids(flood.dropped()), "oldest first");
        assertFalse(entries.add(List.of(entry("22-0", 22, "attempt", "a", "collect", "welno_h", "APPLIED", "b3")))
                .any());
    }

    @Test
    void filtersMatchOperatorActionResultSessionAndTime() {
        AuditEntries entries = new AuditEntries(100);
        entries.add(List.of(entry("1-0", 1, "attempt", "Kim Ha", "collect", "welno_abc", "APPLIED", "a1"),
                entry("2-0", 60, "attempt", "lee", "collect", "welno_def", "REFUSED", "a2"),
                entry("3-0", 120, "attempt", "kim ha", "reset-stuck", "welno_abd", "APPLIED", "a3")));
        assertEquals(List.of("3-0", "1-0"), ids(entries.matching(new AuditFilter("KIM", null, null, null, null, null))));
        assertEquals(List.of("2-0", "1-0"), ids(entries.matching(new AuditFilter(null, "collect", null, null, null,
                null))));
        assertEquals(List.of("2-0"), ids(entries.matching(new AuditFilter(null, null, "REFUSED", "", null, null))));
        assertEquals(List.of("3-0", "1-0"), ids(entries.matching(new AuditFilter(null, null, null, "_ab", null,
                null))));
        assertEquals(List.of("2-0"), ids(entries.matching(new AuditFilter(null, null, null, null, T.plusSeconds(30),
                T.plusSeconds(90)))));
    }

    @Test
    void anActionLinksToItsRevert() {
        AuditEntries entries = new AuditEntries(100);
        AuditRecord attempt = entry("1-0", 1, "attempt", "kim", "reset-stuck", "welno_a", "APPLIED", "act-1");
        AuditRecord other = entry("2-0", 2, "attempt", "kim", "reset-stuck", "welno_b", "APPLIED", "act-2");
        AuditRecord revert = entry("3-0", 3, AuditRecord.REVERT_DETECTED, "kim", "reset-stuck", "welno_a", "REVERTED",
                "act-1");
        entries.add(List.of(attempt, other, revert));
        assertEquals(revert, entries.revertOf(attempt).orElseThrow());
        assertTrue(entries.revertOf(other).isEmpty());
        assertTrue(entries.revertOf(revert).isEmpty(), "a revert has no revert of its own");
    }

    @Test
    void anActionReadsInWordsAndOneThisConsoleDoesNotKnowAsStored() {
        Texts english = BundleTexts.english();
        assertEquals(english.get("action.reset-stuck"), AuditWords.action(english, "reset-stuck"));
        assertEquals("purge-everything", AuditWords.action(english, "purge-everything"), "a newer console's action");
        assertNull(AuditWords.action(english, null));
    }

    @Test
    void theCsvHasOneLinePerEntryAndDefusesFormulas() throws Exception {
        AuditRecord hostile = new AuditRecord(T, "act-9", "attempt", "=HYPERLINK(\"x\")", Role.DEVELOPER, "collect",
                "welno_a", "+1 call, then approve", false, "", "", "APPLIED", Phrase.of("text.verbatim", "done"),
                "5-0", "batch-1");
        StringWriter out = new StringWriter();
        new AuditCsv(BundleTexts.english(), ZoneId.of("Asia/Seoul")).write(List.of(hostile), out);
        String[] lines = out.toString().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("Time,Operator,Role,Action,Session"), lines[0]);
        assertTrue(lines[1].startsWith("2026-12-03T10:00:00+09:00,\"'=HYPERLINK(\"\"x\"\")\",developer,"
                + "Collect health data,welno_a,Action,Applied,"), lines[1]);
        StringWriter korean = new StringWriter();
        new AuditCsv(new BundleTexts(BundleTexts.KOREAN), ZoneId.of("Asia/Seoul")).write(List.of(hostile), korean);
        String row = korean.toString().split("\r\n")[1];
        assertFalse(row.contains("developer") || row.contains("collect") || row.contains("attempt")
                || row.contains("APPLIED"), "the Korean export says what the tab says, not the codes: " + row);
        assertTrue(lines[1].contains(",\"'+1 call, then approve\","), lines[1]);
        assertTrue(lines[1].endsWith(",batch-1,act-9"), lines[1]);
    }
}
