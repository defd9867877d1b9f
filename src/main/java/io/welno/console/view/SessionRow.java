package io.welno.console.view;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.DocumentMasker;
import io.welno.console.text.Masking;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.FileCopy;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One table row, computed off the FX thread from a stored session: everything a cell shows is ready,
 * masked, and nothing personal is kept in display fields. Immutable; a change produces a new row.
 *
 * <p>Over 400 lines, mostly its fields and their accessors: every fact a cell, the search, the stuck rule and the
 * dashboard read, fixed once when the row is made. It stays one immutable object because the console keeps one per
 * session and replaces it whole on every change (100,000 within P4's heap budget, docs/architecture.md, "Budgets"):
 * each part split off would add an object and a reference to every row.
 */
public final class SessionRow {

    /**
     * Two readings of one unchanged key differ in their expiry by a pipeline's round trip and PTTL's rounding (each
     * counted from when its PTTL was read, {@code StoredSession.readNanos}); a write that resets the TTL moves it by
     * the time since the previous one, seconds at least.
     */
    private static final long SAME_EXPIRY_MILLIS = 1_000;

    /**
     * The document's bytes exactly as the store holds them, shared with the {@link StoredSession} it was read as: no
     * tree is kept (one costs ~10× more heap; 100,000 of them do not fit) and none is written out again to keep it.
     * Null for unreadable values, which keep only their preview.
     */
    private final byte[] bytes;
    private final UnreadableSession unreadable;
    private final int rawBytes;
    private final ZoneId zone;
    private final String id;
    private final SessionStatus status;
    private final String maskedName;
    private final String searchText;
    private final String phoneSuffix;
    private final AuthProvider provider;
    private final String partner;
    private final LocalDateTime createdAt;
    private final LocalDateTime updatedAt;
    private final LocalDateTime expiresAt;
    private final long ttlMillis;
    private final long readAtMillis;
    private final String lastMessage;
    private final int progressSteps;
    private final boolean collectionStarted;
    private final LocalDateTime lastProgressAt;
    /** {@code expires_at} as the backend compares it (null when absent or written with an offset): for "stuck". */
    private final LocalDateTime backendExpiry;
    /** The lease of a console claim (null: none): a claimed session is stuck when its lease lapses. */
    private final LocalDateTime leaseUntil;
    private final boolean breaksBackend;
    /** When its auth was requested and approved (the dashboard's time to approval); NONE before approval. */
    private final DashboardModel.Approval approval;
    private final Phrase unreadableReason;
    private final ChangeKind endedKind;
    private final LocalDateTime endedAt;
    /**
     * The row's latest news came from a pass that read every session again (a resync after a reconnect), not from a
     * change told as it happened: its reading, or its end ({@link #endedAt} then is when it was found, not when).
     */
    private final boolean foundByPass;
    /** Where the session stands against the profile's fallback folder; null when none is set or no file exists. */
    private final FileCopy place;
    private StuckMark stuckMark;

    private SessionRow(StoredSession stored, long readAtMillis, boolean foundByPass) {
        this.id = stored.id();
        this.rawBytes = stored.rawBytes();
        this.unreadable = stored.parsed() instanceof UnreadableSession u ? u : null;
        this.zone = stored.parsed() instanceof SessionDocument d ? d.zone() : null;
        this.bytes = stored.parsed() instanceof SessionDocument ? stored.value() : null;
        this.endedKind = null;
        this.endedAt = null;
        this.foundByPass = foundByPass;
        this.place = null;
        this.ttlMillis = stored.ttlMillis();
        this.readAtMillis = readAtMillis;
        if (stored.parsed() instanceof UnreadableSession unreadable) {
            status = SessionStatus.MISSING;
            maskedName = "";
            searchText = id.toLowerCase(Locale.ROOT);
            phoneSuffix = "";
            provider = AuthProvider.UNKNOWN;
            partner = "";
            createdAt = null;
            updatedAt = null;
            expiresAt = null;
            lastMessage = "";
            progressSteps = 0;
            collectionStarted = false;
            lastProgressAt = null;
            backendExpiry = null;
            leaseUntil = null;
            breaksBackend = true;
            approval = DashboardModel.Approval.NONE;
            unreadableReason = unreadable.reason();
            return;
        }
        SessionDocument doc = (SessionDocument) stored.parsed();
        status = doc.status();
        maskedName = doc.userInfo().maskedName();
        String name = doc.userInfo().name() == null ? "" : doc.userInfo().name();
        // The real name stays searchable without ever being displayed.
        searchText = (id + "\u0000" + name).toLowerCase(Locale.ROOT);
        phoneSuffix = Masking.phoneSuffix(doc.userInfo().phoneNo());
        provider = doc.provider();
        partner = doc.partnerId() == null ? "" : doc.partnerId(); // uuid-era ids: no partner the backend could tell
        createdAt = local(doc.createdAt());
        updatedAt = local(doc.updatedAt());
        expiresAt = local(doc.expiresAt());
        lastMessage = doc.lastMessage()
                .map(m -> DocumentMasker.maskText(m.summary(), doc.userInfo())).orElse("");
        progressSteps = ProgressStepper.reached(doc);
        collectionStarted = doc.collectionStarted();
        lastProgressAt = doc.lastProgressAt().orElse(null);
        backendExpiry = doc.backendExpiry().orElse(null);
        leaseUntil = doc.consoleClaim().map(ConsoleClaim::leaseUntil).orElse(null);
        breaksBackend = doc.breaksBackend();
        approval = progressSteps >= DashboardModel.APPROVED_STEPS ? DashboardModel.approvalOf(doc)
                : DashboardModel.Approval.NONE;
        unreadableReason = null;
    }

    /** The row of a session read just now by the machine's clock (the benchmark's rows; tests). */
    public static SessionRow of(StoredSession stored) {
        return new SessionRow(stored, System.currentTimeMillis(), false);
    }

    /**
     * The row of a session read at {@code readAt}, by the clock its TTL is later counted down with
     * ({@link #ttlNowMillis}): the window's, which a test moves. Mixed with the machine's, the countdown is off by the
     * clocks' difference.
     */
    public static SessionRow of(StoredSession stored, Instant readAt) {
        return of(stored, readAt, false);
    }

    /**
     * The row of a session read at {@code readAt}; {@code foundByPass} when a pass reading every session again read
     * it (what changed since the row before then changed at some time before, not as it was read).
     */
    public static SessionRow of(StoredSession stored, Instant readAt, boolean foundByPass) {
        return new SessionRow(stored, readAt.toEpochMilli(), foundByPass);
    }

    /** The same row, marked as gone from Redis (deleted or expired) at {@code when}. */
    public SessionRow ended(ChangeKind kind, LocalDateTime when) {
        return ended(kind, when, false);
    }

    /**
     * The same row, marked as gone from Redis (deleted or expired): at {@code when}, or, {@code foundByPass}, found
     * gone then by reading every session again, having gone at some time before.
     */
    public SessionRow ended(ChangeKind kind, LocalDateTime when, boolean foundByPass) {
        return new SessionRow(this, kind, when, foundByPass, place);
    }

    /** The same row with its place against the fallback folder (null: none). */
    public SessionRow withPlace(FileCopy copy) {
        FileCopy next = copy == null || copy.where() == FileCopy.Where.REDIS_ONLY ? null : copy;
        return Objects.equals(next, place) ? this : new SessionRow(this, endedKind, endedAt, foundByPass, next);
    }

    private SessionRow(SessionRow row, ChangeKind kind, LocalDateTime when, boolean foundByPass, FileCopy place) {
        bytes = row.bytes;
        unreadable = row.unreadable;
        rawBytes = row.rawBytes;
        zone = row.zone;
        id = row.id;
        status = row.status;
        maskedName = row.maskedName;
        searchText = row.searchText;
        phoneSuffix = row.phoneSuffix;
        provider = row.provider;
        partner = row.partner;
        createdAt = row.createdAt;
        updatedAt = row.updatedAt;
        expiresAt = row.expiresAt;
        ttlMillis = row.ttlMillis;
        readAtMillis = row.readAtMillis;
        lastMessage = row.lastMessage;
        progressSteps = row.progressSteps;
        collectionStarted = row.collectionStarted;
        lastProgressAt = row.lastProgressAt;
        backendExpiry = row.backendExpiry;
        leaseUntil = row.leaseUntil;
        breaksBackend = row.breaksBackend;
        approval = row.approval;
        unreadableReason = row.unreadableReason;
        endedKind = kind;
        endedAt = when;
        this.foundByPass = foundByPass;
        this.place = place;
    }

    /** Where the session stands against the fallback folder: file only, the same in both, diverged; null otherwise. */
    public FileCopy place() {
        return place;
    }

    /** When its auth was requested and approved, from its messages; {@code NONE} before approval or when unknown. */
    DashboardModel.Approval approval() {
        return approval;
    }

    public boolean isEnded() {
        return endedKind != null;
    }

    public ChangeKind endedKind() {
        return endedKind;
    }

    public LocalDateTime endedAt() {
        return endedAt;
    }

    /** Whether the end was found by reading every session again: {@link #endedAt} is when it was found, not when. */
    public boolean endedFoundByPass() {
        return endedKind != null && foundByPass;
    }

    /**
     * Whether a pass reading every session again read this copy: a difference from the copy before it was found then,
     * having come at some time before.
     */
    public boolean readByPass() {
        return endedKind == null && foundByPass;
    }

    /** How it ended ({@link Ending}: expired, deleted, or gone when a pass found it missing); null while it lives. */
    public Ending ending() {
        return endedKind == null ? null : Ending.of(endedKind, foundByPass);
    }

    /** The words for how it ended, as the table's cells and the pane's subtitle say it ({@link #ending}). */
    public String endedTextKey() {
        return "ended." + ending().word();
    }

    private static LocalDateTime local(SessionTimestamp time) {
        return time == null ? null : time.local();
    }

    /**
     * The rows a search matches: the query in the id or name (any case), or up to four digits that end the
     * phone number. The query is prepared once, because the table tests every row against it.
     */
    public static Predicate<SessionRow> search(String query) {
        String q = normalizedQuery(query);
        if (q.isEmpty()) {
            return row -> true;
        }
        boolean phoneSuffixQuery = isPhoneSuffixQuery(q);
        return row -> (phoneSuffixQuery && !row.phoneSuffix.isEmpty() && row.phoneSuffix.endsWith(q))
                || row.searchText.contains(q);
    }

    /**
     * Whether every row {@code to} matches is matched by {@code from} as well (typing on at the end of a query,
     * mostly), so the rows shown for {@code from} are all a new search has to test. Digits typed after a phone
     * suffix query do not narrow it: "…123" ends with "123" but not with "12".
     */
    public static boolean searchNarrows(String from, String to) {
        String f = normalizedQuery(from);
        String t = normalizedQuery(to);
        return f.isEmpty() || (t.contains(f) && (!isPhoneSuffixQuery(t) || t.endsWith(f)));
    }

    private static String normalizedQuery(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isPhoneSuffixQuery(String q) {
        return q.length() <= 4 && q.chars().allMatch(Character::isDigit);
    }

    /** {@link StuckPolicy#isStuck}, the guards' rule, from the facts fixed when the row was read. */
    public boolean isStuck(StuckPolicy policy, LocalDateTime now) {
        return StuckPolicy.isStuck(stuckAfter(policy), backendExpiry, now);
    }

    /**
     * The moment (the backend's naive wall-clock time) after which this row is stuck under {@code policy}, until its
     * {@link #backendExpiry()}: every fact the rule reads was fixed when the row was read, so only the clock moves it
     * into the Stuck bucket and out of it. Null when it never gets stuck (or cannot be read).
     */
    public LocalDateTime stuckAfter(StuckPolicy policy) {
        StuckMark mark = stuckMark;
        if (mark == null || mark.policy() != policy) {
            mark = new StuckMark(policy, !readable() ? null
                    : policy.stuckAfter(status, lastProgressAt, collectionStarted, backendExpiry, leaseUntil)
                            .orElse(null));
            stuckMark = mark; // immutable, so safe to share with the dashboard's thread without a lock
        }
        return mark.after();
    }

    private record StuckMark(StuckPolicy policy, LocalDateTime after) {
    }

    /**
     * Whether {@code other}, a later reading of this live session, would show nothing new: the same stored bytes (or
     * the same unreadable reason), an expiry within a second of this one's (its TTL counting down from its reading,
     * however long it waited for its batch, is no change; an EXPIRE moves it further) and the same place against the
     * fallback folder. A resync reads
     * every session again, and the paused table holds only what would change it (docs/live.md, "Consuming batches").
     */
    public boolean showsTheSameAs(SessionRow other) {
        return !isEnded() && !other.isEnded() && Arrays.equals(bytes, other.bytes)
                && Objects.equals(unreadable, other.unreadable) && Objects.equals(place, other.place)
                && sameExpiry(other);
    }

    private boolean sameExpiry(SessionRow other) {
        if (ttlMillis < 0 || other.ttlMillis < 0) {
            return ttlMillis == other.ttlMillis;
        }
        return Math.abs((readAtMillis + ttlMillis) - (other.readAtMillis + other.ttlMillis)) < SAME_EXPIRY_MILLIS;
    }

    /** Remaining TTL now, counted down from when the value was read. */
    public long ttlNowMillis(long nowMillis) {
        if (endedKind != null) {
            return 0;
        }
        return ttlMillis < 0 ? ttlMillis : Math.max(0, ttlMillis - (nowMillis - readAtMillis));
    }

    /** The stored value exactly as read (for the raw view); null for unreadable values. Never modify it. */
    public byte[] bytes() {
        return bytes;
    }

    /** Size of the stored value in bytes. */
    public int rawBytes() {
        return rawBytes;
    }

    /** The unreadable entry (reason and preview), or null for a readable session. */
    public UnreadableSession unreadable() {
        return unreadable;
    }

    /**
     * The document, parsed again from the kept bytes; the last few parsed ones are cached, so a detail pane
     * that asks many times pays once. Null for unreadable values.
     */
    public SessionDocument document() {
        if (bytes == null) {
            return null;
        }
        synchronized (RECENT) {
            SessionDocument cached = RECENT.get(this);
            if (cached != null) {
                return cached;
            }
        }
        SessionDocument doc = (SessionDocument) codec(zone).parse(id, bytes);
        synchronized (RECENT) {
            RECENT.put(this, doc);
        }
        return doc;
    }

    private static final int RECENT_DOCUMENTS = 32;
    private static final Map<SessionRow, SessionDocument> RECENT =
            new LinkedHashMap<>(RECENT_DOCUMENTS * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SessionRow, SessionDocument> eldest) {
                    return size() > RECENT_DOCUMENTS;
                }
            };
    private static final Map<ZoneId, SessionCodec> CODECS = new ConcurrentHashMap<>();

    private static SessionCodec codec(ZoneId zone) {
        return CODECS.computeIfAbsent(zone, SessionCodec::new);
    }

    public boolean readable() {
        return unreadableReason == null;
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return shortId(id);
    }

    /**
     * An id as the table's Session column shows it: its prefix and the first eight characters after it, cut between
     * grapheme clusters ({@link SafeText#cutPoint}): cut inside an emoji it ended in half a
     * surrogate pair, shown as an escape the id does not hold.
     */
    public static String shortId(String id) {
        int underscore = id.indexOf('_');
        String tail = underscore >= 0 ? id.substring(underscore + 1) : id;
        String head = underscore >= 0 ? id.substring(0, underscore + 1) : "";
        return head + (tail.length() > 8 ? tail.substring(0, SafeText.cutPoint(tail, 8)) : tail);
    }

    public SessionStatus status() {
        return status;
    }

    public String maskedName() {
        return maskedName;
    }

    public AuthProvider provider() {
        return provider;
    }

    public String partner() {
        return partner;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    public LocalDateTime expiresAt() {
        return expiresAt;
    }

    /**
     * When the session last made progress ({@link io.welno.console.session.SessionDocument#lastProgressAt()}): not
     * {@code updated_at}, which the browser's status poll rewrites every few seconds while nothing happens.
     */
    public LocalDateTime lastProgressAt() {
        return lastProgressAt;
    }

    /** {@code expires_at} as the backend compares it; null when absent or written with an offset. */
    public LocalDateTime backendExpiry() {
        return backendExpiry;
    }

    /**
     * Whether the backend deletes this session on its next read at {@code now}: {@code now > expires_at} to the
     * microsecond, as the backend compares and as {@link io.welno.console.session.BackendRules#expiredFor} says it
     * for the actions' guards and the command line. False when it has no expiry the backend reads (absent, or
     * written with an offset: the backend treats such a document as missing, it never deletes it).
     */
    public boolean pastBackendExpiry(LocalDateTime now) {
        return backendExpiry != null && now.isAfter(backendExpiry);
    }

    public long ttlMillis() {
        return ttlMillis;
    }

    public String lastMessage() {
        return lastMessage;
    }

    /**
     * The steps done on start → auth requested → approved → checkups → prescriptions → completed: the table's dots,
     * by the stepper's rule ({@link ProgressStepper#reached}).
     */
    public int progressSteps() {
        return progressSteps;
    }

    public boolean collectionStarted() {
        return collectionStarted;
    }

    public boolean breaksBackend() {
        return breaksBackend;
    }

    /** Why the value is unreadable ({@code unreadable.*}), or null for a readable session. */
    public Phrase unreadableReason() {
        return unreadableReason;
    }
}
