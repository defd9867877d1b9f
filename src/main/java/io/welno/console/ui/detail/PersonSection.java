package io.welno.console.ui.detail;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.UserInfo;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.ProviderNames;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The detail pane's person: name, phone, birthdate, provider and cxId, masked unless the session was revealed. The
 * labels are made once and only their texts follow the live document.
 */
final class PersonSection {

    private static final List<String> KEYS = List.of("person.name", "person.phone", "person.birthdate",
            "person.provider", "person.cxid");

    private final GridPane person = new GridPane();
    private final List<Label> names = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final I18n i18n;

    PersonSection(I18n i18n) {
        this.i18n = i18n;
        person.setHgap(10);
        person.setVgap(4);
        for (String key : KEYS) {
            Label name = new Label();
            name.getStyleClass().add("fact-name");
            Label value = new Label();
            value.setId(key);
            names.add(name);
            values.add(value);
        }
    }

    GridPane node() {
        return person;
    }

    void show(SessionDocument doc, boolean revealed) {
        if (person.getChildren().isEmpty()) {
            for (int row = 0; row < KEYS.size(); row++) {
                person.addRow(row, names.get(row), values.get(row));
            }
        }
        UserInfo user = doc.userInfo();
        String cx = doc.authData().or(doc::tempAuthData).map(a -> revealed ? a.cxId()
                : Masking.token(a.cxId())).orElse("");
        List<String> shown = List.of(value(revealed ? user.name() : user.maskedName()),
                value(revealed ? user.phoneNo() : user.maskedPhone()),
                value(revealed ? user.birthdate() : Masking.birthdate(user.birthdate())),
                value(ProviderNames.name(i18n, user.provider())), value(cx));
        for (int row = 0; row < KEYS.size(); row++) {
            // setText leaves a label alone when its text is the same: a live copy redraws only what it changed
            names.get(row).setText(i18n.get(KEYS.get(row)));
            values.get(row).setText(shown.get(row));
        }
    }

    void clear() {
        person.getChildren().clear();
    }

    private static String value(String value) {
        return value == null ? "" : SafeText.bounded(value, SafeText.FIELD);
    }
}
