package io.welno.console.ui;

import io.welno.console.session.AuthProvider;

/** Provider names in the current language. */
final class ProviderNames {

    private ProviderNames() {
    }

    static String name(I18n i18n, AuthProvider provider) {
        return i18n.locale().getLanguage().equals("ko") ? provider.koreanName() : provider.englishName();
    }
}
