package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.tilko.TilkoJson;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic but entirely made-up checkup and prescription records, shaped like the {@code ResultList} of Tilko's
 * answers (docs/tilko.md, "Client"). Clinics, pharmacies and drug codes are fictional. The data is a pure function of
 * the person and the date range, so repeated calls for one person return the same history.
 */
final class SyntheticRecords {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String[] CLINICS = {"가상내과의원", "샘플건강검진센터", "테스트메디컬의원", "예시가정의학과의원"};
    private static final String[] HOSPITALS = {"가상이비인후과의원", "샘플정형외과의원", "테스트내과의원", "예시한의원"};
    private static final String[] PHARMACIES = {"가상약국", "샘플온누리약국", "테스트365약국"};
    private static final String[] ADDRESSES = {"가상구 샘플로", "예시구 테스트대로", "모의구 견본길"};

    /** Fictional drug catalogue: name, efficacy class, maker. */
    private static final String[][] DRUGS = {
        {"아세트아미노펜정500밀리그램", "해열.진통.소염제", "가상제약"},
        {"레바미피드정100밀리그램", "소화성궤양용제", "샘플약품"},
        {"세티리진염산염정10밀리그램", "항히스타민제", "테스트바이오"},
        {"아목시실린캡슐500밀리그램", "주로 그람양성균에 작용하는 것", "가상제약"},
        {"암로디핀베실산염정5밀리그램", "혈압강하제", "예시제약"},
        {"메트포르민염산염정500밀리그램", "당뇨병용제", "샘플약품"},
        {"록소프로펜나트륨정60밀리그램", "해열.진통.소염제", "테스트바이오"},
    };

    private SyntheticRecords() {
    }

    // ---------------------------------------------------------------- checkups

    /** NHIS general checkups every two years, the latest last year, three in all. */
    static ArrayNode checkups(String name, String birthDate, LocalDate today) {
        Random rnd = random(name, birthDate, "checkups");
        ArrayNode list = TilkoJson.mapper().createArrayNode();
        double height = 152 + rnd.nextInt(33) + rnd.nextInt(10) / 10.0;
        double bmiBase = 19 + rnd.nextDouble() * 9;
        for (int i = 0; i < 3; i++) {
            int year = today.getYear() - 1 - 2 * i;
            double bmi = bmiBase - i * 0.4 + (rnd.nextDouble() - 0.5);
            list.add(checkup(rnd, year, height, bmi));
        }
        return list;
    }

