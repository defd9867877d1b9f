package io.welno.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.MessageType;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.Progress;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.tilko.sim.SyntheticPayloads;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Backend-shaped session documents ({@code json.dumps(indent=2)} layout, Korean names, naive timestamps) in the
 * mix a busy backend holds: most sessions early in the flow (~1.5 KB), some authenticated (~3 KB), a tenth
 * completed with health and prescription data (6–40 KB). Built once as templates; each session gets its own id.
 */
final class BenchCorpus {

    static final String ID_TOKEN = "@@SESSION_ID@@";
    static final String STAMP_FIELD = "bench_written_nanos";
    private static final String STAMP_TOKEN = "\"" + STAMP_FIELD + "\": 0";
    private static final int TEMPLATES = 200;
    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
    private static final String[] GIVEN = {"하늘", "민준", "서연", "지호", "수아", "도윤", "하은", "예준", "지우", "시우"};

    /** Index i → template, in the early/authenticated/completed proportions 70/20/10. */
    private final String[] templates = new String[TEMPLATES];
    /** Each template cut around its one id and its stamp: before id, between, after stamp. */
    private final String[][] pieces = new String[TEMPLATES][];
    /** The same pieces as UTF-8, so the P2 writer assembles a stamped document without encoding it each time. */
    private final byte[][][] pieceBytes = new byte[TEMPLATES][][];
    private final long averageBytes;
    private final long[] bucketBytes = new long[3];
    private final int minBytes;
    private final int maxBytes;

