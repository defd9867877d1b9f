package io.welno.console.flow;

import java.util.EnumMap;
import java.util.Map;

/** Which class runs which {@link ActionKind}: the one place that maps the kinds to their implementations. */
final class ActionRegistry {

    private final Map<ActionKind, FlowAction> actions = new EnumMap<>(ActionKind.class);

    ActionRegistry() {
        for (ActionKind kind : ActionKind.values()) {
            FlowAction action = switch (kind) {
                case SIMPLE_AUTH -> new SimpleAuthAction();
                case MANUAL_COMPLETE -> new ManualCompleteAction();
                case COLLECT -> new CollectAction();
                case RESET_STUCK -> new ResetStuckAction();
            };
            actions.put(kind, action);
        }
    }

    FlowAction get(ActionKind kind) {
        return actions.get(kind);
    }
}
