package io.welno.console.ui.shell;

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

        Menu language = new Menu();
        language.setId("menu-language");
        language.textProperty().bind(i18n.text("settings.language"));
        ToggleGroup languages = new ToggleGroup();
        korean.setId("menu-lang-ko");
        korean.textProperty().bind(i18n.text("settings.language.ko"));
        korean.setToggleGroup(languages);
        english.setId("menu-lang-en");
        english.textProperty().bind(i18n.text("settings.language.en"));
        english.setToggleGroup(languages);
        language.getItems().addAll(korean, english);
        korean.setOnAction(e -> choose(() -> onLanguage.accept(I18n.KOREAN)));
        english.setOnAction(e -> choose(() -> onLanguage.accept(I18n.ENGLISH)));

        Menu theme = new Menu();
        theme.setId("menu-theme");
        theme.textProperty().bind(i18n.text("settings.theme"));
        ToggleGroup themes = new ToggleGroup();
        light.setId("menu-theme-light");
        light.textProperty().bind(i18n.text("settings.theme.light"));
        light.setToggleGroup(themes);
        dark.setId("menu-theme-dark");
        dark.textProperty().bind(i18n.text("settings.theme.dark"));
        dark.setToggleGroup(themes);
        theme.getItems().addAll(light, dark);
        light.setOnAction(e -> choose(() -> onTheme.accept(Themes.LIGHT)));
        dark.setOnAction(e -> choose(() -> onTheme.accept(Themes.DARK)));

        Menu times = new Menu();
        times.setId("menu-time");
        times.textProperty().bind(i18n.text("settings.time"));
        ToggleGroup timeStyles = new ToggleGroup();
        hours24.setId("menu-time-24h");
        hours24.textProperty().bind(i18n.text("settings.time.h24"));
        hours24.setToggleGroup(timeStyles);
        localeTimes.setId("menu-time-locale");
        localeTimes.textProperty().bind(i18n.text("settings.time.locale"));
        localeTimes.setToggleGroup(timeStyles);
        times.getItems().addAll(hours24, localeTimes);
        hours24.setOnAction(e -> choose(() -> onTimeStyle.accept(TimeStyle.H24)));
        localeTimes.setOnAction(e -> choose(() -> onTimeStyle.accept(TimeStyle.LOCALE)));

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