    BenchCorpus(long seed) {
        Random random = new Random(seed);
        SessionCodec codec = new SessionCodec();
        Timestamps timestamps = Timestamps.system();
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int t = 0; t < TEMPLATES; t++) {
            int bucket = t % 10;
            ObjectNode doc = bucket < 7 ? early(random, timestamps) : bucket < 9 ? authenticated(random, timestamps)
                    : completed(random, timestamps, 6_000 + (int) (34_000 * Math.pow(random.nextDouble(), 2)), codec);
            doc.put(STAMP_FIELD, 0);
            String text = codec.write(doc);
            templates[t] = text;
            int idAt = text.indexOf(ID_TOKEN);
            int stampAt = text.indexOf(STAMP_TOKEN);
            if (idAt < 0 || idAt != text.lastIndexOf(ID_TOKEN) || stampAt < idAt) {
                throw new IllegalStateException("template " + t + " does not have one id before its stamp");
            }
            pieces[t] = new String[] {text.substring(0, idAt), text.substring(idAt + ID_TOKEN.length(), stampAt),
                    text.substring(stampAt + STAMP_TOKEN.length())};
            pieceBytes[t] = new byte[][] {utf8(pieces[t][0]), utf8(pieces[t][1] + "\"" + STAMP_FIELD + "\": "),
                    utf8(pieces[t][2])};
            int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += bytes;
            bucketBytes[bucket < 7 ? 0 : bucket < 9 ? 1 : 2] += bytes;
            min = Math.min(min, bytes);
            max = Math.max(max, bytes);
        }
        averageBytes = total / TEMPLATES;
        minBytes = min;
        maxBytes = max;
    }

    private static final byte[] ID_HEAD = utf8("welno_bench");
    private static final int ID_DIGITS = 21;

    static String id(int i) {
        return new String(idBytes(i), StandardCharsets.US_ASCII);
    }

    /** {@link #id} as bytes, without a Formatter: the P2 writer needs 10,000 of these a second. */
    static byte[] idBytes(int i) {
        byte[] out = Arrays.copyOf(ID_HEAD, ID_HEAD.length + ID_DIGITS);
        long rest = i;
        for (int at = out.length - 1; at >= ID_HEAD.length; at--) {
            out[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return out;
    }

    /** The document of session i, as the backend would have written it. */
    String document(int i) {
        return templates[Math.floorMod(i * 7919, TEMPLATES)].replace(ID_TOKEN, id(i));
    }

    /**
     * The document of session i carrying a write stamp (System.nanoTime of this JVM) in {@link #STAMP_FIELD}. Cheap:
     * the writer of P2 builds 10,000 of these a second on a machine it shares with the feed.
     */
    String stamped(int i, long nanos) {
        String[] p = pieces[Math.floorMod(i * 7919, TEMPLATES)];
        String id = id(i);
        StringBuilder out = new StringBuilder(p[0].length() + p[1].length() + p[2].length() + 48);
        return out.append(p[0]).append(id).append(p[1]).append('"').append(STAMP_FIELD).append("\": ").append(nanos)
                .append(p[2]).toString();
    }

    /**
     * {@link #stamped} as the UTF-8 bytes Redis gets, assembled from pieces encoded once: on two shared cores the
     * writer must not take the CPU the feed is measured on (building and encoding a Korean document as a String cost
     * more CPU than the whole feed at 10,000 writes a second).
     */
    byte[] stampedBytes(int i, long nanos) {
        byte[][] p = pieceBytes[Math.floorMod(i * 7919, TEMPLATES)];
        byte[] id = idBytes(i);
        byte[] stamp = Long.toString(nanos).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[p[0].length + id.length + p[1].length + stamp.length + p[2].length];
        int at = 0;
        for (byte[] piece : new byte[][] {p[0], id, p[1], stamp, p[2]}) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A small early-stage document (for hot-key updates and churn), the same every call for one index. */
    String small(int i) {
        return templates[Math.floorMod(i, 7) * 10].replace(ID_TOKEN, id(i));
    }

    long averageBytes() {
        return averageBytes;
    }

    /** "early 1.5 KB, authenticated 3.0 KB, completed 17 KB" (averages). */
    String mix() {
        return String.format(java.util.Locale.ROOT, "70 %% early %.1f KB, 20 %% authenticated %.1f KB, 10 %% completed "
                + "%.1f KB (averages)", bucketBytes[0] / 140 / 1000.0, bucketBytes[1] / 40 / 1000.0,
                bucketBytes[2] / 20 / 1000.0);
    }

    int minBytes() {
        return minBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    private static UserInfo person(Random random) {
        String name = FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String birth = String.format(Locale.ROOT, "19%02d%02d%02d", 50 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String phone = String.format(Locale.ROOT, "010%08d", random.nextInt(100_000_000));
        String[] types = {"0", "4", "6"};
        return new UserInfo(name, birth, phone, random.nextBoolean() ? "M" : "F", types[random.nextInt(3)]);
    }

    private static ObjectNode early(Random random, Timestamps timestamps) {
        UserInfo user = person(random);
        ObjectNode doc = NewSessionDocuments.initiated(ID_TOKEN, "welno", user, timestamps);
        SessionEditor edit = new SessionEditor(doc, timestamps);
        int stage = random.nextInt(3);
        if (stage >= 1) {
            edit.status(SessionStatus.AUTH_REQUESTING);
            edit.progress(Progress.AUTH_REQUESTED, true);
            edit.message(MessageType.INFO, "카카오톡 간편인증을 요청하고 있습니다.");
        }
        if (stage >= 2) {
            edit.status(SessionStatus.AUTH_REQUEST_SENT);
            edit.put(SessionDocument.TEMP_AUTH_DATA, tempAuth(random, user));
            edit.extend(300);
            edit.message(MessageType.INFO, "카카오톡 앱에서 인증을 진행해주세요.");
        }
        return edit.tree();
    }

    private static ObjectNode authenticated(Random random, Timestamps timestamps) {
        UserInfo user = person(random);
        ObjectNode doc = NewSessionDocuments.initiated(ID_TOKEN, "welno", user, timestamps);
        SessionEditor edit = new SessionEditor(doc, timestamps);
        ObjectNode temp = tempAuth(random, user);
        edit.put(SessionDocument.TEMP_AUTH_DATA, temp);
        ObjectNode auth = JsonNodeFactory.instance.objectNode();
        auth.put("CxId", temp.path("cxId").asText());
        auth.put("PrivateAuthType", user.privateAuthType());
        auth.put("ReqTxId", temp.path("reqTxId").asText());
        auth.put("Token", temp.path("token").asText());
        auth.put("TxId", temp.path("txId").asText());
        edit.put(SessionDocument.AUTH_DATA, auth);
        edit.status(SessionStatus.AUTH_COMPLETED);
        edit.progress(Progress.AUTH_REQUESTED, true);
        edit.progress(Progress.AUTH_COMPLETED, true);
        edit.message(MessageType.INFO, "카카오톡 간편인증을 요청하고 있습니다.");
        edit.message(MessageType.INFO, "카카오톡 앱에서 인증을 진행해주세요.");
        for (int i = 0; i < 3 + random.nextInt(4); i++) {
            edit.message(MessageType.INFO, "인증 상태를 확인하고 있습니다. 잠시만 기다려주세요. (" + (i + 1) + "회)");
        }
        edit.message(MessageType.SUCCESS, "인증이 완료되었습니다.");
        return edit.tree();
    }

    private static ObjectNode completed(Random random, Timestamps timestamps, int targetBytes, SessionCodec codec) {
        ObjectNode doc = authenticated(random, timestamps);
        UserInfo user = new UserInfo(doc.path("user_info").path("name").asText(),
                doc.path("user_info").path("birthdate").asText(), null, null, null);
        SessionEditor edit = new SessionEditor(doc, timestamps);
        ObjectNode health = SyntheticPayloads.checkupEnvelope(user.name(), user.birthdate(),
                timestamps.nowLocal().toLocalDate());
        ObjectNode prescriptions = SyntheticPayloads.prescriptionEnvelope(user.name(), user.birthdate(),
                timestamps.nowLocal().toLocalDate());
        edit.put(SessionDocument.HEALTH_DATA, health);
        edit.put(SessionDocument.PRESCRIPTION_DATA, prescriptions);
        edit.progress(Progress.HEALTH_DATA_FETCHED, true);
        edit.progress(Progress.PRESCRIPTION_DATA_FETCHED, true);
        edit.progress(Progress.COMPLETED, true);
        edit.status(SessionStatus.COMPLETED);
        edit.put("collection_completed", true);
        edit.message(MessageType.SUCCESS, "건강검진 및 처방전 데이터 수집이 완료되었습니다.");
        fitTo(doc, targetBytes, codec);
        return doc;
    }

    /** Drops prescription, then checkup records, or repeats prescription records, until the document is about {@code target} bytes. */
    private static void fitTo(ObjectNode doc, int target, SessionCodec codec) {
        JsonNode rxNode = doc.path(SessionDocument.PRESCRIPTION_DATA).path("ResultList");
        JsonNode hxNode = doc.path(SessionDocument.HEALTH_DATA).path("ResultList");
        if (!(rxNode instanceof ArrayNode rx) || !(hxNode instanceof ArrayNode hx) || rx.isEmpty()) {
            return;
        }
        List<JsonNode> originals = new ArrayList<>();
        rx.forEach(originals::add);
        while (size(doc, codec) > target && rx.size() > 1) {
            rx.remove(rx.size() - 1);
        }
        while (size(doc, codec) > target && hx.size() > 1) {
            hx.remove(hx.size() - 1);
        }
        int k = 0;
        while (size(doc, codec) < target && k < 10_000) {
            rx.add(originals.get(k++ % originals.size()).deepCopy());
        }
    }

    private static int size(ObjectNode doc, SessionCodec codec) {
        return codec.write(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static ObjectNode tempAuth(Random random, UserInfo user) {
        ObjectNode temp = JsonNodeFactory.instance.objectNode();
        temp.put("cxId", java.util.UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString());
        temp.put("privateAuthType", user.privateAuthType());
        temp.put("reqTxId", Long.toHexString(random.nextLong()));
        temp.put("token", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        temp.put("txId", Long.toHexString(random.nextLong()));
        temp.put("userName", user.name());
        temp.put("birthDate", user.birthdate());
        temp.put("userCellphoneNumber", user.phoneNo());
        return temp;
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
}
