// The registry is what the pack serves: every policy is named for good, documented, and has its table.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../policies/registry";

const NAME = /^(aws|azure)-[a-z0-9]+(-[a-z0-9]+)+$/;

describe("registry", () => {
    it("names are unique and follow <cloud>-<service>-<resource>-<assertion>", () => {
        const names = rules.map((r) => r.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.filter((n) => !NAME.test(n))).toEqual([]);
    });

    it.each(rules.map((r) => [r.name, r] as const))("%s has complete metadata", (_name, rule) => {
        expect(rule.description.length).toBeGreaterThan(20);
        expect(rule.remediationSteps.length).toBeGreaterThan(20);
        expect(rule.url).toMatch(/^https:\/\//);
        expect(rule.catalog).toMatch(/^(AWS|Azure): /);
        expect(["low", "medium", "high", "critical"]).toContain(rule.severity);
    });

    it.each(rules.map((r) => [r.name] as const))("%s has a rule table in test/rules", (name) => {
        const file = path.join(__dirname, "rules", `${name}.test.ts`);
        expect(fs.existsSync(file), `missing ${file}`).toBe(true);
        const text = fs.readFileSync(file, "utf8");
        expect(text).toContain("ruleTable(");
    });

    it("each rule lives in policies/<cloud>/<service>/<name>.ts", () => {
        const missing = rules
            .map((r) => r.name)
            .filter((name) => {
                const cloud = name.split("-")[0];
                const dir = path.join(__dirname, "..", "policies", cloud);
                return !fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(`${name}.ts`));
            });
        expect(missing).toEqual([]);
    });
});
