package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {

    private final BenchCorpus corpus = new BenchCorpus(42);

    @Test
    void theWritersBytesAreTheStampedDocumentInUtf8() {
        for (int i : new int[] {0, 7, 199, 12_345, 99_999}) {
            long nanos = 1_234_567_890_123L + i;
            byte[] bytes = corpus.stampedBytes(i, nanos);
            assertArrayEquals(corpus.stamped(i, nanos).getBytes(StandardCharsets.UTF_8), bytes);
            assertEquals(nanos, RowConsumer.stampOf(bytes));
        }
    }

    @Test
    void idsAreZeroPaddedToTwentyOneDigits() {
        assertEquals("welno_bench000000000000000000042", BenchCorpus.id(42));
        assertEquals(String.format("welno_bench%021d", Integer.MAX_VALUE), BenchCorpus.id(Integer.MAX_VALUE));
        assertArrayEquals(BenchCorpus.id(5).getBytes(StandardCharsets.US_ASCII), BenchCorpus.idBytes(5));
    }
}
