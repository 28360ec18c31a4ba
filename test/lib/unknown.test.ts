// policies/lib/unknown.ts: the engine's unknown sentinels, and reading the raw properties behind
// @pulumi/policy's unknown-checking proxy.

import { describe, expect, it } from "vitest";
import { isUnknown, UNKNOWN_SENTINELS, UNKNOWN_STRING, unwrapProxy } from "../../policies/lib/unknown";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy");

describe("isUnknown", () => {
    it("knows every sentinel @pulumi/policy knows", () => {
        const theirs = [
            proxy.unknownStringValue, proxy.unknownBooleanValue, proxy.unknownNumberValue, proxy.unknownArrayValue,
            proxy.unknownAssetValue, proxy.unknownArchiveValue, proxy.unknownObjectValue,
        ];
        expect(theirs.filter((s: string) => !isUnknown(s))).toEqual([]);
        expect([...UNKNOWN_SENTINELS].sort()).toEqual([...theirs].sort());
        expect(UNKNOWN_STRING).toBe(proxy.unknownStringValue);
    });

    it.each<[string, unknown]>([
        ["an ordinary string", "private"],
        ["a sentinel with different case", UNKNOWN_STRING.toUpperCase()],
        ["a sentinel inside a longer string", `arn:${UNKNOWN_STRING}`],
        ["an array holding a sentinel", [UNKNOWN_STRING]],
        ["an object", { value: UNKNOWN_STRING }],
        ["null", null],
        ["undefined", undefined],
        ["a number", 0],
    ])("is not unknown: %s", (_name, value) => {
        expect(isUnknown(value)).toBe(false);
    });
});

describe("unwrapProxy", () => {
    it("returns the object behind @pulumi/policy's proxy, sentinels intact", () => {
        const raw = { acl: UNKNOWN_STRING, nested: { cidr: "0.0.0.0/0" } };
        const proxied = proxy.unknownCheckingProxy(raw);
        expect(() => proxied.acl).toThrow();
        expect(unwrapProxy(proxied)).toBe(raw);
    });

    it.each<[string, unknown]>([
        ["a plain object", { acl: "private" }],
        ["an empty object", {}],
        ["an array", [1, 2]],
        ["null", null],
        ["a string", "private"],
        ["undefined", undefined],
        ["an object whose proxy-target key is null", { __getSpecialProxyTarget: null }],
        ["an object whose proxy-target key is a string", { __getSpecialProxyTarget: "x" }],
    ])("returns anything else unchanged: %s", (_name, value) => {
        expect(unwrapProxy(value)).toBe(value);
    });
});
