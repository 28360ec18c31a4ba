// Runs the offline runner as a user would (`node cli/bin.js check ...`) and returns its exit code and
// JSON report. The runner and the pack are the compiled ones: `npm test` builds first.

import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.join(ROOT, "test", "fixtures");

export interface Finding {
    policy: string;
    level: string;
    urn: string;
    type: string;
    message: string;
}

export interface CheckResult {
    exitCode: number;
    stderr: string;
    stdout: string;
    report?: { findings: Finding[]; summary: { mandatory: number; advisory: number }; resourceCount: number };
}

export function runCheck(args: string[], timeoutMs = 240_000): CheckResult {
    const out = spawnSync(process.execPath, [path.join(ROOT, "cli", "bin.js"), "check", ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
    });
    let report: CheckResult["report"];
    if (args.includes("json")) {
        try {
            report = JSON.parse(out.stdout);
        } catch {
            report = undefined;
        }
    }
    return { exitCode: out.status ?? -1, stderr: out.stderr, stdout: out.stdout, report };
}

/** Checks a fixture program in one mode and returns the sorted "level policy resource-name" lines. */
export function fixtureFindings(fixture: string, mode: "preview" | "deployed"): { exitCode: number; lines: string[]; stderr: string } {
    const args = [path.join(FIXTURES, fixture), "--format", "json", ...(mode === "deployed" ? ["--deployed"] : [])];
    const result = runCheck(args);
    const lines = (result.report?.findings ?? []).map((f) => `${f.level} ${f.policy} ${f.urn.split("::").pop()}`).sort();
    return { exitCode: result.exitCode, lines, stderr: result.stderr };
}
