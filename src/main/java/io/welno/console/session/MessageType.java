package io.welno.console.session;

/** The {@code type} of a message entry; the backend writes info, success and error. */
public enum MessageType {
    INFO("info"), SUCCESS("success"), ERROR("error"), OTHER(null);

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static MessageType fromWire(String wire) {
        for (MessageType type : values()) {
            if (type.wire != null && type.wire.equals(wire)) {
                return type;
            }
        }
        return OTHER;
    }
}
