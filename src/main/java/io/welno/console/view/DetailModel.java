package io.welno.console.view;

import io.welno.console.session.SessionDocument;
import io.welno.console.store.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detail pane's view of the selected session, kept live: it takes every newer copy of the session the table
 * receives, remembers which fields that copy changed (so the pane can mark them for a few seconds), knows when
 * the session ended or left the list, and gives the time facts (age, last update, expiry, TTL) for the moment it
 * is asked, so the pane moves on the same once-a-second pulse as the table. JavaFX-free; tests drive it with a clock.
 */
public final class DetailModel {

    /** The parts of a session the pane shows that a newer copy can change. */
    public enum Field { STATUS, MESSAGES, PROGRESS, UPDATED, EXPIRES, TTL, CREDENTIALS, COLLECTION, PLACE, OTHER }

    /** Whether the pane shows a session still in Redis, one that ended, or one the table no longer holds. */
    public enum Presence { NONE, LIVE, ENDED, GONE }

    /** A time fact: its text now, or missing (the document has no such field). */
    public record Fact(String text, boolean missing) {
        static Fact absent() {
            return new Fact("", true);
        }
    }

    /** How long a changed field stays marked. */
    public static final Duration MARK = Duration.ofSeconds(4);

    /** A TTL that moved by less than this is the clock running, not a new TTL. */
    private static final long TTL_JUMP_MILLIS = 2_000;

    private final Clock clock;
    private final ZoneId zone;
    private SessionRow row;
    private Presence presence = Presence.NONE;
    private Set<Field> changed = Collections.emptySet();
    private long changedAtMillis = -1;
    /** The last change was found by a pass reading every session again: {@link #changedAtMillis} is when it was found. */
    private boolean changeFoundByPass;
    private long goneAtMillis;
    private boolean paused;
    private FeedReach reach = FeedReach.LIVE;

