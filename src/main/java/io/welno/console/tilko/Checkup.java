package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One health-checkup event from {@code Ggpab003M0105} {@code ResultList[]} (docs/tilko.md).
 * All leaves are strings as Tilko sends them; parsing is lenient (missing → "" or empty list).
 *
 * @param year        e.g. "2021년" (sometimes a bare "2021"); see {@link #yearNumber()}
 * @param checkUpDate "MM/dd", no year
 * @param code        overall verdict, e.g. 정상, 의심, 질환의심
 */
public record Checkup(String year, String checkUpDate, String code, String location, String description,
                      List<Inspection> inspections) {

    /** A test category (계측검사, 요검사, 혈액검사, …). */
    public record Inspection(String gubun, List<Illness> illnesses) {
    }

    /** A target-disease group (비만, 고혈압, 당뇨병, …). */
    public record Illness(String name, List<Item> items) {
    }

    /** One measured item; look items up by name, never by position. */
    public record Item(String name, String value, String unit, List<Reference> references) {
    }

    /** A reference band, e.g. {@code 정상(A)} → "18.5-24.9". */
    public record Reference(String name, String value) {
    }

    /** The year without the "년" suffix, when it is a number. */
    public OptionalInt yearNumber() {
        String digits = year.replace("년", "").strip();
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Finds the first item with this exact name in any inspection. */
    public Optional<Item> item(String name) {
        return inspections.stream()
                .flatMap(i -> i.illnesses().stream())
                .flatMap(i -> i.items().stream())
                .filter(i -> i.name().equals(name))
                .findFirst();
    }

    /** Parses {@code ResultList} of a checkup envelope; unknown fields are ignored. */
    public static List<Checkup> listFrom(JsonNode envelope) {
        return map(Payloads.resultList(envelope), Checkup::from);
    }

    static Checkup from(JsonNode n) {
        return new Checkup(TilkoJson.textOrEmpty(n, "Year"), TilkoJson.textOrEmpty(n, "CheckUpDate"),
                TilkoJson.textOrEmpty(n, "Code"), TilkoJson.textOrEmpty(n, "Location"),
                TilkoJson.textOrEmpty(n, "Description"),
                map(n.get("Inspections"), i -> new Inspection(TilkoJson.textOrEmpty(i, "Gubun"),
                        map(i.get("Illnesses"), il -> new Illness(TilkoJson.textOrEmpty(il, "Name"),
                                map(il.get("Items"), it -> new Item(TilkoJson.textOrEmpty(it, "Name"),
                                        TilkoJson.textOrEmpty(it, "Value"), TilkoJson.textOrEmpty(it, "Unit"),
                                        map(it.get("ItemReferences"), r -> new Reference(
                                                TilkoJson.textOrEmpty(r, "Name"),
                                                TilkoJson.textOrEmpty(r, "Value"))))))))));
    }

    /** Maps the object elements of an array; a missing node or a non-array gives an empty list. */
    static <R> List<R> map(JsonNode array, Function<JsonNode, R> f) {
        List<R> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode e : array) {
                if (e.isObject()) {
                    out.add(f.apply(e));
                }
            }
        }
        return List.copyOf(out);
    }
}
