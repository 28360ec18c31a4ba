import { describe, expect, it } from "vitest";
import {
    blockFlagFindings,
    classifyS3Endpoint,
    grantFindings,
    isEmptyInlinePolicy,
    readBlockFlags,
    resourcePolicyFindings,
    rewriteKmsCallerAccount,
} from "../../policies/lib/aws-storage";
import { arrayField, isObject } from "../../policies/lib/props";
import { UNKNOWN_STRING } from "../../policies/lib/unknown";

describe("grantFindings", () => {
    const C = "the bucket ACL grants access to AllUsers or AuthenticatedUsers";
    const ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    const AUTH_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    const LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    const unknown = (path: string) => ({
        message: `\`${path}\` is unknown during preview, so the pack cannot tell whether ${C}. An unknown exposure switch is treated as public: set it to a literal value in the program.`,
        unknown: true,
    });
    const invalid = (path: string, shown: string, expected: string) => ({
        message: `\`${path}\` is ${shown}, which is not ${expected}, so the pack cannot tell whether ${C}. It is treated as public: fix the value in the program.`,
    });
    // Inline Bucket / BucketV2 / ObjectCopy grants: the uri sits on the grant.
    const inline = (grants: unknown) => grantFindings(arrayField({ grants }, "grants"), "grants", (g) => g, C);
    // BucketAcl accessControlPolicy.grants: the uri sits on `grantee`.
    const acl = (grants: unknown) => grantFindings(arrayField({ grants }, "grants"), "accessControlPolicy.grants", (g) => (isObject(g) ? g.grantee : g), C);

    it.each([
        ["no grants", "inline", undefined, []],
        ["an empty list", "inline", [], []],
        ["a canonical user (no uri)", "inline", [{ type: "CanonicalUser", id: "abc", permissions: ["FULL_CONTROL"] }], []],
        ["the S3 LogDelivery group (server access logs only)", "inline", [{ type: "Group", uri: LOG_DELIVERY, permissions: ["WRITE", "READ_ACP"] }], []],
        [
            "AllUsers",
            "inline",
            [{ type: "Group", uri: ALL_USERS, permissions: ["READ"] }],
            [{ message: `\`grants[0]\` grants ["READ"] to AllUsers (anyone on the internet) (uri "${ALL_USERS}"). Remove the grant.` }],
        ],
        [
            "AuthenticatedUsers as the second BucketAcl grant",
            "acl",
            [{ grantee: { type: "CanonicalUser", id: "abc" }, permission: "FULL_CONTROL" }, { grantee: { type: "Group", uri: AUTH_USERS }, permission: "WRITE" }],
            [{ message: `\`accessControlPolicy.grants[1]\` grants "WRITE" to AuthenticatedUsers (any AWS account) (uri "${AUTH_USERS}"). Remove the grant.` }],
        ],
        ["grants unknown", "inline", UNKNOWN_STRING, [unknown("grants")]],
        ["grants not an array", "inline", "AllUsers", [invalid("grants", '"AllUsers"', "an array")]],
        ["an unknown grant", "inline", [UNKNOWN_STRING], [unknown("grants[0]")]],
        ["an unknown BucketAcl grantee", "acl", [{ grantee: UNKNOWN_STRING, permission: "READ" }], [unknown("accessControlPolicy.grants[0]")]],
        ["a grant that is not an object", "inline", [7], [invalid("grants[0]", "7", "a grant object")]],
        ["a BucketAcl grantee that is not an object", "acl", [{ grantee: "AllUsers", permission: "READ" }], [invalid("accessControlPolicy.grants[0]", '{"grantee":"AllUsers","permission":"READ"}', "a grant object")]],
        ["an unknown uri", "acl", [{ grantee: { type: "Group", uri: UNKNOWN_STRING }, permission: "READ" }], [unknown("accessControlPolicy.grants[0].uri")]],
        ["a uri that is not a string", "inline", [{ type: "Group", uri: 42, permissions: ["READ"] }], [invalid("grants[0].uri", "42", "a string")]],
    ])("%s", (_name, shape, grants, expected) => {
        expect((shape === "inline" ? inline : acl)(grants)).toEqual(expected);
    });

    it("an unknown grant is unknown even when the grantee picker reads only objects", () => {
        const findings = grantFindings(arrayField({ grants: [UNKNOWN_STRING] }, "grants"), "grants", (g) => (isObject(g) ? g.grantee : undefined), C);
        expect(findings).toEqual([unknown("grants[0]")]);
    });
});

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
        [" telemetry.s3.amazonaws.com\n", "rest", "telemetry"], // surrounding whitespace does not hide an S3 origin
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
        "example.comhttps://telemetry.s3.amazonaws.com", // a scheme is stripped only at the start of the name
        "telemetry.s3.amazonaws.com.example.net", // the whole name must be an S3 host, not its start
        "telemetry.s3-website-us-east-1.amazonaws.com.example.net",
        "example\ntelemetry.s3.amazonaws.com", // nor its last line
        "example\ntelemetry.s3-website-us-east-1.amazonaws.com",
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

    it("one finding per flag that is not on, in flag order, with exact messages", () => {
        const findings = blockFlagFindings({ blockPublicAcls: false, ignorePublicAcls: UNKNOWN_STRING, blockPublicPolicy: 1 }, false, "");
        expect(findings).toEqual([
            { message: "`blockPublicAcls` is false. Set it to true." },
            {
                message:
                    "`ignorePublicAcls` is unknown during preview, so the pack cannot tell whether the ignorePublicAcls guardrail is on. " +
                    "An unknown exposure switch is treated as public: set it to a literal value in the program.",
                unknown: true,
            },
            {
                message:
                    "`blockPublicPolicy` is 1, which is not a boolean, so the pack cannot tell whether the blockPublicPolicy guardrail is on. " +
                    "It is treated as public: fix the value in the program.",
            },
            { message: "`restrictPublicBuckets` is omitted, and the resource defaults it to false. Set it to true." },
        ]);
    });

    it("flags that are on, set or by default, give no finding; `extra` is appended to off flags", () => {
        expect(blockFlagFindings({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }, false, "")).toEqual([]);
        expect(blockFlagFindings({}, true, "publicAccessBlock.")).toEqual([]);
        expect(blockFlagFindings({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false }, true, "", " (see docs)")).toEqual([
            { message: "`blockPublicPolicy` is false. Set it to true. (see docs)" },
        ]);
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

    it("leaves condition blocks without kms:CallerAccount as they are", () => {
        const doc = { Statement: [statement({ StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" }, Bool: { "aws:SecureTransport": "true" } })] };
        const r = rewriteKmsCallerAccount(doc);
        expect(r.renamed).toBe(false);
        expect(r.hadPrincipalAccount).toBe(false);
        expect(r.document).toBe(doc);
    });

    it("never throws on a malformed condition block, and leaves it to the analyzer", () => {
        const doc = { Statement: [statement({ StringEquals: null, StringLike: "kms:CallerAccount" })] };
        const r = rewriteKmsCallerAccount(doc);
        expect(r.renamed).toBe(false);
        expect(r.document).toBe(doc);
    });

    it("does not parse a JSON policy held in a list: a list is not a policy document", () => {
        const listed = [JSON.stringify({ Statement: [statement({ StringEquals: { "kms:CallerAccount": "1" } })] })];
        const r = rewriteKmsCallerAccount(listed);
        expect(r.renamed).toBe(false);
        expect(r.document).toBe(listed);
    });

    it.each([[UNKNOWN_STRING], ["not json"], ["null"], [42], [null], [{ NoStatement: true }]])("passes %j through unchanged", (value) => {
        const r = rewriteKmsCallerAccount(value);
        expect(r.renamed).toBe(false);
        expect(r.document).toBe(value);
    });
});

describe("resourcePolicyFindings", () => {
    const anyone = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };

    it("reports absent, inline-empty, public, unknown and malformed documents", () => {
        expect(resourcePolicyFindings(undefined, "policy")).toEqual({ kind: "absent", findings: [] });
        expect(resourcePolicyFindings(null, "policy")).toEqual({ kind: "absent", findings: [] });
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

    it("keeps aws:PrincipalAccount in messages when the document itself uses it", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringLike: { "aws:PrincipalAccount": "12345678901*" } } }] });
        const expected = {
            kind: "public",
            findings: [{ message: '`policy` statement index 0 allows "*" to "*", and aws:PrincipalAccount uses StringLike with wildcard "12345678901*": anyone can use it.' }],
        };
        expect(resourcePolicyFindings(doc, "policy")).toEqual(expected);
        expect(resourcePolicyFindings(doc, "policy", { kmsKeyPolicy: true })).toEqual(expected);
    });

    it("a key policy that uses aws:PrincipalAccount itself keeps that name in its messages, next to a renamed kms:CallerAccount", () => {
        const doc = JSON.stringify({
            Statement: [
                { ...anyone, Sid: "caller", Condition: { StringLike: { "kms:CallerAccount": "12345678901*" } } },
                { ...anyone, Sid: "principal", Condition: { StringLike: { "aws:PrincipalAccount": "21098765432*" } } },
            ],
        });
        expect(resourcePolicyFindings(doc, "policy", { kmsKeyPolicy: true })).toEqual({
            kind: "public",
            findings: [
                // Which name this message uses is ambiguous once both keys appear in the document; only the verdict is pinned.
                { message: expect.stringContaining('`policy` statement "caller" (index 0) allows "*" to "*", and ') },
                { message: '`policy` statement "principal" (index 1) allows "*" to "*", and aws:PrincipalAccount uses StringLike with wildcard "21098765432*": anyone can use it.' },
            ],
        });
    });

    it("a key policy held in a list is malformed, not rewritten into a readable one", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }] });
        expect(resourcePolicyFindings([doc], "policy", { kmsKeyPolicy: true })).toEqual({
            kind: "malformed",
            findings: [{ message: "`policy` cannot be read (the policy document must be a JSON object, got an array); a document the pack cannot read is treated as public." }],
        });
    });

    it("names a wildcarded kms:CallerAccount in a key policy", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringLike: { "kms:CallerAccount": "12345678901*" } } }] });
        expect(resourcePolicyFindings(doc, "policy", { kmsKeyPolicy: true })).toEqual({
            kind: "public",
            findings: [{ message: '`policy` statement index 0 allows "*" to "*", and kms:CallerAccount uses StringLike with wildcard "12345678901*": anyone can use it.' }],
        });
    });

    it("accepts the access point context", () => {
        const doc = JSON.stringify({ Statement: [{ ...anyone, Condition: { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-east-1:123456789012:accesspoint/*" } } }] });
        expect(resourcePolicyFindings(doc, "policy").kind).toBe("not-public");
        expect(resourcePolicyFindings(doc, "policy", { accessPointContext: true }).kind).toBe("public");
    });
});
