package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The approval read in the facts' one pass, message by message, is the one a walk over the whole message list finds:
 * the first approval, then back from it to the last "진행해주세요", else the last "간편인증을 요청" — on random message
 * lists, from the bytes and from the tree alike.
 */
class AuthApprovalTest {

    private final SessionCodec codec = new SessionCodec();
    private final FactsReader reader = new FactsReader(codec.treeReader().getFactory(), codec.treeReader(),
            codec.zone());

    /** Texts the backend writes on the way, and ones that look alike. */
    private static final List<String> TEXTS = List.of(
            "김하늘님의 인증 세션이 시작되었습니다.",
            "카카오톡 간편인증을 요청하고 있습니다.",
            "카카오톡 앱에서 인증을 진행해주세요.",
            "인증이 완료되지 않았습니다. 현재 상태: auth_request_sent",
            "인증이 완료되었습니다. 건강검진 데이터를 수집할 수 있습니다.",
            "카카오톡 인증이 완료되었습니다. 건강정보를 가져오는 중입니다...",
            "건강검진 데이터를 성공적으로 가져왔습니다.",
            "간편인증을 요청: 앱에서 인증을 진행해주세요.");
    private static final List<String> TYPES = List.of("info", "success", "error", "warning");

    @Test
    void theOnePassFindsWhatAWalkOverEveryMessageFinds() {
        Random random = new Random(20261204);
        int approvals = 0;
        for (int round = 0; round < 2_000; round++) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("session_id", "welno_" + round);
            doc.put("status", "auth_completed");
            ArrayNode messages = doc.putArray("messages");
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                ObjectNode m = messages.addObject();
                if (random.nextInt(6) > 0) {
                    m.put("timestamp", "2026-12-04T09:00:%02d.000001".formatted(i));
                }
                m.put("type", TYPES.get(random.nextInt(TYPES.size())));
                String text = TEXTS.get(random.nextInt(TEXTS.size()));
                if (random.nextInt(5) == 0) { // the collection task's dict body
                    ObjectNode body = m.putObject("message");
                    body.put("type", "info");
                    body.put("message", text);
                } else {
                    m.put("message", text);
                }
            }
            String json = doc.toString();
            DocumentFacts fast = reader.read(json.getBytes(StandardCharsets.UTF_8));
            assertNotNull(fast, json);
            AuthApproval expected = walk(((SessionDocument) codec.parse("welno_" + round, json)).messages());
            assertEquals(expected, fast.approval(), "from the bytes: " + json);
            assertEquals(expected, DocumentFacts.of(doc, codec.zone()).approval(), "from the tree: " + json);
            if (expected.approvedAt() != null) {
                approvals++;
            }
        }
        assertEquals(true, approvals > 200, "enough of them approved to matter: " + approvals);
    }

    /** The rule as a walk over the whole list (the way it was first written, over a parsed tree). */
    private static AuthApproval walk(List<SessionMessage> messages) {
        int approvedAt = -1;
        for (int i = 0; i < messages.size() && approvedAt < 0; i++) {
            if (AuthApproval.isApproval(messages.get(i).type(), messages.get(i).summary())) {
                approvedAt = i;
            }
        }
        if (approvedAt < 0) {
            return AuthApproval.NONE;
        }
        int sent = -1;
        int requesting = -1;
        for (int i = approvedAt - 1; i >= 0 && sent < 0; i--) {
            String text = messages.get(i).summary();
            if (text.contains("인증을 진행해주세요")) {
                sent = i;
            } else if (requesting < 0 && text.contains("간편인증을 요청")) {
                requesting = i;
            }
        }
        int request = sent >= 0 ? sent : requesting;
        return request < 0 ? AuthApproval.NONE
                : new AuthApproval(messages.get(request).timestamp(), messages.get(approvedAt).timestamp());
    }
}
