package io.welno.console.store;

import io.welno.console.text.FileWords;
import io.welno.console.text.NetworkWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Why talking to Redis failed, named for its cause so an operator knows what to do: a permission the ACL user
 * lacks is not a lost connection, and a server that stopped answering (paused, frozen) is not one that refused
 * the connection. Built from whatever Jedis threw by {@link #of(Throwable)}.
 *
 * @param detail what Redis or the JVM said, first line only (may be empty); outside text, sanitised where shown
 * @param said   the same in the console's own words, when a step of the console named it ({@link PhrasedException}
 *               in the chain, e.g. a TLS port that does not answer), it is one of the network's usual complaints
 *               ({@code net.*}) or a refused command inside the script that Redis does not name: shown instead of
 *               {@code detail}; may be null
 * @param stream the key of the audit stream when the failed command was on it rather than on a session
 *               ({@link AuditStreamException} in the chain, or {@link #onStream}): a refused permission then names the
 *               stream and asks for it, where the sessions' words would send the reader to the sessions' keys; may be
 *               null
 */
public record StoreFailure(Cause cause, String detail, Phrase said, String stream) {

    public enum Cause {
        /**
         * The ACL user may not run a command ({@code NOPERM}, also inside the compare-and-set script); {@code detail}
         * names the command, or is Redis's sentence where it does not (then {@code said} tells it was the script's).
         */
        PERMISSION_DENIED,
        /** The ACL user may not touch the key ({@code NOPERM} about keys); {@code detail} is Redis's sentence. */
        KEY_PERMISSION_DENIED,
        /** Wrong user name or password ({@code WRONGPASS}, {@code NOAUTH}). */
        AUTH_FAILED,
        /** Nothing answered at that address: refused, unknown host, no route, connect timeout. */
        UNREACHABLE,
        /** The TLS handshake failed (certificate, host name, or a plain-text server). */
        TLS_FAILED,
        /** A command was sent and no answer came within the socket timeout: the server stalled. */
        TIMEOUT,
        /** The connection broke while a command was under way. */
        CONNECTION_LOST,
        /**
         * The server cannot serve commands for now: loading its data, a long script, its cluster down, a replica cut
         * off from its primary; {@code said} names which ({@code store.unavailable.<reply code>}).
         */
        UNAVAILABLE,
        /** The server is a read-only replica: it refuses every write. */
        READ_ONLY,
        /** The server is at its maxmemory and evicts nothing ({@code OOM}): it refuses every write. */
        OUT_OF_MEMORY,
        /** The server's last save to disk failed ({@code MISCONF}): it refuses every write until one succeeds. */
        DISK_ERROR,
        /** A cluster node answered that another node holds the key ({@code MOVED}/{@code ASK}); detail: that node. */
        OTHER_NODE,
        /** Every connection of the console's pool stayed busy: nothing was sent. */
        POOL_EXHAUSTED,
        /** Redis answered with an error of another kind. */
        SERVER_ERROR,
        /** A session file of the fallback folder could not be read or written (permission, disk, a lost mount). */
        FILE_FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Pattern NOPERM_COMMAND = Pattern.compile("'([^']+)' command");
    /**
     * A refusal by the ACL: the command's own {@code NOPERM}, or that of a command inside the compare-and-set script,
     * worded by each Redis its own way — 6.2 inside the script's error ({@code ERR Error running script … @user_script:
     * 4: The user executing the script can't run this command or subcommand}), 7.0 the same sentence alone, 7.2 naming
     * the command ({@code ERR ACL failure in script: User … has no permissions to run the 'set' command}).
     */
    private static final Pattern ACL_REFUSAL = Pattern.compile(
            "(?:^|^ERR |: -?)(NOPERM|ACL failure in script:|The user executing the script can't)");
    /** Where Redis 7 says a script's error was raised: not part of its answer. */
    private static final Pattern SCRIPT_PLACE = Pattern.compile(" script: [^,\\s]*, on @\\S*$");
    /** Errors of a server that cannot answer now but will: LOADING, BUSY, CLUSTERDOWN, TRYAGAIN, MASTERDOWN. */
    private static final Pattern UNAVAILABLE_NOW = Pattern.compile("^(LOADING|BUSY|CLUSTERDOWN|TRYAGAIN|MASTERDOWN)\\b");
    /**
     * A refusal of writes, as a command's own error or — Redis 6 — wrapped in the error of the script that tried to
     * write ({@code ERR Error running script … @user_script: 4: -READONLY …}).
     */
    private static final Pattern WRITE_REFUSED = Pattern.compile("(?:^|: -)(READONLY|OOM|MISCONF) ");
    private static final Pattern REDIRECT = Pattern.compile("^(MOVED|ASK) \\d+ (\\S+)");

    public StoreFailure {
        Objects.requireNonNull(cause, "cause");
        detail = detail == null ? "" : detail;
    }

    public StoreFailure(Cause cause, String detail, Phrase said) {
        this(cause, detail, said, null);
    }

    public StoreFailure(Cause cause, String detail) {
        this(cause, detail, null, null);
    }

    public static StoreFailure of(Throwable error) {
        List<Throwable> chain = chain(error);
        StoreFailure found = classify(error, chain);
        for (Throwable t : chain) {
            if (t instanceof AuditStreamException onStream) {
                found = found.onStream(onStream.stream());
                break;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof PhrasedException phrased) {
                return new StoreFailure(found.cause(), found.detail(), phrased.phrase(), found.stream());
            }
        }
        return found;
    }

    /** The same failure of a command on the audit stream at {@code key} (see {@code stream}). */
    public StoreFailure onStream(String key) {
        return new StoreFailure(cause, detail, said, key);
    }

    /** Whether the ACL refused the user: a command, or a key. */
    public boolean refusedByAcl() {
        return cause == Cause.PERMISSION_DENIED || cause == Cause.KEY_PERMISSION_DENIED;
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
            // Jedis reports each failed address as a suppressed exception of its own.
            chain.addAll(Arrays.asList(t.getSuppressed()));
        }
        return chain;
    }

    private static StoreFailure classify(Throwable error, List<Throwable> chain) {
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage());
            Matcher refused = ACL_REFUSAL.matcher(message);
            if (refused.find()) {
                return permissionDenied(firstLine(message.substring(refused.start(1))));
            }
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
                    || message.contains("invalid username-password")) {
                return new StoreFailure(Cause.AUTH_FAILED, "");
            }
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SSLException || message.contains("PKIX") || message.contains("certificate")) {
                return new StoreFailure(Cause.TLS_FAILED, firstLine(message),
                        NetworkWords.of(t, firstLine(message)));
            }
            String lower = message.toLowerCase(Locale.ROOT);
            // the system's words for a connection that could not be made at all: nothing was sent on it
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || message.contains("Connection refused")
                    || lower.contains("connect timed out") || lower.contains("network is unreachable")
                    || lower.contains("network is down") || lower.contains("host is down")
                    || lower.contains("cannot assign requested address")) {
                return new StoreFailure(Cause.UNREACHABLE, firstLine(message),
                        NetworkWords.of(t, firstLine(message)));
            }
            if (t instanceof SocketTimeoutException || message.contains("Read timed out")) {
                return new StoreFailure(Cause.TIMEOUT, "");
            }
            if (t instanceof JedisConnectionException && message.startsWith("Unknown reply")) {
                // Jedis read a first byte no Redis reply starts with: something else listens there (a web server
                // answers "H…"), or a Redis that wants TLS. Nothing was written, and the address is what to check.
                return new StoreFailure(Cause.UNREACHABLE, firstLine(message), Phrase.of("net.notRedis"));
            }
            if (message.contains("Unexpected end of stream") || message.contains("Connection reset")
                    || message.contains("Broken pipe") || message.contains("connection closed")) {
                return new StoreFailure(Cause.CONNECTION_LOST, firstLine(message),
                        NetworkWords.of(t, firstLine(message)));
            }
        }
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage());
            Matcher unavailable = UNAVAILABLE_NOW.matcher(message);
            if (unavailable.find()) {
                // Named by the reply's code: a replica cut off from its primary is not a server loading its data.
                return new StoreFailure(Cause.UNAVAILABLE, firstLine(message),
                        Phrase.of("store.unavailable." + unavailable.group(1).toLowerCase(Locale.ROOT)));
            }
            Matcher refused = WRITE_REFUSED.matcher(message);
            if (refused.find()) {
                String answer = firstSentence(message.substring(refused.start(1)));
                return new StoreFailure(switch (refused.group(1)) {
                    case "READONLY" -> Cause.READ_ONLY;
                    case "OOM" -> Cause.OUT_OF_MEMORY;
                    default -> Cause.DISK_ERROR;
                }, answer);
            }
            Matcher redirect = REDIRECT.matcher(message);
            if (redirect.find()) {
                return new StoreFailure(Cause.OTHER_NODE, redirect.group(2));
            }
            if (message.startsWith("Could not get a resource from the pool")) {
                return new StoreFailure(Cause.POOL_EXHAUSTED, firstLine(message));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof JedisConnectionException) {
                String said = firstLine(String.valueOf(t.getMessage()));
                return new StoreFailure(Cause.CONNECTION_LOST, said, NetworkWords.of(t, said));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof FileSystemException file) {
                return new StoreFailure(Cause.FILE_FAILED, file.getClass().getSimpleName() + ": " + file.getFile(),
                        FileWords.of(file));
            }
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new StoreFailure(Cause.SERVER_ERROR, firstLine(message));
    }

    /**
     * The command a refusal names; a refused command it does not name (Redis 6.2 and 7.0 inside a script) said as one of
     * the script's; else the key (or channel) it is about, in Redis's sentence.
     */
    private static StoreFailure permissionDenied(String refusal) {
        Matcher command = NOPERM_COMMAND.matcher(refusal);
        if (command.find()) {
            return new StoreFailure(Cause.PERMISSION_DENIED, command.group(1));
        }
        String sentence = SCRIPT_PLACE.matcher(refusal).replaceFirst("");
        return sentence.contains("can't run this command")
                ? new StoreFailure(Cause.PERMISSION_DENIED, sentence, Phrase.of("store.scriptCommand"))
                : new StoreFailure(Cause.KEY_PERMISSION_DENIED, sentence);
    }

    /** Whether the failure leaves a write's fate unknown (it may have been executed after all). */
    public boolean mayHaveWritten() {
        return cause == Cause.TIMEOUT || cause == Cause.CONNECTION_LOST;
    }

    /**
     * What to tell about a failure to connect or read, in the window, the command line and the logs alike: a phrased
     * step's own words (bad input, a fallback folder, the demo's server), else the Redis cause ({@link #of}). An
     * error that is none of the known causes and that Redis did not answer (a bug, a JVM failure) is quoted as it is:
     * calling it Redis's error would be a guess.
     */
    public static Phrase describe(Throwable error) {
        Phrase phrased = PhrasedException.find(error);
        if (phrased != null) {
            return phrased;
        }
        StoreFailure failure = of(error);
        if (failure.cause == Cause.SERVER_ERROR && !answeredByRedis(error)) {
            return Phrase.of("text.verbatim", failure.detail);
        }
        return failure.phrase();
    }

    /** Whether Redis answered with the error (a reply), rather than the console's or the JVM's code raising it. */
    public static boolean answeredByRedis(Throwable error) {
        return chain(error).stream().anyMatch(t -> t instanceof redis.clients.jedis.exceptions.JedisDataException);
    }

    /**
     * What the operator can do about it ({@code connect.fix.<cause>}), the same advice in the connection dialog and on
     * the command line.
     *
     * @param keyPrefix the sessions' key prefix, which an ACL must let the user read
     */
    public Phrase fix(String keyPrefix) {
        return Phrase.of("connect.fix." + cause.wire(), keyPrefix);
    }

    /**
     * The causes whose own words end in what their {@link #fix} says again (ask for an ACL that allows the command, or
     * one on the sessions' keys; try again in a moment; the server is busy or paused): said before the fix, they say
     * only what happened ({@code store.failure.fact.*}).
     */
    private static final EnumSet<Cause> ADVISED_BY_FIX = EnumSet.of(Cause.PERMISSION_DENIED,
            Cause.KEY_PERMISSION_DENIED, Cause.UNAVAILABLE, Cause.POOL_EXHAUSTED, Cause.TIMEOUT);

    /**
     * {@link #phrase()} for a sentence {@link #fix} follows (the command line's failure line, the connection dialog's
     * finding): the advice is said once, by the fix, which names the key pattern to ask for.
     */
    public Phrase phraseBeforeFix() {
        Phrase phrase = phrase();
        return ADVISED_BY_FIX.contains(cause) && phrase.key().equals("store.failure." + cause.wire())
                ? new Phrase("store.failure.fact." + cause.wire(), phrase.args()) : phrase;
    }

    /** {@link #describe} for a sentence {@link #fix} follows: see {@link #phraseBeforeFix()}. */
    public static Phrase describeBeforeFix(Throwable error) {
        Phrase said = describe(error);
        StoreFailure failure = of(error);
        return said.equals(failure.phrase()) ? failure.phraseBeforeFix() : said;
    }

    /**
     * {@code store.failure.<cause>} with the detail; a refusal by the ACL on the audit stream is
     * {@code store.failure.stream.<cause>}, which names the stream and says what to ask for.
     */
    public Phrase phrase() {
        if (stream != null && refusedByAcl()) {
            return Phrase.of("store.failure.stream." + cause.wire(), said != null ? said : detail, stream);
        }
        return Phrase.of("store.failure." + cause.wire(), said != null ? said : detail);
    }

    /** Up to the end of the first sentence: MISCONF's answer goes on for five more. */
    private static String firstSentence(String text) {
        String line = firstLine(text);
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end + 1);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
