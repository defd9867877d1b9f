package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.MessageType;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session file the console rewrites keeps the permissions it had (the backend may run as another user and must
 * still read it), and one it creates gets those of a file the backend makes, not a temporary file's owner-only ones.
 */
class FileSessionStorePermissionsTest {

    @TempDir
    Path dir;

    @Test
    void aRewrittenFileKeepsItsPermissionsAndANewOneIsReadableByOthers() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        FileSessionStore store = new FileSessionStore(dir, new SessionCodec(), Timestamps.system(),
                RetryPolicy.DEFAULT);
        Path existing = Files.writeString(dir.resolve("welno_perm1.json"), Fixtures.text("01_initiated.json"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-r--"));

        assertTrue(store.update("welno_perm1", Precondition.none(),
                (current, edit) -> edit.message(MessageType.INFO, "rewritten")).applied());
        assertTrue(Files.readString(existing).contains("rewritten"));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));

        ObjectNode fresh = JsonNodeFactory.instance.objectNode().put("session_id", "welno_perm2");
        assertEquals(CreateResult.CREATED, store.create("welno_perm2", fresh, Duration.ofMinutes(30)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("welno_perm2.json"))));
    }
}
