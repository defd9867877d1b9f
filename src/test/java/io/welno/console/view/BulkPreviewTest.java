package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionPreview;
import io.welno.console.flow.ActionRequest;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkPreviewTest {

    private final LocalDateTime start = LocalDateTime.now(Timestamps.DEFAULT_ZONE).withNano(0);
    private final Wording korean = Wording.window(new BundleTexts(BundleTexts.KOREAN));
    private final Wording english = Wording.window(new BundleTexts(BundleTexts.ENGLISH));

    private SessionDocument doc(String id, String status) {
        return TestRows.session(id, status, start).row().document();
    }

    private ActionPreview allowed(String id, String before, String after) {
        return new ActionPreview(new ActionRequest(ActionKind.SIMPLE_AUTH, id, "Tilko 장애 후 재전송", false, false),
                doc(id, before), doc(id, after), null, null);
    }

    @Test
    void aFirstWriteThatKeepsTheStatusSaysSoInsteadOfTheSameStatusTwice() {
        BulkPreview preview = BulkPreview.of(List.of(
                allowed("welno_bulkpreview0000000000000000000001", "error", "auth_requesting"),
                allowed("welno_bulkpreview0000000000000000000002", "auth_requesting", "auth_requesting")));

        assertEquals("오류 → 인증 요청 중", korean.render(preview.lines().get(0).what()));
        assertEquals("인증 요청 중 그대로, 다시 실행", korean.render(preview.lines().get(1).what()));
        assertEquals("Requesting auth (unchanged), runs again", english.render(preview.lines().get(1).what()));
        assertEquals(2, preview.allowed());
    }
}
