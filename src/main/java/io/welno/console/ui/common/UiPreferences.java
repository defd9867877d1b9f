package io.welno.console.ui.common;

import io.welno.console.view.TimeStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings a user chooses in the window (language, theme, how times are written, the table's columns, a
 * hint dismissed), kept with {@code java.util.prefs} under
 * {@code io/welno/console} in the user's preference tree. Tests point the node elsewhere with the system
 * property {@code welno.prefs.node}. A preference store that cannot be written is not an error worth
 * more than a debug line: the choice still applies to this run.
 */
public final class UiPreferences {

    static final String DEFAULT_NODE = "io/welno/console";
    public static final String NODE_PROPERTY = "welno.prefs.node";
    public static final String LANGUAGE = "language";
    public static final String THEME = "theme";
    public static final String TIME_STYLE = "time-style";
    public static final String HIDDEN_COLUMNS = "hidden-columns";
    public static final String DEMO_HINT_DISMISSED = "demo-hint-dismissed";

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

    private final Preferences node;

    UiPreferences(Preferences node) {
        this.node = node;
    }

    public static UiPreferences user() {
        return new UiPreferences(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    public Optional<Locale> language() {
        String tag = get(LANGUAGE);
        return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(I18n.supported(Locale.forLanguageTag(tag)));
    }

    public void setLanguage(Locale locale) {
        put(LANGUAGE, I18n.supported(locale).getLanguage());
    }

    public Optional<Themes> theme() {
        String name = get(THEME);
        if (name == null) {
            return Optional.empty();
        }
        for (Themes theme : Themes.values()) {
            if (theme.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }

    public void setTheme(Themes theme) {
        put(THEME, theme.name().toLowerCase(Locale.ROOT));
    }

    public Optional<TimeStyle> timeStyle() {
        return TimeStyle.fromWire(get(TIME_STYLE));
    }

    public void setTimeStyle(TimeStyle style) {
        put(TIME_STYLE, style.wire());
    }

    /** The sessions followed on one connection (by the profile's name: the ids belong to its Redis). */
    public java.util.List<String> followed(String profile) {
        String saved = get(followedKey(profile));
        return saved == null || saved.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(saved.split("\n")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    public void setFollowed(String profile, java.util.Collection<String> ids) {
        StringBuilder joined = new StringBuilder();
        for (String id : ids) {
            // A preference value holds 8 KB; the followed list is bounded well below that (FollowedSessions).
            if (joined.length() + id.length() + 1 > java.util.prefs.Preferences.MAX_VALUE_LENGTH) {
                break;
            }
            joined.append(joined.length() == 0 ? "" : "\n").append(id);
        }
        put(followedKey(profile), joined.toString());
    }

    private static String followedKey(String profile) {
        String name = profile == null ? "" : profile.strip();
        // Keys are at most 80 characters; a long profile name is told apart by its hash.
        return "followed." + (name.length() <= 60 ? name : name.substring(0, 50) + Integer.toHexString(name.hashCode()));
    }

    /** The columns (by id) the user hid; empty when they never chose, so the table's defaults apply. */
    public Optional<java.util.Set<String>> hiddenColumns() {
        String list = get(HIDDEN_COLUMNS);
        if (list == null) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public void setHiddenColumns(java.util.Set<String> ids) {
        put(HIDDEN_COLUMNS, String.join(",", new java.util.TreeSet<>(ids)));
    }

    public boolean demoHintDismissed() {
        return Boolean.parseBoolean(get(DEMO_HINT_DISMISSED));
    }

    public void setDemoHintDismissed() {
        put(DEMO_HINT_DISMISSED, "true");
    }

    private String get(String key) {
        try {
            return node.get(key, null);
        } catch (RuntimeException e) {
            LOG.debug("Preferences not readable: {}", e.toString());
            return null;
        }
    }

    /**
     * Called on the FX thread when the operator picks a language or theme, so no {@code flush()}: that writes
     * the backing store at once, and the FX thread never waits on I/O. java.util.prefs writes it on its own
     * timer thread (every 30 s) and when the JVM exits.
     */
    private void put(String key, String value) {
        try {
            node.put(key, value);
        } catch (RuntimeException e) {
            LOG.debug("Preferences not writable: {}", e.toString());
        }
    }
}
