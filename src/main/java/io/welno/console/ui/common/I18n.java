package io.welno.console.ui.common;

import io.welno.console.view.BundleTexts;
import io.welno.console.view.Texts;
import io.welno.console.view.TimeStyle;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Every visible string comes from the {@code messages} bundles (Korean and English). Views bind to
 * {@link #text(String)}, or to {@link #words(Supplier)} for a text made of several, so a language switch at runtime
 * re-renders every label, also those of a window or a notice already open.
 */
public final class I18n implements Texts {

    public static final String BUNDLE = BundleTexts.BUNDLE;
    public static final Locale KOREAN = BundleTexts.KOREAN;
    public static final Locale ENGLISH = BundleTexts.ENGLISH;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeStyle> timeStyle = new SimpleObjectProperty<>(TimeStyle.H24);
    private volatile BundleTexts texts;

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
        UiPreferences preferences = UiPreferences.user();
        I18n i18n = new I18n(preferences.language().orElse(Locale.getDefault()));
        preferences.timeStyle().ifPresent(i18n::setTimeStyle);
        return i18n;
    }

    public static Locale supported(Locale requested) {
        return BundleTexts.supported(requested);
    }

    /**
     * JavaFX's own texts (a table's column menu, a dialog's default buttons) come from its bundles for the JVM's
     * default locale: from now on that follows this language rather than the OS's, as in JabRef. A control takes
     * them when its skin is made and keeps them, so the window gives its text fields menus of its own words
     * ({@link TextMenus}) and its dialogs buttons of its own ({@link DialogWords}). For the application: it changes a
     * JVM-wide setting.
     */
    public void governJavaFxTexts() {
        Locale.setDefault(locale());
        locale.addListener((o, old, chosen) -> Locale.setDefault(chosen));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    @Override
    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale newLocale) {
        locale.set(supported(newLocale));
    }

    /** How times of day are written everywhere in the window (the settings menu's choice; 24-hour by default). */
    @Override
    public TimeStyle timeStyle() {
        return timeStyle.get();
    }

    public void setTimeStyle(TimeStyle style) {
        timeStyle.set(style == null ? TimeStyle.H24 : style);
    }

    /** Views that write times re-render on a change, as they do on a language switch. */
    public ObjectProperty<TimeStyle> timeStyleProperty() {
        return timeStyle;
    }

    /**
     * The texts of the current language, loaded on first use after a switch. Loading them here rather than
     * in a listener matters: the {@link #text} bindings are invalidated by the same switch and may be
     * re-read before any listener ran, and they must never see the previous language's bundle.
     */
    private BundleTexts texts() {
        Locale now = locale.get();
        BundleTexts current = texts;
        if (current == null || current.locale() != now) {
            current = new BundleTexts(now);
            texts = current;
        }
        return current;
    }

    /** The texts of the language shown now, fixed: for work that renders off the FX thread. */
    public Texts snapshot() {
        return texts();
    }

    @Override
    public String get(String key) {
        return texts().get(key);
    }

    @Override
    public String format(String key, Object... args) {
        return texts().format(key, args);
    }

    /** A text that follows the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), locale);
    }

    /**
     * A text made by {@code words} now and made again after every switch of language or time style: a sentence that
     * names a status, an action or a time in the window's words, which one key cannot say. Bound to a label, it ties
     * nothing to the language that outlives the label (the language holds its bindings weakly).
     */
    public StringBinding words(Supplier<String> words) {
        return Bindings.createStringBinding(words::get, locale, timeStyle);
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
