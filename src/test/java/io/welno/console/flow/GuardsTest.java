package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guards table over every readable fixture and every role, at fixed clocks (no Redis needed). */
class GuardsTest {

    /**
     * 14:12:30 KST on the fixtures' day: every fixture has been idle for 7+ minutes, 03 is past its expires_at
     * (14:08:27) and the others expire in under a minute (14:13:22).
     */
    private static final Instant LATE = Instant.parse("2026-11-20T05:12:30Z");
    /** 14:05 KST: 02 has been auth_requesting for under 150 s, 05 has been fetching for under 10 min. */
    private static final Instant EARLY = Instant.parse("2026-11-20T05:05:00Z");

    @TempDir
    Path dir;

    private final SessionCodec codec = new SessionCodec();

    private SessionDocument fixture(String name) {
        return (SessionDocument) codec.parse(Fixtures.id(name), Fixtures.text(name));
    }

    private static Timestamps at(Instant now) {
        return new Timestamps(Clock.fixed(now, ZoneOffset.UTC), Timestamps.DEFAULT_ZONE);
    }

    private FlowService service(Instant now, boolean withTilko) {
        Timestamps ts = at(now);
        TilkoGateway tilko = withTilko ? new ThrowingTilko() : null;
        return new FlowService(new FileSessionStore(dir, codec, ts, RetryPolicy.DEFAULT), tilko, new MemoryAuditLog(),
                null, ts, new DirectExecutor(), FlowOptions.defaults());
    }

    /** The session rules alone, at a fixed clock: no service (and no timer thread) for a test that asks only them. */
    private static Guards guards(Instant now) {
        return new Guards(FlowOptions.defaults(), at(now));
    }

    /**
     * A session without a status is read by the backend (it says "unknown"): no action is refused as one the backend
     * cannot read; each action's own rule names the missing status (collecting needs auth_completed).
     */
    @Test
    void aSessionWithoutAStatusIsNotRefusedAsUnreadable() {
        SessionDocument sent = fixture("03_auth_request_sent.json");
        ObjectNode tree = sent.tree().deepCopy();
        tree.remove(SessionDocument.STATUS);
        SessionDocument noStatus = (SessionDocument) codec.wrap(sent.id(), tree);
        for (ActionKind kind : ActionKind.values()) {
            List<String> keys = guards(EARLY).problems(kind, noStatus, id -> false).stream()
                    .map(refusal -> refusal.phrase().key()).toList();
            assertFalse(keys.contains("guard.backendCannotRead"), kind + ": " + keys);
        }
        String collect = Words.en(service(EARLY, true).whyNot(ActionKind.COLLECT, noStatus, Role.OPERATOR)
                .orElseThrow());
        assertTrue(collect.contains("the session has no status"), collect);
    }

