// policies/lib/rule.ts: the shared wording of findings for unknown and malformed values.

import { describe, expect, it } from "vitest";
import { invalidFieldFinding, showValue, unknownSwitchFinding } from "../../policies/lib/rule";

describe("showValue", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    it.each<[string, unknown, string]>([
        ["a string, quoted", "public-read", '"public-read"'],
        ["a boolean", true, "true"],
        ["a number", 8080, "8080"],
        ["null", null, "null"],
        ["undefined", undefined, "undefined"],
        ["an object as JSON", { a: [1, "b"] }, '{"a":[1,"b"]}'],
        ["a value JSON cannot render (circular)", circular, "[object Object]"],
        ["a value JSON cannot render (bigint)", BigInt(10), "10"],
    ])("%s", (_name, value, shown) => {
        expect(showValue(value)).toBe(shown);
    });

    it("cuts a long value short and says how long it was", () => {
        expect(showValue("x".repeat(200))).toBe(`"${"x".repeat(159)}...(202 characters)`);
        expect(showValue("abcdef", 4)).toBe('"abc...(8 characters)');
    });

    it("keeps a value of exactly the limit whole", () => {
        expect(showValue("ab", 4)).toBe('"ab"');
    });
});

describe("findings", () => {
    it("an unknown switch fails closed, names the field and what is at stake", () => {
        expect(unknownSwitchFinding("acl", "the bucket is public", "urn:x")).toEqual({
            message:
                "`acl` is unknown during preview, so the pack cannot tell whether the bucket is public. " +
                "An unknown exposure switch is treated as public: set it to a literal value in the program.",
            urn: "urn:x",
            unknown: true,
        });
    });

    it("a value of the wrong type is a violation that shows the value", () => {
        expect(invalidFieldFinding("publiclyAccessible", "yes", "a boolean", "the database is reachable from the internet")).toEqual({
            message:
                '`publiclyAccessible` is "yes", which is not a boolean, so the pack cannot tell whether ' +
                "the database is reachable from the internet. It is treated as public: fix the value in the program.",
        });
    });
});
