package io.welno.console.tilko.sim;

import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.text.Masking;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Answer these requests with this failure": a mode, the endpoints it covers, optionally one person
 * (by name or phone number), optionally a number of times. Immutable except for the remaining count.
 *
 * <pre>{@code
 * sim.addFailure(FailureRule.of(FailureMode.TEMPORARY_FAILURE).on(TilkoEndpoint.CHECKUPS).times(1));
 * sim.addFailure(FailureRule.of(FailureMode.IDENTITY_MISMATCH).forPerson("01000000001"));
 * }</pre>
 */
public final class FailureRule {

    private final FailureMode mode;
    private final Set<TilkoEndpoint> endpoints;
    private final String person;
    private final AtomicInteger remaining;

    private FailureRule(FailureMode mode, Set<TilkoEndpoint> endpoints, String person, int times) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.endpoints = Set.copyOf(endpoints);
        this.person = person;
        this.remaining = new AtomicInteger(times);
    }

    /** A rule for every request on the mode's default endpoints, forever. */
    public static FailureRule of(FailureMode mode) {
        return new FailureRule(mode, mode.defaultEndpoints(), null, -1);
    }

    /** The same rule limited to these endpoints (none given: the mode's defaults). */
    public FailureRule on(TilkoEndpoint... endpoints) {
        Set<TilkoEndpoint> set = endpoints.length == 0 ? mode.defaultEndpoints() : EnumSet.of(endpoints[0], endpoints);
        return new FailureRule(mode, set, person, remaining.get());
    }

    /** The same rule only for one person: their exact name, or their phone number (dashes ignored). */
    public FailureRule forPerson(String nameOrPhone) {
        Objects.requireNonNull(nameOrPhone, "nameOrPhone");
        return new FailureRule(mode, endpoints, nameOrPhone.strip(), remaining.get());
    }

    /** The same rule, applied this many times and then spent (a temporary outage, one slow answer…). */
    public FailureRule times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new FailureRule(mode, endpoints, person, times);
    }

    public FailureMode mode() {
        return mode;
    }

    public Set<TilkoEndpoint> endpoints() {
        return endpoints;
    }

    /** The person this rule is limited to, or null for everyone. */
    public String person() {
        return person;
    }

    /** Remaining applications, or -1 for unlimited. */
    public int remaining() {
        return remaining.get();
    }

    boolean isSpent() {
        return remaining.get() == 0;
    }

    /** Whether the rule covers this request; a person of null (GetPublicKey) only matches global rules. */
    boolean covers(TilkoEndpoint endpoint, String name, String phone) {
        if (!endpoints.contains(endpoint) || isSpent()) {
            return false;
        }
        if (person == null) {
            return true;
        }
        if (name == null && phone == null) {
            return false;
        }
        String digits = person.replaceAll("\\D", "");
        return person.equals(name == null ? null : name.strip())
                || (!digits.isEmpty() && phone != null && digits.equals(phone.replaceAll("\\D", "")));
    }

    /** Takes one application; false when another thread spent the last one first. */
    boolean consume() {
        while (true) {
            int r = remaining.get();
            if (r < 0) {
                return true;
            }
            if (r == 0) {
                return false;
            }
            if (remaining.compareAndSet(r, r - 1)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        String who = person == null ? "everyone" : person.replaceAll("\\D", "").length() >= 8
                ? Masking.phone(person) : Masking.name(person);
        return "FailureRule[" + mode + " on " + endpoints + " for " + who
                + (remaining.get() < 0 ? "" : ", " + remaining.get() + " left") + "]";
    }
}
