import { describe, expect, it } from "vitest";
import {
    blockFlagFindings,
    classifyS3Endpoint,
    isEmptyInlinePolicy,
    readBlockFlags,
    resourcePolicyFindings,
    rewriteKmsCallerAccount,
} from "../../policies/lib/aws-storage";
import { UNKNOWN_STRING } from "../../policies/lib/unknown";

describe("classifyS3Endpoint", () => {
    it.each([
        ["telemetry.s3.amazonaws.com", "rest", "telemetry"],
        ["telemetry.s3.us-east-1.amazonaws.com", "rest", "telemetry"],
        ["telemetry.s3-us-west-2.amazonaws.com", "rest", "telemetry"],
        ["telemetry.s3.dualstack.eu-west-1.amazonaws.com", "rest", "telemetry"],
        ["telemetry.s3-fips.us-east-1.amazonaws.com", "rest", "telemetry"],
        ["my.dotted.bucket.s3.eu-central-1.amazonaws.com", "rest", "my.dotted.bucket"],
        ["ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com", "rest", "ap-123456789012"],
        ["olap-123456789012.s3-object-lambda.us-east-1.amazonaws.com", "rest", "olap-123456789012"],
        ["telemetry.s3.cn-north-1.amazonaws.com.cn", "rest", "telemetry"],
        ["TELEMETRY.S3.AMAZONAWS.COM.", "rest", "telemetry"],
        ["https://telemetry.s3.amazonaws.com/", "rest", "telemetry"],
        ["telemetry.s3-website-us-east-1.amazonaws.com", "website", "telemetry"],
        ["telemetry.s3-website.eu-central-1.amazonaws.com", "website", "telemetry"],
        ["telemetry.s3-website.cn-north-1.amazonaws.com.cn", "website", "telemetry"],
    ])("%s is an S3 %s endpoint of %s", (domain, kind, bucket) => {
        expect(classifyS3Endpoint(domain)).toEqual({ kind, bucket });
    });

    it.each([
        "api-123.us-east-1.elb.amazonaws.com",
        "d111111abcdef8.cloudfront.net",
        "example.com",
        "s3.amazonaws.com",
        "telemetry.s3something.amazonaws.com",
        "abc.execute-api.us-east-1.amazonaws.com",
        "",
    ])("%s is not an S3 endpoint", (domain) => {
        expect(classifyS3Endpoint(domain)).toBeUndefined();
    });
});

describe("readBlockFlags / blockFlagFindings", () => {
    it("applies the documented default to omitted flags", () => {
        expect(readBlockFlags({}, false).map((s) => s.state)).toEqual(["omitted-off", "omitted-off", "omitted-off", "omitted-off"]);
        expect(readBlockFlags({}, true).map((s) => s.state)).toEqual(["omitted-on", "omitted-on", "omitted-on", "omitted-on"]);
    });

    it("reads on, off, unknown and invalid", () => {
        const states = readBlockFlags({ blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: UNKNOWN_STRING, restrictPublicBuckets: "yes" }, true);
        expect(states.map((s) => s.state)).toEqual(["on", "off", "unknown", "invalid"]);
    });

    it("reports each flag that is not on, with the path prefix", () => {
        const findings = blockFlagFindings({ blockPublicAcls: false, restrictPublicBuckets: UNKNOWN_STRING }, true, "publicAccessBlockConfiguration.");
        expect(findings).toHaveLength(2);
        expect(findings[0].message).toMatch(/^`publicAccessBlockConfiguration.blockPublicAcls` is false\. Set it to true\./);
        expect(findings[1].message).toMatch(/^`publicAccessBlockConfiguration.restrictPublicBuckets` is unknown during preview/);
        expect(findings[1].unknown).toBe(true);
    });
});

describe("isEmptyInlinePolicy", () => {
    it.each([["", true], ["  ", true], ["{}", true], [" { } ", true], [{}, true], ['{"Statement":[]}', false], [{ Statement: [] }, false], [UNKNOWN_STRING, false], ["not json", false]])(
        "%j -> %s",
        (value, expected) => {
            expect(isEmptyInlinePolicy(value)).toBe(expected);
        },
    );
});

describe("rewriteKmsCallerAccount", () => {
    const statement = (condition: unknown) => ({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: condition });

    it("renames kms:CallerAccount (any case) in every condition block of a JSON string", () => {
        const r = rewriteKmsCallerAccount(JSON.stringify({ Statement: [statement({ StringEquals: { "KMS:CallerAccount": "1", "kms:ViaService": "s" } })] }));
        expect(r.renamed).toBe(true);
        expect(r.document).toEqual({ Statement: [statement({ StringEquals: { "aws:PrincipalAccount": "1", "kms:ViaService": "s" } })] });
    });

    it("leaves a block that already has aws:PrincipalAccount alone, and says so", () => {
        const doc = { Statement: statement({ StringEquals: { "kms:CallerAccount": "1", "aws:PrincipalAccount": "1" } }) };
        const r = rewriteKmsCallerAccount(doc);
        expect(r.renamed).toBe(false);
        expect(r.hadPrincipalAccount).toBe(true);
        expect(r.document).toBe(doc);
    });

    it("does not touch the input object", () => {
        const doc = { Statement: [statement({ StringEquals: { "kms:CallerAccount": "1" } })] };
        const copy = JSON.parse(JSON.stringify(doc));
        rewriteKmsCallerAccount(doc);
        expect(doc).toEqual(copy);
    });

    it.each([[UNKNOWN_STRING], ["not json"], [42], [{ NoStatement: true }]])("passes %j through unchanged", (value) => {
        const r = rewriteKmsCallerAccount(value);
        expect(r.renamed).toBe(false);
        expect(r.document).toBe(value);
    });
});

describe("resourcePolicyFindings", () => {
    const anyone = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };

    it("reports absent, inline-empty, public, unknown and malformed documents", () => {
        expect(resourcePolicyFindings(undefined, "policy").kind).toBe("absent");
        expect(resourcePolicyFindings("{}", "policy", { inlineOptional: true }).kind).toBe("absent");
        expect(resourcePolicyFindings("{}", "policy").kind).toBe("malformed");
        expect(resourcePolicyFindings(JSON.stringify({ Statement: [anyone] }), "policy").kind).toBe("public");
        const unknown = resourcePolicyFindings(UNKNOWN_STRING, "policy");
        expect(unknown.kind).toBe("unknown");
        expect(unknown.findings[0].advisory).toBe(true);
    });

    it("treats a fixed kms:CallerAccount as scoping only for key policies", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }] });
        expect(resourcePolicyFindings(doc, "policy", { kmsKeyPolicy: true }).kind).toBe("not-public");
        expect(resourcePolicyFindings(doc, "policy").kind).toBe("public");
    });

    it("names kms:CallerAccount, not the key it was analysed as, in messages", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringNotEquals: { "kms:CallerAccount": "123456789012" } } }] });
        const { findings } = resourcePolicyFindings(doc, "policy", { kmsKeyPolicy: true });
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toContain("StringNotEquals is a negated operator");
        expect(findings[0].message).not.toContain("aws:PrincipalAccount");
    });

    it("accepts the access point context", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-east-1:123456789012:accesspoint/*" } } }] });
        expect(resourcePolicyFindings(doc, "policy").kind).toBe("not-public");
        expect(resourcePolicyFindings(doc, "policy", { accessPointContext: true }).kind).toBe("public");
    });
});
