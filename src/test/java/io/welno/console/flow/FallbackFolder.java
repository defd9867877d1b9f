package io.welno.console.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The backend's fallback folder in a test: session files as its file store writes them, and one session per place. */
final class FallbackFolder {

    /** A session in each place; the diverged one's file is Redis's copy changed by the test. */
    record Places(String fileOnly, String diverged, String equal, String redisOnly) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;

    FallbackFolder(Path dir) {
        this.dir = dir;
    }

    /** A fixture as if written just now, with this id, expiring in ten minutes. */
    static ObjectNode live(String fixture, String id) {
        try {
            ObjectNode doc = (ObjectNode) MAPPER.readTree(Fixtures.live(fixture));
            doc.put("session_id", id);
            doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the backend's file store writes: {@code json.dump(doc, f, ensure_ascii=False, indent=2)}, in place. */
    void write(String id, ObjectNode doc) throws IOException {
        Files.writeString(file(id), FlowTestSupport.CODEC.write(doc), StandardCharsets.UTF_8);
    }

    ObjectNode read(String id) throws IOException {
        return (ObjectNode) MAPPER.readTree(Files.readString(file(id), StandardCharsets.UTF_8));
    }

    Path file(String id) {
        return dir.resolve(id + ".json");
    }

    /** A file-only session waiting for approval; returns its id. */
    String fileOnly(String fixture) throws IOException {
        String id = NewSessionDocuments.newSessionId("welno");
        write(id, live(fixture, id));
        return id;
    }

    Places places(RedisServerExtension redis, Consumer<ObjectNode> fileDiffers) throws IOException {
        String fileOnly = fileOnly("03_auth_request_sent.json");
        String diverged = NewSessionDocuments.newSessionId("welno");
        String equal = NewSessionDocuments.newSessionId("welno");
        String redisOnly = NewSessionDocuments.newSessionId("welno");
        ObjectNode inRedis = live("04_auth_completed.json", diverged);
        FlowTestSupport.put(redis, diverged, inRedis);
        ObjectNode older = inRedis.deepCopy();
        fileDiffers.accept(older);
        write(diverged, older);
        ObjectNode same = live("01_initiated.json", equal);
        FlowTestSupport.put(redis, equal, same);
        write(equal, same);
        FlowTestSupport.put(redis, redisOnly, live("01_initiated.json", redisOnly));
        return new Places(fileOnly, diverged, equal, redisOnly);
    }
}
