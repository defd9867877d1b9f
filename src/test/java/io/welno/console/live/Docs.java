package io.welno.console.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** Small backend-shaped documents, and a thread factory that remembers what it made. */
final class Docs {

    static final String PREFIX = "tilko_session:";

    private Docs() {
    }

    static String key(String id) {
        return PREFIX + id;
    }

    /** Like the backend's json.dumps(indent=2): session_id, status, user_info, a counter {@code n}. */
    static String doc(String id, String status, long n) {
        return "{\n  \"session_id\": \"" + id + "\",\n  \"status\": \"" + status + "\",\n"
                + "  \"user_info\": {\n    \"name\": \"김하늘\",\n    \"phone_no\": \"01012345678\"\n  },\n"
                + "  \"messages\": [],\n  \"n\": " + n + "\n}";
    }

    /** Remembers every thread it creates, so a test can prove close() ended them all. */
    static final class TrackingThreads implements ThreadFactory {
        private final List<Thread> created = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable);
            created.add(thread);
            return thread;
        }

        List<Thread> alive() {
            List<Thread> alive = new ArrayList<>();
            for (Thread thread : created) {
                if (thread.isAlive()) {
                    alive.add(thread);
                }
            }
            return alive;
        }

        int created() {
            return created.size();
        }
    }
}
