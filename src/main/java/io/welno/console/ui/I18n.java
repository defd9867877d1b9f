package io.welno.console.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Every visible string comes from the {@code messages} bundles (Korean and English). Views bind to
 * {@link #text(String)} so a language switch at runtime re-renders every label.
 */
public final class I18n {

    public static final String BUNDLE = "io.welno.console.ui.messages";
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale loadedFor;
    /** Parsed patterns of the current language: parsing one costs more than formatting it many times. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /**
     * The language chosen in the settings menu (saved in the user's preferences) or, before any choice,
     * Korean when the OS is Korean, else English. {@code WELNO_LANG=ko|en} overrides both.
     */
    public static I18n fromSystem() {
        String forced = System.getenv("WELNO_LANG");
        if (forced != null && !forced.isBlank()) {
            return new I18n(Locale.forLanguageTag(forced.strip()));
        }
        return new I18n(UiPreferences.user().language().orElse(Locale.getDefault()));
    }

    public static Locale supported(Locale requested) {
        return requested != null && "ko".equals(requested.getLanguage()) ? KOREAN : ENGLISH;
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback to the JVM's default locale: English is the base bundle.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * JavaFX's own texts (a text field's context menu, a table's column menu) come from its bundles for the
     * JVM's default locale: from now on that follows this language rather than the OS's, as in JabRef. Controls
     * made after a switch speak the new language; those already made keep theirs until the next start. For the
     * application: it changes a JVM-wide setting.
     */
    public void governJavaFxTexts() {
        Locale.setDefault(locale());
        locale.addListener((o, old, chosen) -> Locale.setDefault(chosen));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale newLocale) {
        locale.set(supported(newLocale));
    }

    /**
     * The bundle of the current language, loaded on first use after a switch. Loading it here rather than
     * in a listener matters: the {@link #text} bindings are invalidated by the same switch and may be
     * re-read before any listener ran, and they must never see the previous language's bundle.
     */
    private ResourceBundle bundle() {
        Locale now = locale.get();
        if (bundle == null || now != loadedFor) {
            bundle = load(now);
            formats.clear();
            loadedFor = now;
        }
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        ResourceBundle current = bundle();
        MessageFormat format = formats.computeIfAbsent(key, k -> {
            try {
                return new MessageFormat(current.getString(k), loadedFor);
            } catch (MissingResourceException e) {
                return new MessageFormat("'!" + k + "!'", loadedFor);
            }
        });
        synchronized (format) { // MessageFormat is not thread-safe; a few texts are built off the FX thread
            return format.format(args);
        }
    }

    /** A text that follows the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), locale);
    }

    /** A formatted text that follows the language and its arguments. */
    public StringBinding format(String key, ObservableValue<?>... args) {
        ObservableValue<?>[] deps = new ObservableValue<?>[args.length + 1];
        System.arraycopy(args, 0, deps, 0, args.length);
        deps[args.length] = locale;
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].getValue();
            }
            return format(key, values);
        }, deps);
    }
}
