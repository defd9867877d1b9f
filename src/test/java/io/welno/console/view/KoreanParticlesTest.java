package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A particle written in both forms after a placeholder takes the one the filled-in word's last sound asks for. */
class KoreanParticlesTest {

    private static String format(String pattern, Object... args) {
        return KoreanParticles.settle(new MessageFormat(KoreanParticles.mark(pattern), Locale.KOREAN).format(args));
    }

    @Test
    void aHangulWordDecidesByItsFinalConsonant() {
        assertEquals("멈춘 수집 초기화를 저장했습니다", format("{0}을(를) 저장했습니다", "멈춘 수집 초기화"));
        assertEquals("세션을 저장했습니다", format("{0}을(를) 저장했습니다", "세션"));
        assertEquals("상태 '승인 대기'가 바뀌었습니다", format("상태 ''{0}''이(가) 바뀌었습니다", "승인 대기"));
        assertEquals("\"완료\"는", format("\"{0}\"은(는)", "완료"));
        assertEquals("세션과 파일과 키와", format("{0}와(과) {1}와(과) {2}과(와)", "세션", "파일", "키"));
    }

    @Test
    void withRieulTheDirectionalParticleIsRoAsWithoutAConsonant() {
        assertEquals("서울로, 부산으로, 대구로", format("{0}(으)로, {1}(으)로, {2}(으)로", "서울", "부산", "대구"));
    }

    @Test
    void aDigitIsReadAsKoreanReadsIt() {
        assertEquals("17:05:02가 지나야", format("{0}이(가) 지나야", "17:05:02"));
        assertEquals("3이", format("{0}이(가)", "3"));
        assertEquals("7로", format("{0}(으)로", "7"));
        assertEquals("6으로", format("{0}(으)로", "6"));
    }

    @Test
    void whatCannotBeToldForSureKeepsBothForms() {
        assertEquals("welno_ab을(를)", format("{0}을(를)", "welno_ab"));
        assertEquals("10이(가)", format("{0}이(가)", "10"), "영, or 십");
        assertEquals("Redis은(는)", format("{0}은(는)", "Redis"));
        assertEquals("(가)을(를)", format("({0}){1}을(를)", "가", ""), "nothing filled in: the parenthesis before");
    }

    @Test
    void onlyTheParticlesOfThePatternAreTouchedNotTheTextFilledIn() {
        assertEquals("틸코: 입력값을(를) 확인하세요 — 세션을", format("틸코: {0} — {1}을(를)", "입력값을(를) 확인하세요", "세션"));
        assertEquals("\uE000x", format("{0}", "\uE000x"), "a mark that came from outside stays with its text");
    }

    @Test
    void theWindowsKoreanTextsSettleThem() {
        Texts korean = new BundleTexts(BundleTexts.KOREAN);
        assertEquals("세션 welno_a1: 건강 데이터 수집을 시작했습니다. 수집은 백그라운드에서 계속되고, 끝나면 알려 드립니다.",
                korean.format("notify.result.APPLIED.collect", "건강 데이터 수집", "welno_a1"));
        assertEquals("세션 welno_a1: 멈춘 수집 초기화를 시작했습니다. 수집은 백그라운드에서 계속되고, 끝나면 알려 드립니다.",
                korean.format("notify.result.APPLIED.collect", "멈춘 수집 초기화", "welno_a1"));
    }
}