    private static ObjectNode checkup(Random rnd, int year, double height, double bmi) {
        double weight = bmi * Math.pow(height / 100, 2);
        int systolic = 105 + rnd.nextInt(40);
        int diastolic = 65 + rnd.nextInt(25);
        int glucose = 80 + rnd.nextInt(50);
        int totalChol = 150 + rnd.nextInt(100);
        int hdl = 38 + rnd.nextInt(35);
        int triglycerides = 60 + rnd.nextInt(170);
        int ldl = Math.max(50, totalChol - hdl - triglycerides / 5);
        double creatinine = 0.6 + rnd.nextInt(7) / 10.0;
        int gfr = 65 + rnd.nextInt(50);
        int ast = 15 + rnd.nextInt(30);
        int alt = 10 + rnd.nextInt(40);
        int ggt = 12 + rnd.nextInt(60);

        // The overall verdict follows the worst band, as on a real result sheet.
        int band = worst(band(bmi, 25, 30), band(systolic, 120, 140), band(glucose, 100, 126),
                band(totalChol, 200, 240), band(triglycerides, 150, 200), band(ldl, 130, 160));
        String[] verdicts = {"정상(A)", "정상(B)", "질환의심"};
        String[] descriptions = {
            "정상A: 건강이 양호합니다.",
            "정상B: 건강에 이상이 없으나 자기관리 및 예방조치가 필요합니다.",
            "질환의심: 질환으로 진행할 가능성이 있어 추가 검사 및 의사 상담이 필요합니다."
        };

        ObjectNode c = TilkoJson.mapper().createObjectNode();
        c.put("Year", year + "년");
        c.put("CheckUpDate", String.format(Locale.ROOT, "%02d/%02d", 3 + rnd.nextInt(9), 1 + rnd.nextInt(28)));
        c.put("Code", verdicts[band]);
        c.put("Location", CLINICS[rnd.nextInt(CLINICS.length)]);
        c.put("Description", descriptions[band]);
        ArrayNode inspections = c.putArray("Inspections");

        ArrayNode measure = inspection(inspections, "계측검사");
        ArrayNode obesity = illness(measure, "비만");
        item(obesity, "신장", fmt1(height), "cm");
        item(obesity, "체중", fmt1(weight), "kg");
        item(obesity, "허리둘레", fmt1(60 + bmi * 1.2), "cm", "정상(A)", "남 90 미만 / 여 85 미만",
                "질환의심", "남 90 이상 / 여 85 이상");
        item(obesity, "체질량지수", fmt1(bmi), "kg/m2", "정상(A)", "18.5-24.9", "정상(B)", "25-29.9",
                "질환의심", "30 이상");
        item(illness(measure, "시각이상"), "시력(좌/우)", fmt1(0.6 + rnd.nextInt(7) / 10.0) + "/"
                + fmt1(0.6 + rnd.nextInt(7) / 10.0), "");
        item(illness(measure, "청각이상"), "청력(좌/우)", "정상/정상", "", "정상(A)", "정상", "질환의심", "비정상");
        item(illness(measure, "고혈압"), "혈압(최고/최저)", systolic + "/" + diastolic, "mmHg",
                "정상(A)", "120/80 미만", "정상(B)", "120-139/80-89", "질환의심", "140/90 이상");

        ArrayNode urine = inspection(inspections, "요검사");
        item(illness(urine, "신장질환"), "요단백", rnd.nextInt(10) == 0 ? "약양성" : "음성", "",
                "정상(A)", "음성", "정상(B)", "약양성", "질환의심", "양성");

        ArrayNode blood = inspection(inspections, "혈액검사");
        item(illness(blood, "빈혈"), "혈색소", fmt1(12 + rnd.nextInt(40) / 10.0), "g/dL",
                "정상(A)", "남 13-16.5 / 여 12-15.5", "정상(B)", "남 12-12.9 / 여 10-11.9", "질환의심", "남 12 미만 / 여 10 미만");
        item(illness(blood, "당뇨병"), "공복혈당", String.valueOf(glucose), "mg/dL",
                "정상(A)", "100 미만", "정상(B)", "100-125", "질환의심", "126 이상");
        ArrayNode lipids = illness(blood, "이상지질혈증");
        item(lipids, "총콜레스테롤", String.valueOf(totalChol), "mg/dL",
                "정상(A)", "200 미만", "정상(B)", "200-239", "질환의심", "240 이상");
        item(lipids, "HDL콜레스테롤", String.valueOf(hdl), "mg/dL",
                "정상(A)", "60 이상", "정상(B)", "40-59", "질환의심", "40 미만");
        item(lipids, "중성지방", String.valueOf(triglycerides), "mg/dL",
                "정상(A)", "150 미만", "정상(B)", "150-199", "질환의심", "200 이상");
        item(lipids, "LDL콜레스테롤", String.valueOf(ldl), "mg/dL",
                "정상(A)", "130 미만", "정상(B)", "130-159", "질환의심", "160 이상");
        ArrayNode kidney = illness(blood, "신장질환");
        item(kidney, "혈청크레아티닌", fmt1(creatinine), "mg/dL", "정상(A)", "1.5 이하", "질환의심", "1.5 초과");
        item(kidney, "신사구체여과율(GFR)", String.valueOf(gfr), "mL/min/1.73m2",
                "정상(A)", "60 이상", "질환의심", "60 미만");
        ArrayNode liver = illness(blood, "간장질환");
        item(liver, "AST(SGOT)", String.valueOf(ast), "U/L", "정상(A)", "40 이하", "정상(B)", "41-50", "질환의심", "51 이상");
        item(liver, "ALT(SGPT)", String.valueOf(alt), "U/L", "정상(A)", "35 이하", "정상(B)", "36-45", "질환의심", "46 이상");
        item(liver, "감마지티피(y-GTP)", String.valueOf(ggt), "U/L",
                "정상(A)", "남 11-63 / 여 8-35", "정상(B)", "남 64-77 / 여 36-45", "질환의심", "남 78 이상 / 여 46 이상");

        ArrayNode imaging = inspection(inspections, "영상검사");
        item(illness(imaging, "폐결핵 흉부질환"), "흉부방사선검사", "정상", "", "정상(A)", "정상", "질환의심", "비활동성/질환의심");
        return c;
    }

    private static int band(double value, double bLimit, double suspectLimit) {
        return value >= suspectLimit ? 2 : value >= bLimit ? 1 : 0;
    }

    private static int worst(int... bands) {
        int w = 0;
        for (int b : bands) {
            w = Math.max(w, b);
        }
        return w;
    }

    private static ArrayNode inspection(ArrayNode inspections, String gubun) {
        ObjectNode n = inspections.addObject();
        n.put("Gubun", gubun);
        return n.putArray("Illnesses");
    }

    private static ArrayNode illness(ArrayNode illnesses, String name) {
        ObjectNode n = illnesses.addObject();
        n.put("Name", name);
        return n.putArray("Items");
    }

    /** Adds an item; {@code refs} alternate band name and range text. */
    private static void item(ArrayNode items, String name, String value, String unit, String... refs) {
        ObjectNode n = items.addObject();
        n.put("Name", name);
        n.put("Value", value);
        n.put("Unit", unit);
        ArrayNode r = n.putArray("ItemReferences");
        for (int i = 0; i + 1 < refs.length; i += 2) {
            ObjectNode ref = r.addObject();
            ref.put("Name", refs[i]);
            ref.put("Value", refs[i + 1]);
        }
    }

