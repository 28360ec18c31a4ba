// Machine-readable reports from the runner: JSON with every finding and exemption, SARIF 2.1.0 valid
// against the OASIS schema with exempted findings left out.

import Ajv from "ajv";
import addFormats from "ajv-formats";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCheck } from "./run-check";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schemas", "sarif-schema-2.1.0.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const twoViolations = [path.join(FIXTURES, "aws-public-acl"), path.join(FIXTURES, "aws-bucket-without-block")];

describe("--format json", () => {
    it("lists every finding with policy, severity, level, resource, message and remediation", () => {
        const result = runCheck([path.join(FIXTURES, "aws-public-acl"), "--format", "json"]);
        expect(result.exitCode).toBe(1);
        expect(result.report!.findings).toEqual([
            expect.objectContaining({
                policy: "aws-s3-bucket-acl-not-public",
                severity: "critical",
                level: "mandatory",
                urn: "urn:pulumi:dev::aws-public-acl::pulumi:pulumi:Stack$aws:s3/bucket:Bucket::telemetry",
                type: "aws:s3/bucket:Bucket",
                message: expect.stringContaining('`acl` is "public-read"'),
                remediation: expect.stringContaining("BucketOwnerEnforced"),
            }),
        ]);
        expect(result.report!.summary).toEqual({ mandatory: 1, advisory: 0 });
    });
});

describe("--format sarif", () => {
    it("is valid SARIF 2.1.0 with one rule per policy and one result per finding, per program", () => {
        const result = runCheck([...twoViolations, "--format", "sarif"]);
        expect(result.exitCode).toBe(1);
        const sarif = JSON.parse(result.stdout);
        const valid = validateSarif(sarif);
        expect(validateSarif.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(sarif.runs).toHaveLength(2);
        const [acl, block] = sarif.runs;
        expect(acl.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([["aws-s3-bucket-acl-not-public", "error"]]);
        expect(block.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["aws-s3-bucket-public-access-block-attached"]);
        const result0 = acl.results[0];
        expect(acl.tool.driver.rules[result0.ruleIndex].id).toBe("aws-s3-bucket-acl-not-public");
        expect(result0.locations[0].logicalLocations[0].fullyQualifiedName).toContain("aws:s3/bucket:Bucket::telemetry");
        expect(result0.locations[0].physicalLocation.artifactLocation.uri).toBe("test/fixtures/aws-public-acl/index.ts");
        const rule = acl.tool.driver.rules.find((r: { id: string }) => r.id === "aws-s3-bucket-acl-not-public");
        expect(rule).toMatchObject({ helpUri: expect.stringMatching(/^https:/), properties: { "security-severity": "9.5" } });
    });

    it("leaves exempted findings out", () => {
        const result = runCheck([path.join(FIXTURES, "aws-public-acl"), "--config", path.join(FIXTURES, "configs", "exempt-acl.json"), "--format", "sarif"]);
        expect(result.exitCode).toBe(0);
        const sarif = JSON.parse(result.stdout);
        expect(validateSarif(sarif)).toBe(true);
        expect(sarif.runs[0].results).toEqual([]);
    });
});
