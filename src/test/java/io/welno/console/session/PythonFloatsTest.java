package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick way to Python's shortest digits agrees with the search, and the exponent is written in ASCII. */
class PythonFloatsTest {

    @Test
    void javasDigitsAreTakenOnlyWhereTheyAreTheShortest() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int i = 0; i < 5_000; i++) {
            double any = Double.longBitsToDouble(random.nextLong());
            double reading = Math.round(random.nextDouble() * 1_000_000) / 100.0; // a reading such as 1234.56
            double ratio = random.nextDouble();
            double subnormal = Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
            for (double d : new double[] {any, reading, ratio, subnormal, Double.MIN_NORMAL, Double.MIN_VALUE}) {
                if (Double.isFinite(d) && d != 0) {
                    double positive = Math.abs(d);
                    assertEquals(0, PythonFloats.searchedShortestDigits(positive)
                            .compareTo(PythonFloats.shortestDigits(positive)), () -> Double.toString(positive));
                }
            }
        }
    }

    @Test
    void theExponentIsWrittenInAsciiDigitsInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            for (String tag : new String[] {"ar", "fa", "th-TH-u-nu-thai"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals("1e+16", PythonFloats.repr(1e16), tag);
                assertEquals("5e-324", PythonFloats.repr(Double.MIN_VALUE), tag);
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
