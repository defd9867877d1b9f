package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Sentences;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** English sentences from the feed, shown in Korean; English and unknown shapes untouched. */
class SentencesTest {

    private final I18n korean = new I18n(Locale.KOREAN);
    private final I18n english = new I18n(Locale.ENGLISH);

    @Test
    void feedSentencesKeepTheirAddressAndDelay() {
        String lost = "Lost the connection to redis://10.0.1.10:6379/0 (the server closed the connection); retrying in 2 s";
        assertEquals("redis://10.0.1.10:6379/0 연결이 끊겼습니다. 2 s 후 다시 시도합니다", Sentences.feed(korean, lost));
        assertEquals(lost, Sentences.feed(english, lost));
        assertEquals("127.0.0.1:6390에서 실시간으로 받는 중",
                Sentences.feed(korean, "Live from 127.0.0.1:6390; keyspace notifications are on (\"g$xK\")"));
        assertEquals("키스페이스 알림을 쓸 수 없어 5 s마다 조회합니다",
                Sentences.feed(korean, "Keyspace notifications are off and CONFIG is denied; polling every 5 s"));
        assertEquals("Something new", Sentences.feed(korean, "Something new"));
    }
}
