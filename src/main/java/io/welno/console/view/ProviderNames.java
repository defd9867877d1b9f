package io.welno.console.view;

import io.welno.console.session.AuthProvider;

/** Provider names in the current language. */
public final class ProviderNames {

    private ProviderNames() {
    }

    public static String name(Texts i18n, AuthProvider provider) {
        return i18n.locale().getLanguage().equals("ko") ? provider.koreanName() : provider.englishName();
    }
}
