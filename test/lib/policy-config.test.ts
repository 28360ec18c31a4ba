// The runner's --config must layer exactly as `pulumi preview --policy-pack-config` does
// (pulumi/pulumi pkg/resource/analyzer/config.go): schema defaults and policy levels, then the pack's
// initial config, then the file; "all" sets levels only; properties merge per policy; schema validated.

import { describe, expect, it } from "vitest";
import { parsePolicyPackConfig, PolicyConfigError, reconcilePolicyPackConfig, type PolicyDescription } from "../../cli/policy-config";

const schema = { properties: { unknownValues: { type: "string", enum: ["fail", "warn"], default: "fail" }, note: { type: "string" } } };
const policies: PolicyDescription[] = [
    { name: "a", enforcementLevel: "mandatory", configSchema: schema },
    { name: "b", enforcementLevel: "advisory", configSchema: schema },
    { name: "c", enforcementLevel: "mandatory" },
];

describe("parsePolicyPackConfig", () => {
    it("accepts level strings and objects, drops empty objects", () => {
        expect(parsePolicyPackConfig('{"all":"advisory","a":{"enforcementLevel":"disabled","note":"x"},"b":{}}')).toEqual({
            all: { enforcementLevel: "advisory" },
            a: { enforcementLevel: "disabled", properties: { note: "x" } },
        });
    });

    it("treats an empty file as no config", () => {
        expect(parsePolicyPackConfig("  \n")).toEqual({});
    });

    it.each([
        ['{"a":"sometimes"}', '"sometimes" is not a valid enforcement level'],
        ['{"a":{"enforcementLevel":3}}', "3 is not a valid enforcement level"],
        ['{"a":7}', "must be a string or object"],
        ["[1,2]", "must be a JSON object"],
        ["{not json", "not valid JSON"],
    ])("rejects %s", (text, message) => {
        expect(() => parsePolicyPackConfig(text)).toThrow(PolicyConfigError);
        expect(() => parsePolicyPackConfig(text)).toThrow(message);
    });
});

describe("reconcilePolicyPackConfig", () => {
    it("starts from schema defaults and each policy's own level", () => {
        expect(reconcilePolicyPackConfig(policies, {}, {})).toEqual({
            a: { enforcementLevel: "mandatory", properties: { unknownValues: "fail" } },
            b: { enforcementLevel: "advisory", properties: { unknownValues: "fail" } },
            c: { enforcementLevel: "mandatory", properties: undefined },
        });
    });

    it("applies all's level to every policy but not its properties, then per-policy keys", () => {
        const result = reconcilePolicyPackConfig(policies, {}, {
            all: { enforcementLevel: "advisory", properties: { unknownValues: "warn" } },
            b: { enforcementLevel: "mandatory", properties: { unknownValues: "warn" } },
        });
        expect(result.a).toEqual({ enforcementLevel: "advisory", properties: { unknownValues: "fail" } });
        expect(result.b).toEqual({ enforcementLevel: "mandatory", properties: { unknownValues: "warn" } });
        expect(result.c).toEqual({ enforcementLevel: "advisory", properties: undefined });
    });

    it("layers the pack's initial config under the file", () => {
        const result = reconcilePolicyPackConfig(policies, { a: { enforcementLevel: "disabled", properties: { note: "initial" } } }, { a: { properties: { unknownValues: "warn" } } });
        expect(result.a).toEqual({ enforcementLevel: "disabled", properties: { unknownValues: "warn", note: "initial" } });
    });

    it("validates the layered properties against each policy's schema", () => {
        expect(() => reconcilePolicyPackConfig(policies, {}, { a: { properties: { unknownValues: "maybe" } } })).toThrow(
            "a: unknownValues: must be equal to one of the allowed values",
        );
    });
});
