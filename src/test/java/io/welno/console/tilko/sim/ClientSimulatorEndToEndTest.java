package io.welno.console.tilko.sim;

import io.welno.console.testing.MutableClock;

import io.welno.console.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClassification;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real client against the simulator: the whole simple-auth flow and every failure switch. */
class ClientSimulatorEndToEndTest {

    static final String API_KEY = "e2e-api-key-5f1c2b7a";
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final TilkoPerson KIM = new TilkoPerson("김가상", "19900101", "01000000001");
    static final TilkoPerson LEE = new TilkoPerson("이샘플", "19751231", "010-0000-0003");

    static final Instant START = Instant.parse("2026-01-06T01:00:00Z");
    // One simulator for the class (RSA key generation dominates start-up); reset() before each test.
    static final MutableClock clock = new MutableClock(START, SEOUL);
    static TilkoSimulator sim;
    private TilkoClient client;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = TilkoSimulator.start(SimulatorOptions.builder().manualApproval().clock(clock)
                .slowDelay(Duration.ofSeconds(3)).build());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void setUp() {
        sim.reset();
        clock.set(START);
        // The simulator makes its RSA key pair on the first request, seconds on a busy machine.
        client = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey(API_KEY)
                .timeouts(Await.EVENTUALLY).build());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private TilkoCredentials auth(TilkoPerson person) {
        TilkoResult<SimpleAuthTicket> r = client.simpleAuth(person, "4");
        assertEquals(TilkoClassification.SUCCESS, r.classification(), r.describe());
        return r.payload().orElseThrow().credentials();
    }

    private TilkoCredentials approved(TilkoPerson person) {
        TilkoCredentials c = auth(person);
        assertTrue(sim.approve(c.cxId()));
        return c;
    }

    @Test
    void simpleAuthThenNotApprovedThenApprovedThenRecords() {
        TilkoResult<SimpleAuthTicket> auth = client.simpleAuth(KIM, "4");
        assertEquals(TilkoClassification.SUCCESS, auth.classification(), auth.describe());
        TilkoCredentials creds = auth.payload().orElseThrow().credentials();
        assertEquals("4", creds.privateAuthType());
        assertFalse(creds.token().isEmpty());
        assertEquals("김가상", auth.payload().orElseThrow().userName());
        assertEquals(SessionState.PENDING, sim.session(creds.cxId()).orElseThrow().state());

        // Before approval: the backend's "not approved yet" branch.
        TilkoResult<List<Checkup>> early = client.healthCheckups(creds, KIM);
        assertEquals(TilkoClassification.NOT_APPROVED_YET, early.classification(), early.describe());
        assertEquals("4115", early.errorCode());
        assertEquals(TilkoClassification.NOT_APPROVED_YET, client.loginCheck(creds, KIM).classification());

        assertTrue(sim.approve(creds.cxId()));
        assertEquals(TilkoClassification.SUCCESS, client.loginCheck(creds, KIM).classification());

        TilkoResult<List<Checkup>> checkups = client.healthCheckups(creds, KIM);
        assertEquals(TilkoClassification.SUCCESS, checkups.classification(), checkups.describe());
        List<Checkup> list = checkups.payload().orElseThrow();
        assertEquals(3, list.size());
        assertEquals(2025, list.get(0).yearNumber().orElseThrow(), "latest checkup last year");
        for (Checkup c : list) {
            assertTrue(c.checkUpDate().matches("\\d\\d/\\d\\d"), c.checkUpDate());
            assertTrue(c.item("공복혈당").isPresent());
            assertFalse(c.item("체질량지수").orElseThrow().references().isEmpty());
        }
        assertEquals(0, checkups.envelope().get("StatusSeq").asInt());
        assertEquals(checkups.envelope(), checkups.envelope().deepCopy());

        LocalDate today = LocalDate.now(clock);
        TilkoResult<List<Prescription>> prescriptions = client.prescriptions(creds, KIM, today);
        assertEquals(TilkoClassification.SUCCESS, prescriptions.classification(), prescriptions.describe());
        List<Prescription> rx = prescriptions.payload().orElseThrow();
        assertFalse(rx.isEmpty());
        for (Prescription p : rx) {
            LocalDate d = p.treatmentStartDate().orElseThrow();
            assertFalse(d.isBefore(today.minusDays(420)) || d.isAfter(today.minusDays(60)), d + " inside the period");
        }
        assertTrue(rx.stream().anyMatch(p -> !p.drugs().isEmpty()), "some dispensing with drugs");

        // Same person, same history: the records are stable across calls.
        assertEquals(list, client.healthCheckups(creds, KIM).payload().orElseThrow());
        // Points are billed per successful call.
        double before = Double.parseDouble(checkups.envelope().get("PointBalance").asText());
        double after = Double.parseDouble(prescriptions.envelope().get("PointBalance").asText());
        assertTrue(after < before);
    }

