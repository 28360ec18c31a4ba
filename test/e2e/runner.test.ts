// The offline runner end to end: real programs under mocks, the compiled pack launched as the CLI
// launches it, the analyzer protocol over gRPC, exit codes 0 / 1 / 2.

import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runAnalysis } from "../../cli/engine";
import { launchPack } from "../../cli/pack-process";
import { EXEMPTIONS_POLICY } from "../../policies/lib/exemptions";
import { rules } from "../../policies/registry";
import { FIXTURES, fixtureFindings, ROOT, runCheck } from "./run-check";

describe("the pack under the real launcher", () => {
    it("prints its port first and lists every policy of the registry in GetAnalyzerInfo", async () => {
        const pack = await launchPack({ packDir: ROOT, project: "p", stack: "s", dryRun: true, startTimeoutMs: 120_000 });
        try {
            expect(pack.port).toBeGreaterThan(0);
            const result = await runAnalysis({ port: pack.port, project: "p", stack: "s", dryRun: true, config: {}, resources: [], rpcTimeoutMs: 30_000 });
            expect(result.info.name).toBe("customer-data-guard");
            expect(result.info.policies.map((p) => p.name).sort()).toEqual([EXEMPTIONS_POLICY, ...rules.map((r) => r.name)].sort());
            expect(result.info.policies.every((p) => p.enforcementLevel === (rules.find((r) => r.name === p.name)?.enforcementLevel ?? "mandatory"))).toBe(true);
        } finally {
            await pack.stop();
        }
        expect(pack.child.exitCode !== null || pack.child.signalCode !== null).toBe(true);
    });
});

describe.each(["preview", "deployed"] as const)("fixtures in %s mode", (mode) => {
    it("a private bucket with its public access block passes", () => {
        expect(fixtureFindings("aws-private-bucket", mode)).toMatchObject({ exitCode: 0, lines: [] });
    });

    it("a public-read ACL is rejected", () => {
        expect(fixtureFindings("aws-public-acl", mode)).toMatchObject({ exitCode: 1, lines: ["mandatory aws-s3-bucket-acl-not-public telemetry"] });
    });

    it("a bucket without a public access block is rejected", () => {
        expect(fixtureFindings("aws-bucket-without-block", mode)).toMatchObject({
            exitCode: 1,
            lines: ["mandatory aws-s3-bucket-public-access-block-attached telemetry"],
        });
    });
});

describe("unknown values", () => {
    it("an ACL unknown at preview fails closed", () => {
        expect(fixtureFindings("aws-unknown-acl", "preview")).toMatchObject({ exitCode: 1, lines: ["mandatory aws-s3-bucket-acl-not-public telemetry"] });
    });

    it("the same ACL, known at update time, passes", () => {
        expect(fixtureFindings("aws-unknown-acl", "deployed")).toMatchObject({ exitCode: 0, lines: [] });
    });

    it("with unknownValues: warn in the policy pack config, it is a warning", () => {
        const config = path.join(FIXTURES, "configs", "unknown-warn.json");
        const result = runCheck([path.join(FIXTURES, "aws-unknown-acl"), "--config", config, "--format", "json"]);
        expect(result.exitCode).toBe(0);
        expect(result.report!.findings.map((f) => `${f.level} ${f.policy}`)).toEqual(["advisory aws-s3-bucket-acl-not-public"]);
    });
});

describe("policy pack config, layered as the engine does", () => {
    it("a policy set to advisory reports a warning and exits 0", () => {
        const result = runCheck([path.join(FIXTURES, "aws-public-acl"), "--config", path.join(FIXTURES, "configs", "acl-advisory.json"), "--format", "json"]);
        expect(result.exitCode).toBe(0);
        expect(result.report!.findings.map((f) => `${f.level} ${f.policy}`)).toEqual(["advisory aws-s3-bucket-acl-not-public"]);
    });

    it("all: disabled, then one policy mandatory again", () => {
        const result = runCheck([path.join(FIXTURES, "aws-public-acl"), "--config", path.join(FIXTURES, "configs", "all-disabled-but-acl.json"), "--format", "json"]);
        expect(result.exitCode).toBe(1);
        expect(result.report!.findings.map((f) => `${f.level} ${f.policy}`)).toEqual(["mandatory aws-s3-bucket-acl-not-public"]);
    });

    it("a config value outside the schema stops the run (exit 2)", () => {
        const result = runCheck([path.join(FIXTURES, "aws-private-bucket"), "--config", path.join(FIXTURES, "configs", "invalid-unknown-values.json")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("aws-s3-bucket-acl-not-public: unknownValues: must be equal to one of the allowed values");
    });
});

describe("programs and packs that cannot be run exit 2 with the reason", () => {
    it("a TypeScript error in the program", () => {
        const result = runCheck([path.join(FIXTURES, "ts-error")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("TypeScript error in the program");
        expect(result.stderr).toContain("error TS2322");
    });

    it("a program that throws", () => {
        const result = runCheck([path.join(FIXTURES, "program-throws")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("the program gave up");
    });

    it("a program that does not exist", () => {
        const result = runCheck([path.join(FIXTURES, "no-such-program")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("program not found");
    });

    it("a pack that prints something before its port", () => {
        const result = runCheck([path.join(FIXTURES, "aws-private-bucket"), "--pack", path.join(FIXTURES, "packs", "noisy-pack")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain('the policy pack printed "loading my policies..." before its port');
    });

    it("a usage error", () => {
        const result = runCheck(["--format", "yaml", path.join(FIXTURES, "aws-private-bucket")]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain("--format must be text, json or sarif");
    });
});
