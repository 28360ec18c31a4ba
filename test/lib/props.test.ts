// policies/lib/props.ts: the four outcomes of reading one property.

import { describe, expect, it } from "vitest";
import { arrayField, boolField, enumEquals, isObject, objectField, stringField } from "../../policies/lib/props";
import { UNKNOWN_STRING } from "../../policies/lib/unknown";

describe("isObject", () => {
    it.each<[string, unknown, boolean]>([
        ["a plain object", { a: 1 }, true],
        ["an empty object", {}, true],
        ["an array", [], false],
        ["null", null, false],
        ["a string", "{}", false],
        ["a number", 1, false],
        ["undefined", undefined, false],
    ])("%s", (_name, value, expected) => {
        expect(isObject(value)).toBe(expected);
    });
});

describe("field readers", () => {
    it.each<[string, unknown, unknown]>([
        ["absent key", {}, { state: "absent" }],
        ["null value (the engine's absent)", { v: null }, { state: "absent" }],
        ["a bag that is not an object", "not a bag", { state: "absent" }],
        ["a bag that is an array", [true], { state: "absent" }],
        ["a key only on the prototype", Object.create({ v: true }), { state: "absent" }],
        ["unknown during preview", { v: UNKNOWN_STRING }, { state: "unknown" }],
        ["a boolean", { v: false }, { state: "known", value: false }],
        ["a string where a boolean is expected", { v: "false" }, { state: "invalid", raw: "false", expected: "a boolean" }],
    ])("boolField: %s", (_name, bag, expected) => {
        expect(boolField(bag, "v")).toEqual(expected);
    });

    it("each reader accepts its own type and names it when the value is of another", () => {
        expect(stringField({ v: "x" }, "v")).toEqual({ state: "known", value: "x" });
        expect(stringField({ v: 1 }, "v")).toEqual({ state: "invalid", raw: 1, expected: "a string" });
        expect(objectField({ v: { a: 1 } }, "v")).toEqual({ state: "known", value: { a: 1 } });
        expect(objectField({ v: [] }, "v")).toEqual({ state: "invalid", raw: [], expected: "an object" });
        expect(arrayField({ v: [1] }, "v")).toEqual({ state: "known", value: [1] });
        expect(arrayField({ v: {} }, "v")).toEqual({ state: "invalid", raw: {}, expected: "an array" });
    });

    it("compares enums case-insensitively, as the cloud APIs do", () => {
        expect(enumEquals("disabled", "Disabled")).toBe(true);
        expect(enumEquals("Disable", "Disabled")).toBe(false);
    });
});
