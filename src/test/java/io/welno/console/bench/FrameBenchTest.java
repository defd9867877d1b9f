package io.welno.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The bench starts the FX window by name (bench sits below ui): the name and its variable must stay the window's. */
class FrameBenchTest {

    @Test
    void theWindowItStartsByNameExistsAndReadsTheSameVariable() throws Exception {
        Class<?> window = Class.forName(FrameBench.WINDOW_CLASS, false, getClass().getClassLoader());
        Method main = window.getMethod("main", String[].class);
        assertTrue(Modifier.isStatic(main.getModifiers()), "a main method to start");
        assertEquals(FrameBench.URL_VARIABLE, window.getField("URL_VARIABLE").get(null));
    }
}
