package io.welno.console.cli;

import io.welno.console.flow.Role;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The checks on what is typed after an option: each refuses a bad value with the accepted form, and picocli
 * prefixes the option's name ("Invalid value for option '--limit': …"), so one line says what to change.
 */
final class Inputs {

    private Inputs() {
    }

    /** The value as an error repeats it: escaped and short. */
    static String shown(String value) {
        return "'" + SafeText.bounded(value, 60) + "'";
    }

    /** A check made by another layer: its sentence becomes picocli's conversion error. */
    private static <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(Wording.cli().said(e));
        }
    }

    static final class RedisUrl implements ITypeConverter<RedisConnectionSettings> {
        @Override
        public RedisConnectionSettings convert(String value) {
            boolean fromEnvironment = value.equals(System.getenv("WELNO_REDIS_URL"));
            try {
                return RedisConnectionSettings.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(Wording.cli().said(e) + (fromEnvironment ? " (from WELNO_REDIS_URL)" : ""));
            }
        }
    }

    static final class KeyPrefix implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> {
                RedisConnectionSettings.checkKeyPrefix(value);
                return value;
            });
        }
    }

    static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException("a time-zone id such as Asia/Seoul or UTC, not " + shown(value));
            }
        }
    }

    /**
     * {@code stuck} or a status the backend knows (one it writes, or {@code auth_pending} and {@code expired}, which it
     * only names): a misspelt bucket would find no session and end "No session to act on" with exit 0, as if the
     * bucket were empty.
     */
    static final class Bucket implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String bucket = value.strip();
            if (bucket.equalsIgnoreCase("stuck") || SessionStatus.of(bucket).isKnown()) {
                return bucket;
            }
            throw new TypeConversionException("stuck or a status the backend knows ("
                    + SessionStatus.KNOWN.stream().map(SessionStatus::wire).collect(Collectors.joining(", "))
                    + "), not " + shown(value));
        }
    }

    static final class RoleName implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.fromWire(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("viewer, operator or developer, not " + shown(value));
            }
        }
    }

    /** Written into the session's message and the audit: one short line. */
    static final class OperatorName implements ITypeConverter<String> {
        static final int MAX = 64;

        @Override
        public String convert(String value) {
            String name = value.strip();
            if (name.isEmpty() || name.length() > MAX || SafeText.firstUnsafe(name) >= 0) {
                throw new TypeConversionException("a name of 1 to " + MAX
                        + " characters without control or invisible characters, not " + shown(value));
            }
            return name;
        }
    }

    static final class PositiveSeconds implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long seconds = digits(value, 18);
            if (seconds < 1) {
                throw new TypeConversionException("a whole number of seconds, 1 or more, not " + shown(value));
            }
            return seconds;
        }
    }

    static final class AuditLimit implements ITypeConverter<Integer> {
        static final int MAX = 10_000;

        @Override
        public Integer convert(String value) {
            long n = digits(value, 9);
            if (n < 1 || n > MAX) {
                throw new TypeConversionException("a number of entries from 1 to " + MAX + ", not " + shown(value));
            }
            return (int) n;
        }
    }

    static final class TilkoUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (HttpUrl.parse(value.strip()) == null) {
                throw new TypeConversionException("an http:// or https:// URL such as https://api.tilko.net, not "
                        + shown(value));
            }
            return value.strip();
        }
    }

    /** A Redis key the console names itself (the audit stream). */
    static final class StreamKey implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty() || value.length() > 256 || SafeText.firstUnsafe(value) >= 0) {
                throw new TypeConversionException("a Redis key of 1 to 256 characters without control characters, not "
                        + shown(value));
            }
            return value;
        }
    }

    /** A session id may be anything a key holds; only an empty one cannot name a session. */
    static final class SessionId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty()) {
                throw new TypeConversionException("a session id (without the key prefix), not an empty text");
            }
            return value;
        }
    }

    /** The backend's fallback directory: an existing, readable folder. */
    static final class FilesDirectory implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path directory;
            try {
                directory = Path.of(value.strip());
            } catch (InvalidPathException e) {
                throw new TypeConversionException("a folder such as data/tilko_sessions, not " + shown(value));
            }
            FileSessionStore.directoryProblem(directory).ifPresent(problem -> {
                throw new TypeConversionException(Wording.cli().render(problem));
            });
            return directory;
        }
    }

    /** A non-negative whole number of at most {@code maxDigits} digits, else -1. */
    private static long digits(String value, int maxDigits) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > maxDigits || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(text);
    }
}
