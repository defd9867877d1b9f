package io.welno.console.layerfixture.a;

import io.welno.console.layerfixture.b.Pong;

/** Breaks the layers on purpose: a package cycle a → b → a (ArchitectureTest's negative case). */
public final class Ping {

    private Ping() {
    }

    public static int next(int n) {
        return n > 3 ? n : Pong.back(n + 1);
    }
}
