package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.welno.console.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictJson} never steps over a value Jackson would refuse: on thousands of values broken at random, whatever
 * it accepts Jackson reads to the end. And it does step over the documents the backend writes, or the facts' reading
 * would gain nothing.
 */
class StrictJsonTest {

    /** Jackson as the facts read with it: no non-finite numbers, nothing but plain JSON. */
    private static final JsonFactory JACKSON = new JsonFactory();

    private static final List<String> SEEDS = List.of(
            "{\"a\": [1, -0, 2.5e-3, 1E+9, 0.0, true, false, null, \"x\"], \"b\": {}, \"c\": [], \"d\": {\"e\": [[]]}}",
            "[\"인증이 완료되었습니다.\", \"\\u00e9\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"🙂\", \"Ωé\", 123456789012]",
            "{\"ResultList\": [{\"Name\": \"신장\", \"Value\": \"177.4\", \"ItemReferences\": []}], \"ErrorLog\": null}",
            "  {\n    \"k\" :\t\"v\" ,\r\n  \"n\":-12.75e1 }  ",
            "\"just a string\"",
            "-1.5E-07");

    /** Bytes a random edit puts in: every kind of token, separator and troublesome byte. */
    private static final byte[] PALETTE = bytes("{}[],:\"\\ \n\t0123456789-+.eEntfrualsxu/bNI'#", new byte[] {
        0, 0x1f, 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xc2, (byte) 0xe0, (byte) 0xea,
        (byte) 0xed, (byte) 0xa0, (byte) 0xf0, (byte) 0xf4, (byte) 0x90, (byte) 0xf5, (byte) 0xff});

    @Test
    void whatItStepsOverJacksonReadsToTheEnd() {
        Random random = new Random(20261207);
        int accepted = 0;
        int refusedByJackson = 0;
        for (int round = 0; round < 60_000; round++) {
            byte[] value = mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random);
            boolean jackson = jacksonReadsToTheEnd(value);
            if (steppedOverWhole(value)) {
                accepted++;
                assertTrue(jackson, () -> "stepped over what Jackson refuses: " + show(value));
            }
            if (!jackson) {
                refusedByJackson++;
            }
        }
        assertTrue(accepted > 3_000, "accepted only " + accepted);
        assertTrue(refusedByJackson > 20_000, "Jackson refused only " + refusedByJackson);
    }

    @Test
    void itStepsOverTheBackendsDocumentsAndEachPartOfThem() {
        for (String fixture : Fixtures.readable()) {
            byte[] raw = Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8);
            assertEquals(raw.length, StrictJson.space(raw, StrictJson.valueEnd(raw, 0)), fixture);
        }
        for (String seed : SEEDS) {
            byte[] raw = seed.getBytes(StandardCharsets.UTF_8);
            assertEquals(raw.length, StrictJson.space(raw, StrictJson.valueEnd(raw, 0)), seed);
        }
    }

    @Test
    void itRefusesWhatIsNotPlainJson() {
        for (String bad : List.of("01", "1.", ".5", "-", "1e", "1e+", "+1", "NaN", "Infinity", "-Infinity", "tru",
                "nul", "True", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "{'a': 1}", "[1 2]", "{\"a\":1}}",
                "[1]]", "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"open", "[", "{\"a\":", "/* c */ 1", "[1] // c",
                "\"tab\there\"", "1".repeat(StrictJson.MAX_NUMBER_LENGTH + 1),
                "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1))) {
            assertFalse(steppedOverWhole(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        for (byte[] bad : List.of(new byte[] {'"', (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xc0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xea, 0x41, 0x41, '"'}, new byte[] {'"', (byte) 0xea, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
                new byte[] {'"', 0x01, '"'}, new byte[] {(byte) 0xea, (byte) 0xb0, (byte) 0x80})) {
            assertFalse(steppedOverWhole(bad), show(bad));
        }
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertTrue(steppedOverWhole(deepest.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean steppedOverWhole(byte[] value) {
        int end = StrictJson.valueEnd(value, 0);
        return end >= 0 && StrictJson.space(value, end) == value.length;
    }

    /** Every token read and every string decoded, and nothing after the one value. */
    private static boolean jacksonReadsToTheEnd(byte[] value) {
        try (JsonParser p = JACKSON.createParser(value)) {
            int depth = 0;
            JsonToken t = p.nextToken();
            while (t != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    p.getText();
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                t = p.nextToken();
                if (depth == 0) {
                    return t == null; // a second value after the first is refused, as the facts' reading refuses it
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** One to three random edits: a byte put in, taken out or changed, a stretch repeated, or the end cut off. */
    private static byte[] mutate(byte[] seed, Random random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : seed) {
            bytes.add(b);
        }
        for (int edits = 1 + random.nextInt(3); edits > 0 && !bytes.isEmpty(); edits--) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.add(at, PALETTE[random.nextInt(PALETTE.length)]);
                case 1 -> bytes.remove(at);
                case 2 -> bytes.set(at, PALETTE[random.nextInt(PALETTE.length)]);
                case 3 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(6));
                    bytes.addAll(at, new ArrayList<>(bytes.subList(at, end)));
                }
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bytes.forEach(out::write);
        return out.toByteArray();
    }

    private static byte[] bytes(String ascii, byte[] more) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[text.length + more.length];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(more, 0, all, text.length, more.length);
        return all;
    }

    private static String show(byte[] value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value) {
            s.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return s.toString();
    }
}
