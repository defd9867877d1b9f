package io.welno.console.layerfixture.b;

import io.welno.console.layerfixture.a.Ping;

/** The other half of the deliberate cycle (ArchitectureTest's negative case). */
public final class Pong {

    private Pong() {
    }

    public static int back(int n) {
        return Ping.next(n);
    }
}
