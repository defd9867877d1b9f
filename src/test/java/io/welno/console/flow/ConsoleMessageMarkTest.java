package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsoleMessageMarkTest {

    @Test
    void aMarkIsReadWithItsOperatorOnlyFromTheFirstMessageOfAnAction() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ConsoleMessageMark first = ConsoleMessageMark.of(mapper.readTree(
                "{\"message\": \"처리했습니다. [콘솔 kim · 사유: 고객 전화 · #3f2a91c0]\"}")).orElseThrow();
        assertEquals(new ConsoleMessageMark("3f2a91c0", "kim"), first);
        assertEquals(new ConsoleMessageMark("3f2a91c0", ""), ConsoleMessageMark.of(mapper.readTree(
                "{\"message\": {\"message\": \"수집을 마쳤습니다. [콘솔 #3f2a91c0]\"}}")).orElseThrow());
        assertTrue(ConsoleMessageMark.of(mapper.readTree("{\"message\": \"#3f2a91c0\"}")).isEmpty());
    }

    /** Every offset and every length around the eight-byte steps: a '#' or its escape is never missed. */
    @Test
    void aValueMayHoldAMarkWhereverItsHashOrTheHashsEscapeIs() {
        byte[] escape = "\\u0023".getBytes(StandardCharsets.US_ASCII);
        for (int length = 1; length <= 40; length++) {
            byte[] plain = new byte[length];
            Arrays.fill(plain, (byte) 'a');
            assertFalse(ConsoleMessageMark.mayBeIn(plain), "no hash in " + length + " bytes");
            for (int at = 0; at < length; at++) {
                byte[] hash = plain.clone();
                hash[at] = '#';
                assertTrue(ConsoleMessageMark.mayBeIn(hash), "a hash at " + at + " of " + length);
                byte[] backslash = plain.clone();
                backslash[at] = '\\';
                assertFalse(ConsoleMessageMark.mayBeIn(backslash), "a lone backslash at " + at + " of " + length);
                if (at + escape.length <= length) {
                    byte[] escaped = plain.clone();
                    System.arraycopy(escape, 0, escaped, at, escape.length);
                    assertTrue(ConsoleMessageMark.mayBeIn(escaped), "the escape at " + at + " of " + length);
                    escaped[at + escape.length - 1] = '4'; // the escape of U+0024, a dollar sign
                    assertFalse(ConsoleMessageMark.mayBeIn(escaped), "another escape at " + at + " of " + length);
                }
            }
        }
        assertTrue(ConsoleMessageMark.mayBeIn(new byte[0]), "bytes not kept: their text is unknown");
    }
}
