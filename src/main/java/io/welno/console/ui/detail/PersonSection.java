package io.welno.console.ui.detail;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.UserInfo;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.ProviderNames;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The detail pane's person: name, phone, birthdate, provider and cxId, masked unless the session was revealed. */
final class PersonSection {

    private final GridPane person = new GridPane();
    private final I18n i18n;

    PersonSection(I18n i18n) {
        this.i18n = i18n;
        person.setHgap(10);
        person.setVgap(4);
    }

    GridPane node() {
        return person;
    }

    void show(SessionDocument doc, boolean revealed) {
        clear();
        UserInfo user = doc.userInfo();
        row(0, "person.name", revealed ? user.name() : user.maskedName());
        row(1, "person.phone", revealed ? user.phoneNo() : user.maskedPhone());
        row(2, "person.birthdate", revealed ? user.birthdate() : Masking.birthdate(user.birthdate()));
        row(3, "person.provider", ProviderNames.name(i18n, user.provider()));
        String cx = doc.authData().or(doc::tempAuthData).map(a -> revealed ? a.cxId()
                : Masking.token(a.cxId())).orElse("");
        row(4, "person.cxid", cx);
    }

    void clear() {
        person.getChildren().clear();
    }

    private void row(int row, String key, String value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label(value == null ? "" : SafeText.bounded(value, SafeText.FIELD));
        text.setId(key);
        person.addRow(row, name, text);
    }
}