    private static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---------------------------------------------------------------- prescriptions

    /**
     * Visits inside [start, end], newest first: a doctor's visit (외래) and, usually, the pharmacy
     * dispensing (처방조제) the same day with one to three drugs.
     */
    static ArrayNode prescriptions(String name, String birthDate, LocalDate start, LocalDate end) {
        ArrayNode list = TilkoJson.mapper().createArrayNode();
        if (end.isBefore(start)) {
            return list;
        }
        Random rnd = random(name, birthDate, "prescriptions");
        long span = ChronoUnit.DAYS.between(start, end) + 1;
        int visits = 2 + rnd.nextInt(4);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < visits; i++) {
            dates.add(start.plusDays(Math.floorMod(rnd.nextLong(), span)));
        }
        dates.sort((a, b) -> b.compareTo(a));
        int idx = 1;
        int drugLine = 1;
        for (LocalDate date : dates) {
            String hospital = HOSPITALS[rnd.nextInt(HOSPITALS.length)];
            String address = ADDRESSES[rnd.nextInt(ADDRESSES.length)];
            boolean korean = hospital.endsWith("한의원");
            ObjectNode visit = row(idx++, hospital, address, date, korean ? "한방기관외래" : "외래", 1 + rnd.nextInt(2), 1);
            visit.putArray("RetrieveTreatmentInjectionInformationPersonDetailList");
            list.add(visit);
            if (korean || rnd.nextInt(5) == 0) {
                continue; // not every visit ends at a pharmacy
            }
            String pharmacy = PHARMACIES[rnd.nextInt(PHARMACIES.length)];
            int days = 3 + rnd.nextInt(12);
            int drugCount = 1 + rnd.nextInt(3);
            ObjectNode dispensing = row(idx++, pharmacy, address, date, "처방조제", 1, days);
            ArrayNode details = dispensing.putArray("RetrieveTreatmentInjectionInformationPersonDetailList");
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < drugCount) {
                int d = rnd.nextInt(DRUGS.length);
                if (!chosen.contains(d)) {
                    chosen.add(d);
                }
            }
            for (int d : chosen) {
                details.add(drug(drugLine++, d, date, days, pharmacy, address));
            }
            list.add(dispensing);
        }
        return list;
    }

    private static ObjectNode row(int idx, String institution, String address, LocalDate date, String careType,
                                  int visitDays, int medicationCount) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Idx", String.valueOf(idx));
        n.put("Page", "1");
        n.put("ByungEuiwonYakGukMyung", institution);
        n.put("Address", address);
        n.put("JinRyoGaesiIl", date.format(ISO));
        n.put("JinRyoHyungTae", careType);
        n.put("BangMoonIpWonIlsoo", String.valueOf(visitDays));
        n.put("CheoBangHoiSoo", "1");
        n.put("TuYakYoYangHoiSoo", String.valueOf(medicationCount));
        return n;
    }

    private static ObjectNode drug(int idx, int d, LocalDate date, int days, String pharmacy, String address) {
        String[] drug = DRUGS[d];
        String code = String.format(Locale.ROOT, "6%08d", 1_000_000 + d * 7919);
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Idx", String.valueOf(idx));
        n.put("JinRyoChoBangIlja", date.format(ISO));
        n.put("JinRyoHyungTae", "처방조제");
        n.put("ChoBangHoetSoo", "1");
        n.put("ChoBangYakPumMyung", drug[0]);
        n.put("ChoBangYakPumHyoneung", drug[1]);
        n.put("TuyakIlSoo", String.valueOf(days));
        n.put("DrugCode", code);
        n.put("NameAddr", pharmacy + "[" + address + "]");
        ObjectNode info = n.putObject("RetrieveMdsupDtlInfo");
        info.put("DrugCode", code);
        info.put("MediPrdcNm", drug[0]);
        info.put("DrugImage", "");
        info.put("CmpnInfo", drug[2]);
        info.put("TmsgGnlSpcd", "전문");
        info.put("SnglCmtnYn", "단일제");
        info.put("UpsoName", drug[2]);
        info.put("Upso1", drug[2]);
        info.put("FomlCdXplnCnte", "정제");
        info.put("MdctPathXplnCnte", "경구");
        info.put("MohwClsfNoXplnCnte", drug[1]);
        info.put("AtcInfo", "");
        info.put("KpicInfo", "");
        info.put("EfftEftCnte", "시뮬레이터가 만든 가상의 효능 설명입니다.");
        info.put("UsagCpctCnte", "의사의 지시에 따라 복용하십시오.");
        info.put("UseAtntMttCnte", "시뮬레이터용 가상 데이터입니다.");
        info.put("CmnTmdcGdncCnte", "");
        return n;
    }

    private static Random random(String name, String birthDate, String salt) {
        return new Random((name + "|" + birthDate + "|" + salt).hashCode() * 31L + 17);
    }
}
