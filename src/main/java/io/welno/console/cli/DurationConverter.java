package io.welno.console.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every duration option ({@code --hold}, {@code --poll-interval}, tilko-sim's delays) in one form: seconds
 * ({@code 10}, {@code 0.5}), a number with {@code ms}, {@code s}, {@code m} or {@code h} ({@code 500ms},
 * {@code 30s}, {@code 5m}), or ISO-8601 ({@code PT30S}); each error names both forms, so no option takes one form where
 * its neighbour takes the other.
 */
class DurationConverter implements ITypeConverter<Duration> {

    /** What every error offers. */
    static final String FORMS = "seconds (10) or a number with ms, s, m or h (500ms, 30s, 5m), or ISO-8601 (PT30S)";

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)?");

    private final Duration least;

    /** Any duration, 0 included. */
    DurationConverter() {
        this(Duration.ZERO);
    }

    /** @param least the shortest the option allows */
    DurationConverter(Duration least) {
        this.least = least;
    }

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration == null) {
            throw new TypeConversionException(Inputs.shown(value) + " is not a duration; use " + FORMS);
        }
        if (duration.compareTo(least) < 0) {
            throw new TypeConversionException("a duration of at least " + shown(least) + ", not " + Inputs.shown(value)
                    + "; use " + FORMS);
        }
        return duration;
    }

    /** The duration written, or null when it is neither form (a negative one included). */
    static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            BigDecimal seconds = new BigDecimal(number.group(1)).multiply(switch (String.valueOf(number.group(2))) {
                case "ms" -> new BigDecimal("0.001");
                case "m" -> BigDecimal.valueOf(60);
                case "h" -> BigDecimal.valueOf(3600);
                default -> BigDecimal.ONE;
            });
            BigDecimal whole = new BigDecimal(seconds.toBigInteger());
            return Duration.ofSeconds(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
        }
        if (!text.startsWith("p")) {
            return null;
        }
        try {
            Duration iso = Duration.parse(text.toUpperCase(Locale.ROOT));
            return iso.isNegative() ? null : iso;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 0.1 s, 2 s: how a bound is said. */
    private static String shown(Duration bound) {
        return BigDecimal.valueOf(bound.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    /** {@code watch --poll-interval}: polling faster than ten times a second only loads Redis. */
    static final class PollInterval extends DurationConverter {
        PollInterval() {
            super(Duration.ofMillis(100));
        }
    }
}
