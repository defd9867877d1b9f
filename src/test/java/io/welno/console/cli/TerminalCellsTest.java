package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hangul and other East Asian wide characters take two terminal cells; a column is padded by cells. */
class TerminalCellsTest {

    @Test
    void wideCharactersTakeTwoCellsAndPaddingCountsCells() {
        assertEquals(4, TerminalCells.width("NAME"));
        assertEquals(5, TerminalCells.width("박*준"), "two syllables and an asterisk");
        assertEquals(4, TerminalCells.width("ＡＢ"), "full-width forms");
        assertEquals(2, TerminalCells.width("e\u0301e"), "a combining accent takes no cell");
        assertEquals("박*준   |", TerminalCells.padRight("박*준", 8) + "|");
        assertEquals("NAME    |", TerminalCells.padRight("NAME", 8) + "|");
        assertEquals("김수한무거북이", TerminalCells.padRight("김수한무거북이", 8), "wider than the column: as it is");
    }

    /** The sequences SafeText leaves raw are drawn as one glyph: a terminal gives them the cells of that glyph. */
    @Test
    void aSequenceDrawnAsOneGlyphTakesTheCellsOfThatGlyph() {
        assertEquals(2, TerminalCells.width("👨\u200D👩\u200D👧"), "a ZWJ family is one emoji");
        assertEquals(2, TerminalCells.width("🧑\u200D💻"), "a ZWJ profession, from the supplemental block");
        assertEquals(2, TerminalCells.width("👍🏽"), "a skin tone draws onto its emoji");
        assertEquals(2, TerminalCells.width("🇰🇷"), "two regional indicators are one flag");
        assertEquals(2, TerminalCells.width("🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F"),
                "a subdivision flag's tags draw nothing of their own");
        assertEquals(2, TerminalCells.width("✔\uFE0F"), "an emoji presentation selector draws the emoji form");
        assertEquals(2, TerminalCells.width("1\uFE0F\u20E3"), "a keycap");
        assertEquals(1, TerminalCells.width("✔"), "the text form");
        assertEquals(2, TerminalCells.width("✅"), "drawn as emoji without a selector");
        assertEquals(2, TerminalCells.width("樂\uFE00"), "a CJK compatibility variant is its ideograph");
        assertEquals(4, TerminalCells.width("\u1112\u1169\u11BC\u1100\u1175\u11AF"), "홍길 written in jamo (NFD)");
        assertEquals(1, TerminalCells.width("a\u0308\u0301"), "two combining marks");
        assertEquals("👨\u200D👩\u200D👧      |", TerminalCells.padRight("👨\u200D👩\u200D👧", 8) + "|");
    }
}