    @Test
    void allowedActionsPerFixtureAndRole() {
        Map<String, Set<ActionKind>> expected = new LinkedHashMap<>();
        expected.put("01_initiated.json", EnumSet.of(ActionKind.SIMPLE_AUTH));
        expected.put("02_auth_requesting.json", EnumSet.of(ActionKind.SIMPLE_AUTH));
        expected.put("03_auth_request_sent.json", EnumSet.noneOf(ActionKind.class)); // expired for the backend
        expected.put("04_auth_completed.json", EnumSet.of(ActionKind.MANUAL_COMPLETE, ActionKind.COLLECT));
        expected.put("05_fetching_health_data_stuck.json", EnumSet.of(ActionKind.RESET_STUCK));
        expected.put("06_fetching_prescription_data.json", EnumSet.of(ActionKind.RESET_STUCK));
        expected.put("07_completed.json", EnumSet.noneOf(ActionKind.class));
        expected.put("08_error.json", EnumSet.of(ActionKind.SIMPLE_AUTH));
        expected.put("09_info_required_object_message.json", EnumSet.noneOf(ActionKind.class));
        // A uuid-era id fails the backend's ownership check: a developer may override it for these two.
        expected.put("10_legacy_uuid_authenticated_camelcase_auth_data.json", EnumSet.noneOf(ActionKind.class));
        expected.put("11_campaign_with_unknown_fields.json", EnumSet.of(ActionKind.MANUAL_COMPLETE));
        expected.put("12_missing_status_and_expires.json", EnumSet.noneOf(ActionKind.class));
        expected.put("13_unknown_status.json", EnumSet.noneOf(ActionKind.class));
        expected.put("14_timezone_aware_timestamps.json", EnumSet.noneOf(ActionKind.class));
        expected.put("15_ascii_escaped.json", EnumSet.of(ActionKind.MANUAL_COMPLETE, ActionKind.COLLECT));
        assertEquals(Set.copyOf(Fixtures.readable()), expected.keySet());

        FlowService flow = service(LATE, true);
        for (Map.Entry<String, Set<ActionKind>> e : expected.entrySet()) {
            SessionDocument doc = fixture(e.getKey());
            assertEquals(List.copyOf(e.getValue()), flow.allowedActions(doc, Role.DEVELOPER), e.getKey());
            Set<ActionKind> operator = EnumSet.noneOf(ActionKind.class);
            operator.addAll(e.getValue());
            operator.remove(ActionKind.MANUAL_COMPLETE);
            assertEquals(List.copyOf(operator), flow.allowedActions(doc, Role.OPERATOR), e.getKey());
            assertEquals(List.of(), flow.allowedActions(doc, Role.VIEWER), e.getKey());
            for (ActionKind kind : ActionKind.values()) {
                assertEquals(!e.getValue().contains(kind), flow.whyNot(kind, doc, Role.DEVELOPER).isPresent(),
                        e.getKey() + " " + kind);
            }
        }
    }

    @Test
    void sentencesNameTheStatusSeenAndTheRole() {
        FlowService flow = service(LATE, true);
        Phrase collect = flow.whyNot(ActionKind.COLLECT, fixture("11_campaign_with_unknown_fields.json"), Role.OPERATOR)
                .orElseThrow();
        assertEquals("collect needs status auth_completed or authenticated, but the session is auth_request_sent.",
                Words.en(collect));
        assertEquals("Collect health data needs status Approved or Authenticated (legacy), but the session is Waiting "
                + "for approval.", Wording.window(BundleTexts.english()).render(collect));
        assertEquals("manual-auth-complete needs temp_auth_data from an auth request that succeeded, but the session "
                        + "has none (status initiated).",
                Words.en(flow.whyNot(ActionKind.MANUAL_COMPLETE, fixture("01_initiated.json"), Role.DEVELOPER).orElseThrow()));
        assertEquals("The operator role cannot run \"manual-auth-complete\"; it needs the developer role.",
                Words.en(flow.whyNot(ActionKind.MANUAL_COMPLETE, fixture("03_auth_request_sent.json"), Role.OPERATOR).orElseThrow()));
        assertEquals("The viewer role cannot run any action (it never writes to Redis).",
                Words.en(flow.whyNot(ActionKind.RESET_STUCK, fixture("05_fetching_health_data_stuck.json"), Role.VIEWER)
                        .orElseThrow()));
        assertTrue(Words.en(flow.whyNot(ActionKind.SIMPLE_AUTH, fixture("12_missing_status_and_expires.json"),
                Role.DEVELOPER).orElseThrow()).contains("the session has no status"));
        FlowService noTilko = service(LATE, false);
        assertEquals("No Tilko connection is configured (Tilko URL and API key), so \"collect\" cannot run.",
                Words.en(noTilko.whyNot(ActionKind.COLLECT, fixture("04_auth_completed.json"), Role.OPERATOR).orElseThrow()));
        assertEquals(List.of(ActionKind.MANUAL_COMPLETE),
                noTilko.allowedActions(fixture("04_auth_completed.json"), Role.DEVELOPER));
    }

