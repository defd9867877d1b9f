package io.welno.console.view;

import io.welno.console.text.SafeText;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code messages} bundles (English base, Korean) for one fixed language. The command line and the logs
 * use {@link #english()}; the window's {@code I18n} holds one of these per language it has shown.
 */
public final class BundleTexts implements Texts {

    public static final String BUNDLE = "io.welno.console.view.messages";
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final class English {
        static final BundleTexts INSTANCE = new BundleTexts(ENGLISH);
    }

    private final Locale locale;
    private final ResourceBundle bundle;
    /** Parsed patterns: parsing one costs more than formatting it many times. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public BundleTexts(Locale requested) {
        this.locale = supported(requested);
        // No fallback to the JVM's default locale: English is the base bundle.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static BundleTexts english() {
        return English.INSTANCE;
    }

    /** Korean for a Korean locale, English for everything else. */
    public static Locale supported(Locale requested) {
        return requested != null && "ko".equals(requested.getLanguage()) ? KOREAN : ENGLISH;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    /** These texts with times written in {@code style} (this one writes them on the 24-hour clock). */
    public Texts withTimeStyle(TimeStyle style) {
        BundleTexts texts = this;
        return new Texts() {
            @Override
            public Locale locale() {
                return texts.locale();
            }

            @Override
            public TimeStyle timeStyle() {
                return style;
            }

            @Override
            public String get(String key) {
                return texts.get(key);
            }

            @Override
            public String format(String key, Object... args) {
                return texts.format(key, args);
            }
        };
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    @Override
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + SafeText.bounded(key, SafeText.FIELD) + "!"; // a key can be made of outside text
        }
    }

    /**
     * A text without arguments is shown as written (so "backend's" needs no doubled apostrophe); one with arguments
     * is a {@link MessageFormat} pattern. A text with neither placeholders nor doubled apostrophes is shown as written
     * even when a caller passes arguments: a family of texts shares one call, and only some of them use the argument
     * (a text whose other language has placeholders doubles its apostrophes, BundleTest checks). A Korean particle
     * written in both forms after a placeholder is settled by what fills it ({@link KoreanParticles}).
     */
    @Override
    public String format(String key, Object... args) {
        String text = get(key);
        if (args.length == 0 || text.indexOf('{') < 0 && !text.contains("''")) {
            return text;
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> {
            try {
                String pattern = bundle.getString(k);
                return new MessageFormat(locale == KOREAN ? KoreanParticles.mark(pattern) : pattern, locale);
            } catch (MissingResourceException e) {
                return new MessageFormat("'!" + k + "!'", locale);
            }
        });
        String formatted;
        synchronized (format) { // MessageFormat is not thread-safe
            formatted = format.format(args);
        }
        return locale == KOREAN ? KoreanParticles.settle(formatted) : formatted;
    }
}