    @Test
    void approvalAfterDelayAndExpiryAfterTtlFollowTheClock() {
        sim.setApprovalDelay(Duration.ofSeconds(10));
        TilkoCredentials c = auth(KIM);
        assertEquals(TilkoClassification.NOT_APPROVED_YET, client.healthCheckups(c, KIM).classification());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification());
        clock.advance(Duration.ofSeconds(171)); // past the 180 s default TTL
        assertEquals(SessionState.EXPIRED, sim.session(c.cxId()).orElseThrow().state());
        TilkoResult<List<Checkup>> expired = client.healthCheckups(c, KIM);
        assertEquals(TilkoClassification.ERROR, expired.classification());
        assertEquals(ProtocolHandler.MSG_EXPIRED, expired.message());
        assertEquals(TilkoClassification.ERROR, client.loginCheck(c, KIM).classification());
        assertFalse(sim.approve(c.cxId()), "an expired session cannot be approved");
    }

    @Test
    void approveAllAndApprovePersonAndExpire() {
        TilkoCredentials kim = auth(KIM);
        TilkoCredentials lee = auth(LEE);
        assertEquals(1, sim.approvePerson("01000000003"));
        assertEquals(SessionState.APPROVED, sim.session(lee.cxId()).orElseThrow().state());
        assertEquals(SessionState.PENDING, sim.session(kim.cxId()).orElseThrow().state());
        assertEquals(1, sim.approveAll());
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(kim, KIM).classification());
        assertTrue(sim.expire(kim.cxId()));
        assertEquals(TilkoClassification.ERROR, client.healthCheckups(kim, KIM).classification());
        assertEquals(2, sim.sessions().size());
        assertFalse(sim.sessions().toString().contains("김가상"), "snapshots are masked");
    }

    @ParameterizedTest(name = "{0} on checkups -> {1}")
    @CsvSource({
        "NOT_APPROVED,      NOT_APPROVED_YET, 간편인증이 완료되지 않았습니다",
        "EXPIRED,           ERROR,            유효시간이 지났습니다",
        "IDENTITY_MISMATCH, INFO_MISMATCH,    찾을 수 없습니다",
        "NO_DATA_ERROR,     ERROR,            조회된 데이터가 없습니다",
        "TEMPORARY_FAILURE, ERROR,            일시적인 장애",
        "HTML,              NOT_APPROVED_YET, 인증 대기 중",
        "SERVER_ERROR,      ERROR,            HTTP 500",
        "BAD_ENC_KEY,       ERROR,            ENC-KEY",
        "BAD_API_KEY,       ERROR,            API-Key",
    })
    void everyFailureSwitchIsClassifiedLikeTheBackend(FailureMode mode, TilkoClassification expected, String text) {
        TilkoCredentials c = approved(KIM);
        sim.setFailure(mode);
        TilkoResult<List<Checkup>> r = client.healthCheckups(c, KIM);
        assertEquals(expected, r.classification(), r.describe());
        assertTrue(r.message().contains(text), r.message());
        assertFalse(r.describe().contains(API_KEY));

        sim.setFailure(FailureMode.NONE);
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification(), "switched off again");
    }

    @Test
    void emptyHistoryIsASuccessWithNoRecords() {
        TilkoCredentials c = approved(KIM);
        sim.setFailure(FailureMode.EMPTY_HISTORY);
        TilkoResult<List<Checkup>> r = client.healthCheckups(c, KIM);
        assertEquals(TilkoClassification.SUCCESS, r.classification());
        assertTrue(r.payload().orElseThrow().isEmpty());
        assertTrue(r.envelope().get("ResultList").isArray());
        assertTrue(client.prescriptions(c, KIM, LocalDate.now(clock)).payload().orElseThrow().isEmpty());
    }

    @Test
    void identityMismatchOnPrescriptionsCarriesThe8801005Code() {
        TilkoCredentials c = approved(KIM);
        sim.setFailure(FailureMode.IDENTITY_MISMATCH, TilkoEndpoint.PRESCRIPTIONS);
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification(), "scoped to prescriptions");
        TilkoResult<List<Prescription>> r = client.prescriptions(c, KIM, LocalDate.now(clock));
        assertEquals(TilkoClassification.INFO_MISMATCH, r.classification());
        assertEquals(8801005L, r.errorCodeNumber().orElseThrow());
        assertEquals("사용자 정보가 일치하지 않습니다.", r.targetMessage());
    }

    @Test
    void perPersonSwitchesAffectOnlyThatPersonAndWinOverGlobalOnes() {
        TilkoCredentials kim = approved(KIM);
        TilkoCredentials lee = approved(LEE);
        sim.setFailureFor("010-0000-0003", FailureMode.IDENTITY_MISMATCH);
        assertEquals(TilkoClassification.INFO_MISMATCH, client.healthCheckups(lee, LEE).classification());
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(kim, KIM).classification());

        sim.setFailure(FailureMode.TEMPORARY_FAILURE);
        sim.setFailureFor("김가상", FailureMode.NONE); // exempt Kim by name
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(kim, KIM).classification());
        assertEquals(TilkoClassification.INFO_MISMATCH, client.healthCheckups(lee, LEE).classification());

        sim.clearFailures();
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(lee, LEE).classification());
    }

    @Test
    void limitedRuleIsSpentAfterItsTimes() {
        TilkoCredentials c = approved(KIM);
        sim.addFailure(FailureRule.of(FailureMode.TEMPORARY_FAILURE).on(TilkoEndpoint.CHECKUPS).times(1));
        assertEquals(TilkoClassification.ERROR, client.healthCheckups(c, KIM).classification());
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification());
        assertTrue(sim.failures().isEmpty());
    }

    @Test
    void slowAnswerTimesOutOnAnImpatientClient() {
        TilkoCredentials c = approved(KIM);
        sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
        try (TilkoClient impatient = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey(API_KEY)
                .timeouts(Duration.ofMillis(500)).build())) {
            TilkoResult<List<Checkup>> r = impatient.healthCheckups(c, KIM);
            assertEquals(TilkoClassification.ERROR, r.classification());
            assertEquals("TIMEOUT", r.resultCode());
        }
    }

    @Test
    void simpleAuthFailures() {
        sim.setFailure(FailureMode.APP_NOT_LINKED);
        TilkoResult<SimpleAuthTicket> notLinked = client.simpleAuth(KIM, "0");
        assertEquals(TilkoClassification.ERROR, notLinked.classification());
        assertTrue(notLinked.detail().contains("not linked"));

        sim.setFailure(FailureMode.IDENTITY_MISMATCH, TilkoEndpoint.SIMPLE_AUTH);
        TilkoResult<SimpleAuthTicket> mismatch = client.simpleAuth(KIM, "0");
        assertEquals(TilkoClassification.ERROR, mismatch.classification(), "simple-auth failures are plain errors");
        assertTrue(mismatch.message().contains("찾을 수 없"));
        assertTrue(sim.sessions().isEmpty());
    }

    @Test
    void credentialsOfAnotherPersonOrForgedTokensAreRefused() {
        TilkoCredentials kim = approved(KIM);
        assertEquals(TilkoClassification.INFO_MISMATCH, client.healthCheckups(kim, LEE).classification());
        TilkoCredentials forged = new TilkoCredentials(kim.cxId(), kim.privateAuthType(), kim.reqTxId(), "forged",
                kim.txId());
        TilkoResult<List<Checkup>> r = client.healthCheckups(forged, KIM);
        assertEquals(TilkoClassification.ERROR, r.classification());
        assertEquals(ProtocolHandler.MSG_EXPIRED, r.message());
        // The session belongs to the API key that created it.
        try (TilkoClient other = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey("other-key").build())) {
            assertEquals(TilkoClassification.ERROR, other.healthCheckups(kim, KIM).classification());
        }
    }

    @Test
    void refusedApiKeyFailsAtGetPublicKeyWithoutLeakingIt() throws Exception {
        try (TilkoSimulator strict = TilkoSimulator.start(SimulatorOptions.builder().acceptApiKey("the-only-key").build());
             TilkoClient wrong = new TilkoClient(TilkoConfig.builder().baseUrl(strict.baseUrl()).apiKey(API_KEY).build())) {
            TilkoResult<SimpleAuthTicket> r = wrong.simpleAuth(KIM, "4");
            assertEquals(TilkoClassification.ERROR, r.classification());
            assertEquals("PUBLIC_KEY_ERROR", r.resultCode());
            assertEquals("유효하지 않은 API-Key 입니다.", r.message());
            assertFalse(r.describe().contains(API_KEY) || r.envelope().toString().contains(API_KEY));
            assertEquals(0, strict.requestCount(TilkoEndpoint.SIMPLE_AUTH));
        }
    }

    @Test
    void resetForgetsSessionsRulesAndDelay() {
        TilkoCredentials c = auth(KIM);
        sim.setFailure(FailureMode.HTML);
        sim.setApprovalDelay(Duration.ZERO);
        sim.reset();
        assertTrue(sim.sessions().isEmpty());
        assertTrue(sim.failures().isEmpty());
        assertTrue(sim.approvalDelay().isEmpty(), "back to the configured manual approval");
        assertEquals(0, sim.requestCount(TilkoEndpoint.SIMPLE_AUTH));
        assertEquals(TilkoClassification.ERROR, client.healthCheckups(c, KIM).classification(), "session forgotten");
        assertEquals(TilkoClassification.SUCCESS, client.simpleAuth(KIM, "4").classification(), "cached key still valid");
    }

    @Test
    void privateAuthTypeMayBeEchoedAsAnEnumName() {
        TilkoCredentials c = approved(KIM);
        TilkoCredentials named = new TilkoCredentials(c.cxId(), "TelecomPass", c.reqTxId(), c.token(), c.txId());
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(named, KIM).classification());
    }

    @Test
    void controlApiDrivesTheSimulatorOverHttp() throws Exception {
        TilkoCredentials c = auth(KIM);
        OkHttpClient http = new OkHttpClient();
        assertEquals("{\"approved\":true}", post(http, "/_sim/approve?cxId=" + c.cxId()));
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification());

        post(http, "/_sim/failure?mode=html&endpoints=CHECKUPS&times=1");
        TilkoResult<List<Checkup>> html = client.healthCheckups(c, KIM);
        assertEquals("AUTH_PENDING", html.resultCode());
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification(), "spent after once");

        post(http, "/_sim/failure?mode=TEMPORARY_FAILURE&person=김가상");
        assertEquals(TilkoClassification.ERROR, client.healthCheckups(c, KIM).classification());
        post(http, "/_sim/failure/clear");
        assertEquals(TilkoClassification.SUCCESS, client.healthCheckups(c, KIM).classification());

        try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl() + "/_sim/sessions").build()).execute()) {
            String body = r.body().string();
            assertTrue(body.contains(c.cxId()), body);
            assertFalse(body.contains("김가상") || body.contains("01000000001") || body.contains(c.token()), body);
        }
        post(http, "/_sim/approval-delay?value=manual");
        assertTrue(sim.approvalDelay().isEmpty());
        post(http, "/_sim/approval-delay?value=2s");
        assertEquals(Duration.ofSeconds(2), sim.approvalDelay().orElseThrow());
        assertNotEquals(200, code(http, "/_sim/failure?mode=NO_SUCH_MODE"));
    }

    private String post(OkHttpClient http, String path) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl() + path)
                .post(RequestBody.create(new byte[0])).build()).execute()) {
            assertEquals(200, r.code(), path);
            return r.body().string();
        }
    }

    private int code(OkHttpClient http, String path) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(sim.baseUrl() + path)
                .post(RequestBody.create(new byte[0])).build()).execute()) {
            return r.code();
        }
    }
}