    /**
     * Every refusal the guards give for the fixtures (and a few edits of them) names the actions and statuses as each
     * edge does: the window as its menus and table ("Collect health data", "Requesting auth"), the command line as
     * stored ("collect", "auth_requesting"); and no sentence is left with a placeholder in either language.
     */
    @Test
    void refusalsNameActionsAndStatusesAsEachEdgeDoes() throws Exception {
        Map<String, SessionDocument> docs = new LinkedHashMap<>();
        Fixtures.readable().forEach(name -> docs.put(name, fixture(name)));
        docs.put("01 with temp_auth_data", edited("01_initiated.json", d -> d.set("temp_auth_data",
                fixtureJson("04_auth_completed.json").get("temp_auth_data"))));
        docs.put("01 with auth type 9", edited("01_initiated.json",
                d -> ((ObjectNode) d.get("user_info")).put("private_auth_type", "9")));
        docs.put("04 without auth_data", edited("04_auth_completed.json", d -> d.putNull("auth_data")));
        docs.put("05 not started", edited("05_fetching_health_data_stuck.json",
                d -> d.put("collection_started", false)));
        Consumer<ObjectNode> noProgressTimes =
                d -> d.remove(List.of("messages", "collection_start_time", "updated_at"));
        docs.put("02 without progress times", edited("02_auth_requesting.json", noProgressTimes));
        docs.put("05 without progress times", edited("05_fetching_health_data_stuck.json", noProgressTimes));

        Wording windowEnglish = Wording.window(BundleTexts.english());
        Wording windowKorean = Wording.window(new BundleTexts(BundleTexts.KOREAN));
        Set<String> keys = new TreeSet<>();
        for (Instant now : List.of(EARLY, LATE)) {
            Guards guards = guards(now);
            for (Map.Entry<String, SessionDocument> doc : docs.entrySet()) {
                for (boolean collectingHere : List.of(false, true)) {
                    for (ActionKind kind : ActionKind.values()) {
                        for (Refusal refusal : guards.problems(kind, doc.getValue(), id -> collectingHere)) {
                            keys.add(refusal.phrase().key());
                            String shown = windowEnglish.render(refusal.phrase());
                            String context = doc.getKey() + " " + kind + ": " + shown;
                            assertEquals(null, Words.storedName(shown), context);
                            for (String sentence : List.of(shown, windowKorean.render(refusal.phrase()),
                                    Words.en(refusal.phrase()))) {
                                assertFalse(sentence.contains("{"), doc.getKey() + " " + kind + ": " + sentence);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(keys.containsAll(List.of("guard.simpleAuth.inFlight", "guard.simpleAuth.inFlightUnknown",
                "guard.simpleAuth.duplicate", "guard.simpleAuth.authType", "guard.simpleAuth.needs",
                "guard.manualComplete.noTemp", "guard.collect.here", "guard.collect.noAuth", "guard.collect.needs", "guard.reset.here",
                "guard.reset.notStarted", "guard.reset.notStuck", "guard.reset.idleUnknown",
                "guard.collectionRunning")),
                keys.toString());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode fixtureJson(String name) {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.text(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SessionDocument edited(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = fixtureJson(name);
        edit.accept(doc);
        return (SessionDocument) codec.parse(Fixtures.id(name), JSON.writeValueAsString(doc));
    }

    /** An auth request the Stuck bucket shows is one the operator can send again: the two clocks are one. */
    @Test
    void aStuckAuthRequestCanBeSentAgainAtOnce() {
        SessionDocument requesting = fixture("02_auth_requesting.json");
        LocalDateTime progress = requesting.lastProgressAt().orElseThrow();
        int stuckAt = -1;
        for (int idle = 60; idle <= 240; idle++) {
            Instant now = progress.plusSeconds(idle).atZone(Timestamps.DEFAULT_ZONE).toInstant();
            boolean stuck = StuckPolicy.defaults().isStuck(requesting, progress.plusSeconds(idle));
            boolean inFlight = guards(now).problems(ActionKind.SIMPLE_AUTH, requesting, id -> false).stream()
                    .anyMatch(r -> r.phrase().key().equals("guard.simpleAuth.inFlight"));
            assertFalse(stuck && inFlight, "stuck and still refused as in flight after " + idle + " s");
            if (stuck && stuckAt < 0) {
                stuckAt = idle;
            }
        }
        assertTrue(stuckAt > 0 && stuckAt <= 151, "it does become stuck, as soon as it may be sent again: " + stuckAt);
    }

    /**
     * An auth request without a lease whose session expires before it is stale: the expiry rule ("stuck a minute
     * before expires_at") must not list it as stuck while simple-auth, its only repair, refuses it as in flight.
     */
    @Test
    void anAuthRequestNearItsExpiryIsNotStuckWhileSimpleAuthRefusesIt() throws Exception {
        SessionDocument requesting = edited("02_auth_requesting.json",
                d -> d.put("expires_at", "2026-11-20T14:05:04.123456")); // 100 s after its last progress
        LocalDateTime progress = requesting.lastProgressAt().orElseThrow();
        for (int idle = 0; idle <= 100; idle++) {
            Instant now = progress.plusSeconds(idle).atZone(Timestamps.DEFAULT_ZONE).toInstant();
            boolean stuck = StuckPolicy.defaults().isStuck(requesting, progress.plusSeconds(idle));
            boolean inFlight = guards(now).problems(ActionKind.SIMPLE_AUTH, requesting, id -> false).stream()
                    .anyMatch(r -> r.phrase().key().equals("guard.simpleAuth.inFlight"));
            assertFalse(stuck && inFlight, "stuck and still refused as in flight after " + idle + " s");
        }
    }

    /**
     * What an action accepts changes with the clock alone (expiry, stuck, a stale auth request), and a preview kept
     * open learns when to look again from {@link Guards#judgedUntil}: for every fixture and action, second by second
     * across the fixtures' expiries, the verdict at that moment is still the one judged, and a verdict that changes
     * within the next second was judged to hold only until before it.
     */
    @Test
    void theVerdictHoldsUntilTheMomentJudgedAndEveryChangeOfTheClockIsAnnounced() {
        Instant from = EARLY.minusSeconds(600);
        Instant to = LATE.plusSeconds(600);
        int changes = 0;
        for (String name : Fixtures.readable()) {
            SessionDocument doc = fixture(name);
            for (ActionKind kind : ActionKind.values()) {
                for (Instant step = from; step.isBefore(to); step = step.plusSeconds(1)) {
                    Instant t = step;
                    String now = verdict(t, kind, doc);
                    Instant next = t.plusSeconds(1);
                    String after = verdict(next, kind, doc);
                    var until = guards(t).judgedUntil(kind, doc)
                            .map(local -> local.atZone(Timestamps.DEFAULT_ZONE).toInstant());
                    until.ifPresent(u -> assertEquals(now, verdict(u, kind, doc),
                            name + " " + kind + ": judged at " + t + " to hold until " + u));
                    if (!after.equals(now)) {
                        changes++;
                        assertTrue(until.isPresent() && until.get().isBefore(next), name + " " + kind + " turns "
                                + now + " -> " + after + " by " + next + ", judged at " + t + " to hold until " + until);
                    }
                }
            }
        }
        assertTrue(changes >= 5, "the fixtures' verdicts do change over these minutes: " + changes);
    }

    /** 14:07 KST: fixture 02 has been auth_requesting for 216 s, stale by the idle rule alone. */
    private static final Instant STALE_BY_IDLE = Instant.parse("2026-11-20T05:07:00Z");

    /** A claim taken when the fixture last moved (14:03:24), its lease renewed until 14:07:40 by {@code owner}. */
    private static Consumer<ObjectNode> claimedBy(String owner) {
        return d -> d.putObject("console_claim").put("id", "3f2a91c0").put("action", "simple-auth")
                .put("operator", "lee").put("owner", owner).put("at", "2026-11-20T14:03:24.123456")
                .put("lease_until", "2026-11-20T14:07:40.000000");
    }

    /**
     * A claim left waiting for a Tilko turn (a bulk run over a bucket) outlasts the 150 s after which an auth request
     * counts as stale, its lease renewed all the while: the request it stands for has not even been sent. Another
     * console must not send a second one for the session, whatever the idle rule says, nor a developer override it.
     */
    @Test
    void anotherConsolesLiveLeaseRefusesEveryTilkoActionHard() throws Exception {
        SessionDocument requesting = edited("02_auth_requesting.json", claimedBy("other-host/4242/beef"));
        Refusal refusal = guards(STALE_BY_IDLE).refusal(ActionKind.SIMPLE_AUTH, requesting, true, id -> false)
                .orElseThrow(() -> new AssertionError("simple-auth was allowed over another console's live claim"));
        assertEquals("guard.claimedElsewhere", refusal.phrase().key());
        assertFalse(refusal.overridable());
        String said = Words.en(refusal.phrase());
        assertTrue(said.contains("other-host/4242/beef") && said.contains("40s more"), said);
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(refusal.phrase());
        assertTrue(korean.contains("other-host/4242/beef") && korean.contains("두 번째 요청"), korean);

        // A developer's override of collect's status rule must not start a collection behind it either.
        SessionDocument completedButClaimed = edited("04_auth_completed.json", claimedBy("other-host/4242/beef"));
        assertEquals("guard.claimedElsewhere", guards(STALE_BY_IDLE).refusal(ActionKind.COLLECT,
                completedButClaimed, true, id -> false).map(r -> r.phrase().key()).orElse("allowed"));

        // Once the lease lapses (its console died) the idle rule decides again, as before.
        Instant lapsed = Instant.parse("2026-11-20T05:07:41Z");
        assertEquals("allowed", verdict(lapsed, ActionKind.SIMPLE_AUTH, requesting));
    }

    /**
     * This console's own claim stands for a request in flight only while this console renews it: one of its own Tilko
     * calls waits its turn; a claim it left behind (its read-back failed) and no longer renews goes by the idle rule.
     */
    @Test
    void ownClaimRefusesOnlyWhileThisConsoleRenewsIt() throws Exception {
        SessionDocument requesting = edited("02_auth_requesting.json", claimedBy(ConsoleInstance.id()));
        Guards renewing = new Guards(FlowOptions.defaults(), at(STALE_BY_IDLE), new ActionRegistry(), id -> true);
        Refusal own = renewing.refusal(ActionKind.SIMPLE_AUTH, requesting, true, id -> false).orElseThrow();
        assertEquals("guard.claimedHere", own.phrase().key());
        assertFalse(own.overridable());
        String words = Words.en(own.phrase());
        // said as this console's own request, not as "the console <its own id>"
        assertTrue(words.contains("this console's own Tilko request"), words);
        assertFalse(words.contains(ConsoleInstance.id()), words);
        Refusal ownChange = renewing.refusal(ActionKind.RESET_STUCK, edited("05_fetching_health_data_stuck.json",
                claimedBy(ConsoleInstance.id())), true, id -> false).orElseThrow();
        assertEquals("guard.claimedHere.change", ownChange.phrase().key());
        assertEquals("allowed", verdict(STALE_BY_IDLE, ActionKind.SIMPLE_AUTH, requesting));
    }

    private static String verdict(Instant at, ActionKind kind, SessionDocument doc) {
        return guards(at).refusal(kind, doc, false, id -> false).map(r -> r.phrase().key()).orElse("allowed");
    }

    @Test
    void timeRulesAnInFlightAuthRequestIsHardAFreshCollectionOnlyOverridable() {
        FlowService flow = service(EARLY, true);
        SessionDocument requesting = fixture("02_auth_requesting.json");
        String why = Words.en(flow.whyNot(ActionKind.SIMPLE_AUTH, requesting, Role.DEVELOPER).orElseThrow());
        assertTrue(why.contains("may still be in flight"), why);
        assertFalse(flow.canOverride(ActionKind.SIMPLE_AUTH, requesting, Role.DEVELOPER),
                "never two Tilko requests in flight, not even for a developer");

        SessionDocument fetching = fixture("05_fetching_health_data_stuck.json");
        why = Words.en(flow.whyNot(ActionKind.RESET_STUCK, fetching, Role.OPERATOR).orElseThrow());
        // Ten minutes would be past its expires_at (14:13:22): it counts as stuck a minute before that instead.
        assertTrue(why.contains("last made progress") && why.contains("fetching_health_data")
                && why.contains("7m 50s"), why);
        assertFalse(flow.isStuck(fetching));
        assertTrue(flow.canOverride(ActionKind.RESET_STUCK, fetching, Role.DEVELOPER));
        assertFalse(flow.canOverride(ActionKind.RESET_STUCK, fetching, Role.OPERATOR));
        assertTrue(service(LATE, true).isStuck(fetching));
        // A running collection is a hard stop for collect, whatever the role.
        assertFalse(flow.canOverride(ActionKind.COLLECT, fetching, Role.DEVELOPER));
        // A completed session can be collected again only by a developer override.
        assertTrue(flow.canOverride(ActionKind.COLLECT, fixture("07_completed.json"), Role.DEVELOPER));
    }

    /** The initiated or another fixture with one field replaced by a JSON value, under its id or another. */
    private SessionDocument with(String name, String id, String field, String json) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(Fixtures.text(name));
        tree.set(field, new ObjectMapper().readTree(json));
        tree.put("session_id", id);
        return (SessionDocument) codec.parse(id, tree.toString());
    }

    /**
     * An expires_at is judged as the backend's Python reads it: with a space between date and time it is a time (past
     * it, the backend deletes the session: a hard refusal), with a space after it Python cannot read it at all (the
     * session is missing for the backend, never deleted: refused, but a developer may repair it).
     */
    @Test
    void anExpiryIsJudgedAsThePythonBackendReadsIt() throws Exception {
        String id = Fixtures.id("04_auth_completed.json");
        Guards guards = guards(LATE);
        SessionDocument spaced = with("04_auth_completed.json", id, "expires_at", "\"2026-11-20 14:10:00\"");
        Refusal first = guards.problems(ActionKind.COLLECT, spaced, x -> false).get(0);
        assertEquals("guard.expired", first.phrase().key(), Words.en(first.phrase()));
        assertFalse(first.overridable());

        for (String raw : List.of("\"2026-11-20T14:10:00 \"", "\"2026-11-20T14:20:00 \"")) {
            SessionDocument trailing = with("04_auth_completed.json", id, "expires_at", raw);
            List<Refusal> problems = guards.problems(ActionKind.COLLECT, trailing, x -> false);
            assertEquals(List.of("guard.backendCannotRead"), problems.stream().map(r -> r.phrase().key()).toList(),
                    raw);
            assertTrue(problems.get(0).overridable(), raw);
            String said = Words.en(problems.get(0).phrase());
            assertTrue(said.contains("expires_at is not a date-time the backend can read"), said);
        }
    }

    /** A partner_id that is a number is never the id's partner for the backend, though its text is the same. */
    @Test
    void aPartnerIdThatIsNotAStringFailsTheOwnershipGuard() throws Exception {
        SessionDocument numbered = with("01_initiated.json", "123_042896dc1966b8a6214e5383aba5b8b9", "partner_id",
                "123");
        Refusal refusal = guards(EARLY).problems(ActionKind.SIMPLE_AUTH, numbered, x -> false).get(0);
        assertEquals("guard.ownership", refusal.phrase().key());
        assertFalse(refusal.overridable(), "simple-auth would answer 404 whatever the console wrote");
        assertTrue(Words.en(refusal.phrase()).contains("partner_id is not a string"), Words.en(refusal.phrase()));
    }

    @Test
    void rolesAllowExactlyTheirActions() {
        assertEquals(EnumSet.noneOf(ActionKind.class), allowed(Role.VIEWER));
        assertEquals(EnumSet.of(ActionKind.SIMPLE_AUTH, ActionKind.COLLECT, ActionKind.RESET_STUCK), allowed(Role.OPERATOR));
        assertEquals(EnumSet.allOf(ActionKind.class), allowed(Role.DEVELOPER));
        assertFalse(Role.VIEWER.mayWrite());
        assertFalse(Role.OPERATOR.mayOverrideGuards());
        assertTrue(Role.DEVELOPER.mayOverrideGuards());
    }

    private static Set<ActionKind> allowed(Role role) {
        Set<ActionKind> out = EnumSet.noneOf(ActionKind.class);
        for (ActionKind k : ActionKind.values()) {
            if (role.allows(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
