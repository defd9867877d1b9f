package io.welno.console.store;

/** Reads facts out of an {@code INFO server} reply. */
public final class RedisServerInfo {

    private RedisServerInfo() {
    }

    public static String version(String info) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "unknown";
    }

    /** The major version, or 6 when the reply does not say (every supported server but the Windows binary is ≥ 6). */
    public static int majorVersion(String info) {
        String version = version(info);
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 6;
        }
    }
}
