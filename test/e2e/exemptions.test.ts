// Exemptions through the runner: the real Configure call carries the platform team's list to the pack.

import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureFindings, runCheck } from "./run-check";

const config = (name: string) => path.join(FIXTURES, "configs", name);
const program = (name: string) => path.join(FIXTURES, name);

describe("exemptions", () => {
    it("an exempted resource passes and is reported as exempted with reason, approver and expiry", () => {
        const result = runCheck([program("aws-public-acl"), "--config", config("exempt-acl.json"), "--format", "json"]);
        expect(result.exitCode).toBe(0);
        expect(result.report!.findings).toEqual([]);
        const exempted = (result.report as unknown as { exempted: Array<{ policy: string; urn: string; reason: string }> }).exempted;
        expect(exempted.map((e) => [e.policy, e.urn.split("::").pop()])).toEqual([["aws-s3-bucket-acl-not-public", "telemetry"]]);
        expect(exempted[0].reason).toBe(
            'telemetry exempted: "Anonymised sample telemetry published for researchers" (approved by platform-security@example.com, until 2099-12-31)',
        );
    });

    it("the text report shows the exemption too", () => {
        const result = runCheck([program("aws-public-acl"), "--config", config("exempt-acl.json")]);
        expect(result.exitCode).toBe(0);
        expect(result.stdout).toContain("[exempted]  aws-s3-bucket-acl-not-public  (aws:s3/bucket:Bucket: telemetry)");
    });

    it("an expired exemption no longer applies, and the violation says when it expired", () => {
        const result = runCheck([program("aws-public-acl"), "--config", config("exempt-acl-expired.json"), "--format", "json"]);
        expect(result.exitCode).toBe(1);
        expect(result.report!.findings.map((f) => f.policy)).toEqual(["aws-s3-bucket-acl-not-public"]);
        expect(result.report!.findings[0].message).toContain("An exemption covered this until 2024-01-31 and has expired");
    });

    it("a stack policy's finding can be exempted by a \"*\" exemption matched by URN glob", () => {
        const result = runCheck([program("aws-bucket-without-block"), "--config", config("exempt-missing-block.json"), "--format", "json"]);
        expect(result.exitCode).toBe(0);
        const exempted = (result.report as unknown as { exempted: Array<{ policy: string }> }).exempted;
        expect(exempted.map((e) => e.policy)).toEqual(["aws-s3-bucket-public-access-block-attached"]);
    });

    it.each([
        ["exempt-short-reason.json", "customer-data-guard-exemptions: exemptions/0/reason: must NOT have fewer than 20 characters"],
        ["exempt-unknown-policy.json", "customer-data-guard-exemptions: exemptions/0/policies/0: must be equal to one of the allowed values"],
    ])("a malformed exemption (%s) stops the run before anything is exempted", (file, message) => {
        const result = runCheck([program("aws-public-acl"), "--config", config(file)]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toContain(message);
    });

    it("tags never exempt a resource", () => {
        expect(fixtureFindings("aws-public-acl-tagged", "preview")).toMatchObject({ exitCode: 1, lines: ["mandatory aws-s3-bucket-acl-not-public telemetry"] });
    });
});
