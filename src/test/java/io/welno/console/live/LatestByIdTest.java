package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "latest per id, first-seen order" merge behind the backlog, the batches, the frames and the pause. */
class LatestByIdTest {

    private record Value(String id, int version) {
    }

    @Test
    void theLatestValueWinsAndKeepsTheTurnOfTheFirst() {
        LatestById<Value> values = new LatestById<>();
        assertFalse(values.put("a", new Value("a", 1)));
        values.put("b", new Value("b", 1));
        assertTrue(values.put("a", new Value("a", 2)), "a was kept already");
        values.put("c", new Value("c", 1));
        assertEquals(List.of(new Value("a", 2), new Value("b", 1), new Value("c", 1)), values.values());
        assertEquals(3, values.size());
        assertEquals(new Value("a", 2), values.get("a"));
    }

    @Test
    void aCappedDrainTakesTheLongestWaitingAndLeavesTheRestInOrder() {
        LatestById<Value> values = new LatestById<>();
        for (String id : List.of("a", "b", "c", "d")) {
            values.put(id, new Value(id, 1));
        }
        values.put("a", new Value("a", 2));
        assertEquals(List.of(new Value("a", 2), new Value("b", 1)), values.drain(2));
        values.put("a", new Value("a", 3)); // drained, so it comes again: last in line
        assertEquals(List.of(new Value("c", 1), new Value("d", 1), new Value("a", 3)), values.drain());
        assertTrue(values.isEmpty());
        assertEquals(List.of(), values.drain(5));
    }

    @Test
    void aMergeRuleMayFoldTwoValuesOrForgetTheId() {
        LatestById<Value> values = new LatestById<>();
        values.merge("a", new Value("a", 1), (earlier, later) -> new Value("a", earlier.version() + later.version()));
        values.merge("a", new Value("a", 5), (earlier, later) -> new Value("a", earlier.version() + later.version()));
        assertEquals(new Value("a", 6), values.get("a"));
        values.put("b", new Value("b", 1));
        assertTrue(values.merge("a", new Value("a", 0), (earlier, later) -> null));
        assertNull(values.get("a"));
        assertFalse(values.contains("a"));
        assertEquals(List.of(new Value("b", 1)), values.values());
        values.clear();
        assertTrue(values.isEmpty());
    }
}
