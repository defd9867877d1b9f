package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.text.PhrasedException;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profiles file that cannot be read is named in the window's language with the file and where in it the mistake
 * is: the parser's usual complaints, a file cut short and a value of the wrong kind have words of their own, so a
 * Korean user never meets the parser's English sentence.
 */
class ConnectionProfilesFailureTest {

    @TempDir
    Path dir;

    @Test
    void anUnreadableProfilesFileIsNamedInKorean() throws Exception {
        Path file = Files.writeString(dir.resolve("profiles.json"), "[{\"name\": \"prod\",");
        PhrasedException refused = assertThrows(PhrasedException.class, () -> new ConnectionProfiles(file).load());
        assertEquals("profiles.readFailed", refused.phrase().key());
        String korean = Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(refused.phrase());
        assertTrue(korean.startsWith("연결 프로필 파일 " + file + "을(를) 읽지 못했습니다: "), korean);
        assertEnglishFree(korean);
    }

    @Test
    void aHandEditedMistakeIsSaidByLineAndColumnInBothLanguages() throws Exception {
        Path comma = Files.writeString(dir.resolve("comma.json"), "[{\"name\": \"prod\",}]");
        assertEquals("연결 프로필 파일 " + comma + "을(를) 읽지 못했습니다: 1행 18열의 JSON이 올바르지 않습니다: "
                + "이 자리에 올 수 없는 문자 '}'", korean(comma));
        assertEquals("Cannot read the connection profiles in " + comma + ": its JSON is not valid at line 1, column 18:"
                + " unexpected character '}'", Wording.cli().render(refusal(comma)));
        Path number = Files.writeString(dir.resolve("number.json"), "[{\"name\": \"prod\", \"url\": [1]}]");
        String wrongKind = korean(number);
        assertTrue(wrongKind.endsWith("[0].url의 값(1행 26열)이 그 자리에 맞는 종류가 아닙니다"), wrongKind);
        assertEnglishFree(wrongKind);
        assertTrue(Wording.cli().render(refusal(number)).endsWith("the value at [0].url (line 1, column 26) is not of"
                + " the kind expected there"), Wording.cli().render(refusal(number)));
        // an emptied file and a single profile without its list are said as what they are, not as a value at "?"
        assertTrue(korean(Files.writeString(dir.resolve("empty.json"), "")).endsWith(": 파일이 비어 있습니다"));
        assertTrue(Wording.cli().render(refusal(Files.writeString(dir.resolve("one.json"), "{\"name\": \"prod\"}")))
                .endsWith(": the file's outermost value is not of the kind expected"));
    }

    private static io.welno.console.text.Phrase refusal(Path file) {
        return assertThrows(PhrasedException.class, () -> new ConnectionProfiles(file).load()).phrase();
    }

    private static String korean(Path file) {
        return Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(refusal(file));
    }

    /** The file's path is the reader's own; everything else is Korean (JSON is a name). */
    private void assertEnglishFree(String said) {
        String words = said.replaceAll(java.util.regex.Pattern.quote(dir.toString()) + "/\\S+?\\.json", "")
                .replace("JSON", "").replace("url", "");
        assertTrue(!words.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + said);
    }
}
