package io.welno.console.session;

/** The {@code type} of a message entry; the backend writes info, success and error. */
public enum MessageType {
    INFO("info"), SUCCESS("success"), ERROR("error"), OTHER(null);

    /** {@code values()} copies its array on every call, and every message of every listed session is typed. */
    private static final MessageType[] ALL = values();

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MessageType fromWire(String wire) {
        for (MessageType type : ALL) {
            if (type.wire != null && type.wire.equals(wire)) {
                return type;
            }
        }
        return OTHER;
    }
}
