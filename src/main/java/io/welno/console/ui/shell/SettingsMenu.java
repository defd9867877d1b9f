package io.welno.console.ui.shell;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
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
 * The toolbar's settings menu: language (한국어/English) and theme (light/dark), both applied at once and
 * remembered in the user's preferences; the CSV export of the filtered table; the shortcut sheet.
 */
public final class SettingsMenu extends MenuButton {

    private final RadioMenuItem korean = new RadioMenuItem();
    private final RadioMenuItem english = new RadioMenuItem();
    private final RadioMenuItem light = new RadioMenuItem();
    private final RadioMenuItem dark = new RadioMenuItem();
    private final MenuItem export = new MenuItem();
    private final MenuItem shortcuts = new MenuItem();
    private boolean syncing;

    SettingsMenu(I18n i18n, Consumer<Locale> onLanguage, Consumer<Themes> onTheme, Runnable onExport,
                 Runnable onShortcuts, KeyCombination exportKeys, KeyCombination shortcutKeys) {
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

        export.setId("menu-export");
        export.textProperty().bind(i18n.text("settings.export"));
        export.setAccelerator(exportKeys);
        export.setOnAction(e -> onExport.run());
        shortcuts.setId("menu-shortcuts");
        shortcuts.textProperty().bind(i18n.text("settings.shortcuts"));
        shortcuts.setAccelerator(shortcutKeys);
        shortcuts.setOnAction(e -> onShortcuts.run());

        getItems().addAll(language, theme, new SeparatorMenuItem(), export, shortcuts);
        showLanguage(i18n.locale());
        i18n.localeProperty().addListener((o, a, now) -> showLanguage(now));
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
