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
}