    public DetailModel(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Takes the selection or a newer copy of it. A row with another id is a new selection (nothing marked); the same
     * id is the live document moving on; null after a session was shown means the table no longer holds it.
     *
     * @return whether the pane has something new to show
     */
    public boolean show(SessionRow next) {
        if (next == null) {
            if (row == null || presence == Presence.GONE) {
                return false;
            }
            presence = Presence.GONE;
            goneAtMillis = clock.millis();
            return true;
        }
        if (next == row && presence != Presence.GONE) {
            return false;
        }
        boolean sameSession = row != null && row.id().equals(next.id());
        if (!sameSession) {
            changed = Collections.emptySet();
            changedAtMillis = -1;
        } else {
            Set<Field> difference = difference(row, next);
            // A reading that shows nothing new (a resync after a reconnect reads every session again) is no change:
            // "Updated just now" would name no field, and the last real change's time stands.
            if (!difference.isEmpty()) {
                changed = Collections.unmodifiableSet(difference);
                changedAtMillis = clock.millis();
                changeFoundByPass = next.readByPass();
            }
        }
        row = next;
        presence = next.isEnded() ? Presence.ENDED : Presence.LIVE;
        return true;
    }

    /** No session selected. */
    public void clear() {
        row = null;
        presence = Presence.NONE;
        changed = Collections.emptySet();
        changedAtMillis = -1;
    }

    /** Live updates are paused: the copy shown may be behind. */
    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    /**
     * How closely the feed follows Redis now: anything but {@link FeedReach#LIVE} makes the pane say its copy may be
     * behind (a poll late, or more), whatever it said before.
     *
     * @return whether that changed
     */
    public boolean setReach(FeedReach reach) {
        boolean changes = this.reach != reach;
        this.reach = reach;
        return changes;
    }

    public SessionRow row() {
        return row;
    }

    public Presence presence() {
        return presence;
    }

    /** The fields the last change touched, while they are still marked ({@link #MARK}); empty afterwards. */
    public Set<Field> marked() {
        return changedAtMillis >= 0 && clock.millis() - changedAtMillis < MARK.toMillis() ? changed : Set.of();
    }

    /**
     * What the pane says about how current its copy is: following (live or by polling), just updated (and what),
     * paused, Redis not answering, not connected, ended, gone.
     */
    public String freshness(Texts texts) {
        long nowMillis = clock.millis();
        return switch (presence) {
            case NONE -> "";
            case GONE -> texts.format("detail.gone", Formats.duration(texts, Duration.ofMillis(nowMillis - goneAtMillis)));
            // an end a pass found has no moment of its own, only the one it was found at
            case ENDED -> texts.format("detail.ended." + row.ending().word(),
                    row.endedAt() == null ? "" : Formats.moment(texts, row.endedAt(), now(), zone));
            case LIVE -> reach == FeedReach.LOST ? texts.get("detail.disconnected")
                    : reach == FeedReach.UNANSWERED ? texts.get("detail.unanswered")
                    : paused ? texts.get("detail.paused") : live(texts, nowMillis);
        };
    }

    private String live(Texts texts, long nowMillis) {
        if (changedAtMillis < 0) {
            return texts.get(reach == FeedReach.POLLED ? "detail.polling" : "detail.following");
        }
        Duration since = Duration.ofMillis(nowMillis - changedAtMillis);
        // A change a pass found came while the console was not reading it: when is not known, only when it was found.
        if (since.compareTo(MARK) < 0) {
            return texts.format(changeFoundByPass ? "detail.changed.found.now" : "detail.changed.now",
                    fieldNames(texts, changed));
        }
        return texts.format(changeFoundByPass ? "detail.changed.found.ago" : "detail.changed.ago",
                Formats.duration(texts, since));
    }

    /** The changed fields as the pane names them, in the pane's order. */
    public static String fieldNames(Texts texts, Set<Field> fields) {
        return Arrays.stream(Field.values()).filter(fields::contains)
                .map(f -> texts.get("detail.field." + f.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(", "));
    }

    /** How long ago the session was created. */
    public Fact age(Texts texts) {
        return row == null || row.createdAt() == null ? Fact.absent()
                : new Fact(Formats.age(texts, row.createdAt(), now()), false);
    }

    public Fact created(Texts texts) {
        return row == null || row.createdAt() == null ? Fact.absent()
                : new Fact(Formats.dateTime(texts, row.createdAt(), zone), false);
    }

    /** The last update with its zone, and how long ago. */
    public Fact updated(Texts texts) {
        if (row == null || row.updatedAt() == null) {
            return Fact.absent();
        }
        LocalDateTime now = now();
        return new Fact(Formats.moment(texts, row.updatedAt(), now, zone) + "  ("
                + texts.format("detail.ago", Formats.age(texts, row.updatedAt(), now)) + ")", false);
    }

    /** When the backend stops accepting the session, and how long until then (or since). */
    public Fact expires(Texts texts) {
        if (row == null || row.expiresAt() == null) {
            return Fact.absent();
        }
        LocalDateTime now = now();
        return new Fact(Formats.moment(texts, row.expiresAt(), now, zone) + "  ("
                + Formats.countdown(texts, row.expiresAt(), now) + ")", false);
    }

    public Fact ttl(Texts texts) {
        if (row == null) {
            return Fact.absent();
        }
        long ttl = row.ttlNowMillis(clock.millis());
        return new Fact(ttl == StoredSession.UNKNOWN_TTL ? texts.get("ttl.file") : ttl < 0 ? texts.get("ttl.none")
                : Formats.duration(texts, Duration.ofMillis(ttl)), false);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    private Set<Field> difference(SessionRow before, SessionRow after) {
        EnumSet<Field> out = EnumSet.noneOf(Field.class);
        if (!Objects.equals(before.status(), after.status()) || before.readable() != after.readable()) {
            out.add(Field.STATUS);
        }
        if (before.progressSteps() != after.progressSteps()) {
            out.add(Field.PROGRESS);
        }
        if (!Objects.equals(before.updatedAt(), after.updatedAt())) {
            out.add(Field.UPDATED);
        }
        if (!Objects.equals(before.expiresAt(), after.expiresAt())) {
            out.add(Field.EXPIRES);
        }
        long now = clock.millis();
        if (Math.abs(before.ttlNowMillis(now) - after.ttlNowMillis(now)) > TTL_JUMP_MILLIS) {
            out.add(Field.TTL);
        }
        if (before.collectionStarted() != after.collectionStarted()) {
            out.add(Field.COLLECTION);
        }
        if (!Objects.equals(before.place(), after.place())) {
            out.add(Field.PLACE);
        }
        SessionDocument was = before.document();
        SessionDocument is = after.document();
        if (was != null && is != null) {
            // a step can turn from running to failed with no step added: the mark follows what the stepper shows
            if (!ProgressStepper.of(was).equals(ProgressStepper.of(is))) {
                out.add(Field.PROGRESS);
            }
            if (was.messageCount() != is.messageCount() || !before.lastMessage().equals(after.lastMessage())) {
                out.add(Field.MESSAGES);
            }
            if (was.tempAuthData().isPresent() != is.tempAuthData().isPresent()
                    || was.authData().isPresent() != is.authData().isPresent()) {
                out.add(Field.CREDENTIALS);
            }
        }
        if (out.isEmpty() && !Arrays.equals(before.bytes(), after.bytes())) {
            out.add(Field.OTHER);
        }
        return out;
    }
}
