package io.welno.console.ui.common;

import io.welno.console.text.SafeText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * The words for a profile's role and environment: the stored values stay the wire's ({@code operator},
 * {@code production}), the window shows them in its language. An environment is free text; only the three it
 * suggests have words of their own, anything else a user typed is shown as typed.
 */
public final class ProfileWords {

    /** The environments the dialog suggests. */
    public static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
    /** The embedded demo's environment: not suggested for a profile, but worded like the suggested ones. */
    public static final String DEMO = "demo";
    private static final List<String> WORDED = Stream.concat(ENVIRONMENTS.stream(), Stream.of(DEMO)).toList();

    /** The badge's class for an environment the style sheet has no colour for. */
    public static final String OTHER_STYLE = "env-other";
    /** The environments the style sheet colours (console.css, {@code .env-*}). */
    private static final List<String> STYLED = List.of("development", "dev", "staging", "production", "test");

    private ProfileWords() {
    }

    /**
     * An environment as the window shows it: a known one in words, another as written — escaped, as it is free text
     * from the profiles file (a direction override would make "tset" read as "test").
     */
    public static String environment(I18n i18n, String value) {
        if (value == null) {
            return "";
        }
        String known = value.strip().toLowerCase(Locale.ROOT);
        return WORDED.contains(known) ? i18n.get("environment." + known) : SafeText.escapeIfHiding(value);
    }

    /**
     * The environment badge's style class: one the style sheet colours, else {@value #OTHER_STYLE}. The environment
     * is free text from the profiles file, and a class made of it could borrow any class of the window's style sheet
     * (a red "production" look for a typo, a class meant for another control) or carry characters no class name has.
     */
    public static String styleClass(String environment) {
        String known = environment == null ? "" : environment.strip().toLowerCase(Locale.ROOT);
        return STYLED.contains(known) ? "env-" + known : OTHER_STYLE;
    }

    /** Shows the roles in the window's language; the values stay the wire's. */
    public static void showRoles(ComboBox<String> roles, I18n i18n) {
        roles.setCellFactory(list -> roleCell(i18n));
        roles.setButtonCell(roleCell(i18n));
    }

    private static ListCell<String> roleCell(I18n i18n) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String role, boolean empty) {
                super.updateItem(role, empty);
                setText(empty || role == null ? null : i18n.get("role." + role));
            }
        };
    }

    /**
     * Shows the suggested environments in the window's language in an editable combo box: a typed word that is one
     * of them in either spelling is stored as the wire's value, any other text as typed.
     */
    public static void showEnvironments(ComboBox<String> environments, I18n i18n) {
        environments.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return environment(i18n, value);
            }

            @Override
            public String fromString(String text) {
                String typed = text == null ? "" : text.strip();
                for (String known : WORDED) {
                    if (typed.equalsIgnoreCase(known) || typed.equals(i18n.get("environment." + known))) {
                        return known;
                    }
                }
                return typed;
            }
        });
    }
}
