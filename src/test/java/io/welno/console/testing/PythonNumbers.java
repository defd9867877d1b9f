package io.welno.console.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers as another writer may leave them in a session, and as the backend's Python writes them back: each value is
 * {@code json.dumps(json.loads(literal))} as Python 3.11 prints it (computed there once; the tests never run Python).
 */
public final class PythonNumbers {

    /** The literal as stored → what Python's json.dumps writes for the value json.loads read from it. */
    public static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("-0.0", "-0.0");
        EXPECTED.put("-1e-400", "-0.0");
        EXPECTED.put("-0", "0");
        EXPECTED.put("1e400", "Infinity");
        EXPECTED.put("-1e400", "-Infinity");
        EXPECTED.put("NaN", "NaN");
        EXPECTED.put("Infinity", "Infinity");
        EXPECTED.put("-Infinity", "-Infinity");
        EXPECTED.put("1E5", "100000.0");
        EXPECTED.put("1.0", "1.0");
        EXPECTED.put("1.10", "1.1");
        EXPECTED.put("10000000000000000000000", "10000000000000000000000");
        EXPECTED.put("0.1", "0.1");
        EXPECTED.put("0.10000000000000001", "0.1");
        EXPECTED.put("1.7976931348623157e308", "1.7976931348623157e+308");
        EXPECTED.put("5e-324", "5e-324");
        EXPECTED.put("1e16", "1e+16");
        EXPECTED.put("1e15", "1000000000000000.0");
        EXPECTED.put("2.5e-5", "2.5e-05");
        EXPECTED.put("0.0001", "0.0001");
        EXPECTED.put("123456789012345678.5", "1.2345678901234568e+17");
    }

    private PythonNumbers() {
    }
}
