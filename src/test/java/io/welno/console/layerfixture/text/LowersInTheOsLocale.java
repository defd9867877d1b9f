package io.welno.console.layerfixture.text;

/** Lower-cases a name in the OS's locale, which the architecture rules refuse (ArchitectureTest's negative case). */
public final class LowersInTheOsLocale {

    private LowersInTheOsLocale() {
    }

    public static String styleClass(Enum<?> kind) {
        return "bucket-" + kind.name().toLowerCase();
    }
}
