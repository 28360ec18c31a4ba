// The sample stacks (stacks/aws-connected-car, stacks/azure-connected-car) are reference templates: they
// must compile under strict TypeScript and pass the whole pack with zero mandatory and zero advisory
// violations, in a first preview (outputs unknown) and at update time (every value known), without any
// exemption. Each runner call type-checks the program (ts-node), so this file keeps the count low.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCheck } from "../e2e/run-check";

const TIMEOUT = 240_000;
const STACKS = [
    { stack: "aws-connected-car", sdk: "@pulumi/aws" },
    { stack: "azure-connected-car", sdk: "@pulumi/azure-native" },
] as const;

function stackDir(stack: string): string {
    return path.join(ROOT, "stacks", stack);
}

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(p);
        return e.name.endsWith(".ts") ? [p] : [];
    });
}

describe.each(STACKS)("stacks/$stack", ({ stack, sdk }) => {
    const dir = stackDir(stack);

    it("is a Pulumi TypeScript project a team can copy: Pulumi.yaml, config example, package.json, strict tsconfig, README", () => {
        expect(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")).toMatch(new RegExp(`^name: ${stack}$`, "m"));
        expect(fs.existsSync(path.join(dir, "Pulumi.dev.yaml.example"))).toBe(true);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        expect(Object.keys(pkg.dependencies).sort()).toEqual([sdk, "@pulumi/pulumi"].sort());
        expect(fs.existsSync(path.join(dir, "node_modules"))).toBe(false);
        const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
        expect(tsconfig.compilerOptions.strict).toBe(true);
        const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
        expect(readme).toContain("```mermaid");
        expect(readme).toContain("pulumi up --policy-pack");
    });

    it("imports azure-native by submodule only (type-checking the root package is very slow)", () => {
        for (const file of sources(dir)) {
            expect(fs.readFileSync(file, "utf8"), path.relative(ROOT, file)).not.toMatch(/from\s+["']@pulumi\/azure-native["']/);
        }
    });

    it("compiles with tsc --noEmit -p (strict)", { timeout: TIMEOUT }, () => {
        const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
        const out = spawnSync(process.execPath, [tsc, "--noEmit", "-p", dir], { cwd: ROOT, encoding: "utf8", timeout: TIMEOUT });
        expect(`${out.stdout}${out.stderr}`).toBe("");
        expect(out.status).toBe(0);
    });

    it.each(["preview", "deployed"] as const)("passes the pack in %s mode: exit 0, zero mandatory, zero advisory", { timeout: TIMEOUT }, (mode) => {
        const result = runCheck([dir, "--format", "json", ...(mode === "deployed" ? ["--deployed"] : [])], TIMEOUT);
        expect(result.report, result.stderr).toBeDefined();
        const lines = result.report!.findings.map((f) => `${f.level} ${f.policy} ${f.urn.split("::").pop()}: ${f.message}`);
        expect(lines).toEqual([]);
        expect(result.report!.summary).toEqual({ mandatory: 0, advisory: 0 });
        expect(result.exitCode).toBe(0);
        // The program really ran: every store, key, network and identity resource was registered.
        expect(result.report!.resourceCount).toBeGreaterThan(50);
    });
});
