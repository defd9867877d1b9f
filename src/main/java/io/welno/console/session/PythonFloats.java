package io.welno.console.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Floats written as the backend's {@code json.dumps} writes them (docs/backend-protocol.md, "Numbers"): {@code repr}
 * of the double {@code json.loads} read — the shortest digits that read back as the same double, fixed notation from
 * 1e-4 up to 1e16 ({@code 100000.0}, {@code 0.0001}), else {@code 1e-05}, {@code 1.7976931348623157e+308} — and
 * {@code NaN}, {@code Infinity}, {@code -Infinity} bare. Java's own {@code Double.toString} writes {@code 1.0E23} and,
 * before Java 19, not always the shortest digits ({@code 4.9E-324} for Python's {@code 5e-324}).
 */
final class PythonFloats {

    private PythonFloats() {
    }

    /** Python's {@code json.dumps} of the float {@code d}. */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestDigits(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // the value is 0.<digits> × 10^point
        if (point > -4 && point <= 16) {
            return sign + fixed(digits, point);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = point - 1;
        // Locale.ROOT: ASCII digits whatever the JVM's locale, or the backend could not read the number
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    /**
     * The fewest significant digits that read back as {@code d} (positive, finite), the nearest such when several do,
     * as Python's {@code repr}. The nearest decimal of a length may miss where the gap below a power of two is half the
     * gap above, while the one on the wide side reads back: both neighbours are tried.
     */
    static BigDecimal shortestDigits(double d) {
        // Java's own digits read back as d; with at most 15 significant digits they are the only ones of their length
        // or shorter that do (two decimals of 15 digits never read as one normal double), so they are the shortest.
        // Not below the normal range, whose doubles hold fewer bits (Java's 4.9E-324 is Python's 5e-324). Most
        // floats a session holds take this way; the search below costs some 40 µs.
        BigDecimal java = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (d >= Double.MIN_NORMAL && java.precision() <= 15) {
            return java;
        }
        return searchedShortestDigits(d);
    }

    /** The search {@link #shortestDigits} falls back on, on its own so a test can hold the two side by side. */
    static BigDecimal searchedShortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) {
                return nearest;
            }
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            if (below.doubleValue() == d) {
                return below;
            }
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            if (above.doubleValue() == d) {
                return above;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)); // 17 digits always read back
    }

    /** A generator that writes every float number in Python's form, and anything else as the one it wraps. */
    static JsonGenerator writingFloatsAsPython(JsonGenerator out) {
        return new JsonGeneratorDelegate(out, false) {
            @Override
            public void writeNumber(double v) throws IOException {
                writeRawValue(repr(v));
            }

            @Override
            public void writeNumber(float v) throws IOException {
                writeRawValue(repr(v));
            }

            @Override
            public void writeNumber(BigDecimal v) throws IOException {
                writeRawValue(repr(v.doubleValue())); // Python holds a float, whatever its text was
            }
        };
    }
}
