package io.welno.console.demo;

import io.welno.console.session.UserInfo;
import java.util.Locale;
import java.util.Random;

/** Synthetic people for the demo: plausible Korean names, 010 numbers and birthdates, none real. */
final class DemoPeople {

    private static final String[] SURNAMES = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오",
        "서", "신", "권", "황", "안", "송", "류", "홍"};
    private static final String[] SYLLABLES = {"민", "서", "지", "현", "우", "준", "하", "윤", "도", "예", "수", "은",
        "태", "연", "진", "재", "유", "나", "영", "호", "주", "원", "소", "희"};
    /** The three auth types the backend accepts, weighted like real traffic (PASS first). */
    private static final String[] AUTH_TYPES = {"4", "4", "4", "0", "0", "6"};

    private DemoPeople() {
    }

    static UserInfo next(Random random) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
        String birthdate = String.format(Locale.ROOT, "%04d%02d%02d", 1950 + random.nextInt(56), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        String phone = String.format(Locale.ROOT, "010%08d", random.nextInt(100_000_000));
        return new UserInfo(name, birthdate, phone, "M", AUTH_TYPES[random.nextInt(AUTH_TYPES.length)]);
    }
}
