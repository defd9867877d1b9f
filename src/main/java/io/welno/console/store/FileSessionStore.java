package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.text.FileWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The backend's fallback directory ({@code data/tilko_sessions/{id}.json}), used when Redis was down.
 * Same contract as Redis: compare-and-set on the bytes read, under a lock shared by every console
 * process (an OS file lock) and thread (an in-process lock, since OS locks are per process), written to
 * a temp file and renamed atomically so the backend never reads a half-written file. Files have no TTL.
 */
public final class FileSessionStore implements SessionStore {

    private static final String SUFFIX = ".json";
    private static final String LOCK_DIR = ".welno-console-locks";
    /** Ids become file names: refuse anything that could escape the directory. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Path directory;
    private final SessionCodec codec;
    private final OptimisticUpdater updater;
    /** OS file locks are held per process, so every store instance in this JVM must share these. */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    public FileSessionStore(Path directory, SessionCodec codec, Timestamps timestamps, RetryPolicy retry) {
        this.directory = directory;
        this.codec = codec;
        this.updater = new OptimisticUpdater(new CasBackend(), codec, timestamps, retry);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        List<StoredSession> batch = new ArrayList<>();
        long delivered = 0;
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                read(idOf(name)).ifPresent(batch::add);
                if (batch.size() == ParallelScan.DEFAULT_CHUNK) {
                    batchSink.accept(batch);
                    delivered += batch.size();
                    batch = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        if (!batch.isEmpty()) {
            batchSink.accept(batch);
            delivered += batch.size();
        }
        return delivered;
    }

    @Override
    public Optional<StoredSession> get(String id) {
        return read(id);
    }

    /**
     * The ids of the session files, from the directory's names alone (no file is opened): a listing beside Redis's
     * reads only the files whose id it has to compare or show.
     */
    public Set<String> ids() {
        Set<String> ids = new HashSet<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = idOf(name);
                if (!name.startsWith(".") && SAFE_ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        return ids;
    }

    /**
     * Why {@code directory} cannot serve as the backend's fallback directory, or empty when it can: it must exist,
     * be a directory and be readable (writing is checked when an action writes, and fails with its cause then).
     */
    public static Optional<Phrase> directoryProblem(Path directory) {
        String shown = SafeText.bounded(String.valueOf(directory), SafeText.FIELD);
        if (!Files.exists(directory)) {
            return Optional.of(Phrase.of("files.missing", shown));
        }
        if (!Files.isDirectory(directory)) {
            return Optional.of(Phrase.of("files.notDirectory", shown));
        }
        if (!Files.isReadable(directory)) {
            return Optional.of(Phrase.of("files.unreadable", shown));
        }
        return Optional.empty();
    }

    private Optional<StoredSession> read(String id) {
        byte[] bytes;
        try {
            bytes = readBytes(id);
        } catch (UncheckedIOException e) {
            // One file that cannot be read (a folder named like one, no permission) is listed as unreadable, saying
            // why; it must not hide every other session of the folder
            return Optional.of(new StoredSession(UnreadableSession.of(id, Phrase.of("unreadable.file",
                    FileWords.of(e)), ""), StoredSession.UNKNOWN_TTL, null));
        }
        if (bytes == null) {
            return Optional.empty();
        }
        // From the bytes, as values from Redis: one rule for what is unreadable.
        return Optional.of(new StoredSession(codec.parse(id, bytes), StoredSession.UNKNOWN_TTL, bytes));
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        try {
            return withLock(id, () -> {
                if (Files.exists(file(id))) {
                    return CreateResult.ALREADY_EXISTS;
                }
                replace(id, codec.write(document));
                return CreateResult.CREATED;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        if (!SAFE_ID.matcher(id).matches()) {
            return new UpdateResult.Missing(id);
        }
        return updater.update(id, precondition, mutation);
    }

    @Override
    public String describe() {
        return "files in " + directory;
    }

    @Override
    public void close() {
        // Nothing held between calls.
    }

    /** Where the session's file is (it may not exist); an id that is no safe file name is refused. */
    public Path path(String id) {
        return file(id);
    }

    private Path file(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a session id: " + id);
        }
        return directory.resolve(id + SUFFIX);
    }

    private static String idOf(String fileName) {
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    private byte[] readBytes(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return null;
        }
        try {
            return Files.readAllBytes(file(id));
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            throw new UncheckedIOException("Cannot read session file for " + id, e);
        } catch (IOException e) {
            // "Is a directory" and the like come without a file of their own: named here, so that the failure is
            // said as the folder's (StoreFailure's FILE_FAILED), not taken for Redis's
            FileSystemException named = new FileSystemException(file(id).toString(), null, e.getMessage());
            named.initCause(e);
            throw new UncheckedIOException("Cannot read session file for " + id, named);
        }
    }

    private void replace(String id, String content) throws IOException {
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + id + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            keepPermissions(file(id), temp);
            try {
                Files.move(temp, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The written file gets the permissions of the one it replaces, or those of a file the backend's Python makes
     * (rw-r--r--, the usual umask): a temporary file is rw------- for the console's user alone, and a backend running
     * as another user could no longer read the session, which it would then take for missing.
     */
    private static void keepPermissions(Path target, Path written) throws IOException {
        if (!written.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: the file inherits the folder's access list
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(target);
        } catch (NoSuchFileException e) {
            permissions = PosixFilePermissions.fromString("rw-r--r--");
        }
        Files.setPosixFilePermissions(written, permissions);
    }

    private interface LockedWork<T> {
        T run() throws IOException;
    }

    private <T> T withLock(String id, LockedWork<T> work) throws IOException {
        Path lockDir = directory.resolve(LOCK_DIR);
        Path lockFile = lockDir.resolve(id + ".lock").toAbsolutePath().normalize();
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockFile, key -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lockDir);
            try (FileChannel channel = FileChannel.open(lockFile,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    private final class CasBackend implements OptimisticUpdater.Backend {
        @Override
        public StoredSession read(String id) {
            return FileSessionStore.this.read(id).orElse(null);
        }

        @Override
        public OptimisticUpdater.CasOutcome compareAndSet(String id, byte[] expected, String replacement)
                throws IOException {
            return withLock(id, () -> {
                byte[] current = readBytes(id);
                if (current == null) {
                    return OptimisticUpdater.CasOutcome.MISSING;
                }
                if (!Arrays.equals(current, expected)) {
                    return OptimisticUpdater.CasOutcome.CONFLICT;
                }
                replace(id, replacement);
                return OptimisticUpdater.CasOutcome.APPLIED;
            });
        }
    }
}
