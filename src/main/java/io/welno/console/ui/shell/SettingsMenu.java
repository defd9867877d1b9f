package io.welno.console.ui.shell;

import io.welno.console.ui.common.FieldNames;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.view.TimeStyle;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/**
 * The toolbar's settings menu: language (한국어/English), theme (light/dark) and how times are written (24-hour or
 * the language's style), applied at once and remembered in the user's preferences; the CSV export of the filtered table; the shortcut sheet.
 */
public final class SettingsMenu extends MenuButton {

    private final RadioMenuItem korean = new RadioMenuItem();
    private final RadioMenuItem english = new RadioMenuItem();
    private final RadioMenuItem light = new RadioMenuItem();
    private final RadioMenuItem dark = new RadioMenuItem();
    private final RadioMenuItem hours24 = new RadioMenuItem();
    private final RadioMenuItem localeTimes = new RadioMenuItem();
    private final MenuItem export = new MenuItem();
    private final MenuItem shortcuts = new MenuItem();
    private boolean syncing;

    SettingsMenu(I18n i18n, Consumer<Locale> onLanguage, Consumer<Themes> onTheme, Consumer<TimeStyle> onTimeStyle,
                 Runnable onExport, Runnable onShortcuts, KeyCombination exportKeys, KeyCombination shortcutKeys) {
        setId("settingsMenu");
        getStyleClass().add("settings-menu");
        textProperty().bind(i18n.text("settings.menu"));
        FieldNames.name(this);

        Menu language = choices(i18n, "menu-language", "settings.language",
                option(i18n, korean, "menu-lang-ko", "settings.language.ko", () -> onLanguage.accept(I18n.KOREAN)),
                option(i18n, english, "menu-lang-en", "settings.language.en", () -> onLanguage.accept(I18n.ENGLISH)));
        Menu theme = choices(i18n, "menu-theme", "settings.theme",
                option(i18n, light, "menu-theme-light", "settings.theme.light", () -> onTheme.accept(Themes.LIGHT)),
                option(i18n, dark, "menu-theme-dark", "settings.theme.dark", () -> onTheme.accept(Themes.DARK)));
        Menu times = choices(i18n, "menu-time", "settings.time",
                option(i18n, hours24, "menu-time-24h", "settings.time.h24", () -> onTimeStyle.accept(TimeStyle.H24)),
                option(i18n, localeTimes, "menu-time-locale", "settings.time.locale",
                        () -> onTimeStyle.accept(TimeStyle.LOCALE)));

        export.setId("menu-export");
        export.textProperty().bind(i18n.text("settings.export"));
        export.setAccelerator(exportKeys);
        export.setOnAction(e -> onExport.run());
        shortcuts.setId("menu-shortcuts");
        shortcuts.textProperty().bind(i18n.text("settings.shortcuts"));
        shortcuts.setAccelerator(shortcutKeys);
        shortcuts.setOnAction(e -> onShortcuts.run());

        getItems().addAll(language, theme, times, new SeparatorMenuItem(), export, shortcuts);
        showLanguage(i18n.locale());
        i18n.localeProperty().addListener((o, a, now) -> showLanguage(now));
        showTimeStyle(i18n.timeStyle());
        i18n.timeStyleProperty().addListener((o, a, now) -> showTimeStyle(now));
    }

    /** A submenu of mutually exclusive options. */
    private static Menu choices(I18n i18n, String id, String key, RadioMenuItem... options) {
        Menu menu = new Menu();
        menu.setId(id);
        menu.textProperty().bind(i18n.text(key));
        ToggleGroup group = new ToggleGroup();
        for (RadioMenuItem option : options) {
            option.setToggleGroup(group);
        }
        menu.getItems().addAll(options);
        return menu;
    }

    /** One option, named in the current language; {@code action} runs when the operator (not a sync) picks it. */
    private RadioMenuItem option(I18n i18n, RadioMenuItem item, String id, String key, Runnable action) {
        item.setId(id);
        item.textProperty().bind(i18n.text(key));
        item.setOnAction(e -> choose(action));
        return item;
    }

    private void choose(Runnable action) {
        if (!syncing) {
            action.run();
        }
    }

    void showLanguage(Locale locale) {
        syncing = true;
        try {
            ("ko".equals(locale.getLanguage()) ? korean : english).setSelected(true);
        } finally {
            syncing = false;
        }
    }

    private void showTimeStyle(TimeStyle style) {
        syncing = true;
        try {
            (style == TimeStyle.LOCALE ? localeTimes : hours24).setSelected(true);
        } finally {
            syncing = false;
        }
    }

    void showTheme(Themes theme) {
        syncing = true;
        try {
            (theme == Themes.DARK ? dark : light).setSelected(true);
        } finally {
            syncing = false;
        }
    }

    public MenuItem item(String id) {
        for (MenuItem item : getItems()) {
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu menu) {
                for (MenuItem sub : menu.getItems()) {
                    if (id.equals(sub.getId())) {
                        return sub;
                    }
                }
            }
        }
        throw new IllegalArgumentException("No menu item " + id);
    }
}
