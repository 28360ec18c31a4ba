// The runner under hostile programs and packs: it exits 2 with the reason, never hangs, and never leaves
// a program or pack process behind.

import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCheck } from "./run-check";

/** Processes whose command line mentions `needle` (other than this check itself). */
function processesMentioning(needle: string): string[] {
    const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
    return out.split("\n").filter((line) => line.includes(needle) && !line.includes("ps -eo"));
}

describe("hostile programs", () => {
    it("a program that never finishes is stopped at the timeout, with a clear message, and is gone", () => {
        const program = path.join(FIXTURES, "hostile-never-finishes");
        const started = Date.now();
        const result = runCheck([program, "--timeout", "8"]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("did not finish within 8 s and was stopped");
        expect(Date.now() - started).toBeLessThan(60_000);
        expect(processesMentioning(program)).toEqual([]);
    });

    it("a program that writes to stdout does not corrupt the JSON report", () => {
        const result = runCheck([path.join(FIXTURES, "hostile-stdout"), "--format", "json"]);
        expect(result.exitCode).toBe(1);
        expect(result.report!.findings.map((f) => f.policy)).toEqual(["aws-s3-bucket-acl-not-public"]);
    });

    it("a program that registers 20,000 resources is checked to the end", () => {
        const result = runCheck([path.join(FIXTURES, "hostile-20000-resources"), "--format", "json"], 420_000);
        expect(result.exitCode).toBe(0);
        expect(result.report!.resourceCount).toBe(20_001);
    }, 480_000);
});

describe("hostile packs", () => {
    it("a pack that fails to start: exit 2 with its error, and no pack process left", () => {
        const pack = path.join(FIXTURES, "packs", "crashing-pack");
        const result = runCheck([path.join(FIXTURES, "aws-private-bucket"), "--pack", pack]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("the policy pack exited");
        expect(result.stderr).toContain("policy pack failed to load its rules");
        expect(processesMentioning(pack)).toEqual([]);
    });

    it("a pack that prints before its port leaves no process behind", () => {
        const pack = path.join(FIXTURES, "packs", "noisy-pack");
        const result = runCheck([path.join(FIXTURES, "aws-private-bucket"), "--pack", pack]);
        expect(result.exitCode).toBe(2);
        expect(processesMentioning(pack)).toEqual([]);
    });
});
