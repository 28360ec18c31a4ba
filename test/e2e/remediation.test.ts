// Remediation through the runner: at level `remediate`, the Remediate RPC fixes the unambiguous fields
// before Analyze runs, as the engine does; what cannot be fixed is still a violation.

import * as path from "node:path";
import { expect, it } from "vitest";
import { FIXTURES, runCheck } from "./run-check";

it("the telemetry twin with all: remediate gets its block flags fixed; its public bucket policy still fails", () => {
    const result = runCheck([path.join(FIXTURES, "twin-aws-telemetry-public"), "--config", path.join(FIXTURES, "configs", "all-remediate.json"), "--format", "json"]);
    const report = result.report as unknown as { findings: Array<{ policy: string; level: string }>; remediations: Array<{ policyName: string }> };
    expect(result.exitCode).toBe(1);
    expect(report.remediations.map((r) => r.policyName)).toEqual(["aws-s3-bucket-public-access-block-enabled"]);
    expect(report.findings.map((f) => `${f.level} ${f.policy}`)).toEqual(["mandatory aws-s3-bucket-policy-not-public"]);
});

it("a public-read ACL with all: remediate is made private and the program passes", () => {
    const result = runCheck([path.join(FIXTURES, "aws-public-acl"), "--config", path.join(FIXTURES, "configs", "all-remediate.json")]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("[remediate]  aws-s3-bucket-acl-not-public  (aws:s3/bucket:Bucket: telemetry)");
});
