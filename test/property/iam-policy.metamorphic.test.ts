// Metamorphic properties of AWS's "meaning of public" as policies/lib/iam-policy.ts implements it.
// Fixed seed and bounded runs: deterministic, a few seconds.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePolicyDocument, type DocumentVerdict } from "../../policies/lib/iam-policy";

const SETTINGS = { seed: 20230512, numRuns: 300 };

type Statement = Record<string, unknown>;

const principals = fc.constantFrom<unknown>(
    "*",
    { AWS: "*" },
    { AWS: ["*", "arn:aws:iam::111122223333:root"] },
    { AWS: "arn:aws:iam::111122223333:root" },
    { AWS: ["arn:aws:iam::111122223333:role/ingest", "444455556666"] },
    { Service: "cloudfront.amazonaws.com" },
    { CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
    { Federated: "graph.facebook.com" },
);

const scopingConditions = fc.constantFrom<Record<string, Record<string, unknown>>>(
    { StringEquals: { "aws:SourceVpc": "vpc-91237329" } },
    { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } },
    { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
    { ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } },
    { StringEquals: { "aws:SourceAccount": "111122223333" } },
    { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
    { IpAddress: { "aws:SourceIp": ["192.168.0.0/16", "10.0.0.0/8"] } },
);

const nonScopingConditions = fc.constantFrom<Record<string, Record<string, unknown>>>(
    { Bool: { "aws:SecureTransport": "true" } },
    { StringLike: { "aws:Referer": "https://portal.example.com/*" } },
    { StringNotEquals: { "aws:SourceVpc": "vpc-91237329" } },
    { StringLike: { "aws:SourceVpc": "vpc-*" } },
    { StringEqualsIfExists: { "aws:SourceVpc": "vpc-91237329" } },
    { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } },
    { "ForAllValues:StringEquals": { "aws:SourceVpc": ["vpc-91237329"] } },
);

const actions = fc.constantFrom<unknown>("s3:GetObject", ["s3:GetObject", "s3:ListBucket"], "*", "kms:Decrypt");

const statement: fc.Arbitrary<Statement> = fc.record(
    {
        Sid: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
        Effect: fc.constantFrom("Allow", "Deny"),
        Principal: principals,
        Action: actions,
        Resource: fc.constant("arn:aws:s3:::vin-telemetry/*"),
        Condition: fc.oneof(scopingConditions, nonScopingConditions),
    },
    { requiredKeys: ["Effect", "Principal", "Action", "Resource"] },
);

const documents = fc.array(statement, { minLength: 1, maxLength: 5 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

const isPublic = (doc: unknown): boolean => analyzePolicyDocument(doc).kind === "public";
const verdictKind = (doc: unknown): DocumentVerdict["kind"] => analyzePolicyDocument(doc).kind;

function withStatements(doc: { Statement: Statement[] }, statements: Statement[]) {
    return { ...doc, Statement: statements };
}

function conditionKeysUpperCased(s: Statement): Statement {
    if (!s.Condition) return s;
    const condition = Object.fromEntries(
        Object.entries(s.Condition as Record<string, Record<string, unknown>>).map(([op, block]) => [
            op,
            Object.fromEntries(Object.entries(block).map(([key, v]) => [key.toUpperCase(), v])),
        ]),
    );
    return { ...s, Condition: condition };
}

function asArrays(s: Statement): Statement {
    const wrap = (v: unknown) => (typeof v === "string" ? [v] : v);
    const out: Statement = { ...s, Action: wrap(s.Action), Resource: wrap(s.Resource) };
    if (s.Principal && typeof s.Principal === "object") {
        out.Principal = Object.fromEntries(Object.entries(s.Principal as Record<string, unknown>).map(([k, v]) => [k, wrap(v)]));
    }
    if (s.Condition) {
        out.Condition = Object.fromEntries(
            Object.entries(s.Condition as Record<string, Record<string, unknown>>).map(([op, block]) => [
                op,
                Object.fromEntries(Object.entries(block).map(([k, v]) => [k, wrap(v)])),
            ]),
        );
    }
    return out;
}

describe("metamorphic properties of the public-policy verdict", () => {
    it("adding a Deny statement never makes a document public", () => {
        fc.assert(
            fc.property(documents, statement, (doc, extra) => {
                const deny = { ...extra, Effect: "Deny" };
                expect(isPublic(withStatements(doc, [...doc.Statement, deny]))).toBe(isPublic(doc));
            }),
            SETTINGS,
        );
    });

    it("adding an unconditioned Allow to \"*\" always makes it public", () => {
        fc.assert(
            fc.property(documents, fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ["*"] }), (doc, everyone) => {
                const open = { Effect: "Allow", Principal: everyone, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" };
                expect(verdictKind(withStatements(doc, [...doc.Statement, open]))).toBe("public");
            }),
            SETTINGS,
        );
    });

    it("replacing a fixed scoping value with a wildcard or a policy variable never makes a public document private", () => {
        fc.assert(
            fc.property(documents, fc.constantFrom("vpc-*", "${aws:SourceVpc}", "*", "vpc-9123732?"), (doc, loose) => {
                const loosened = doc.Statement.map((s) => {
                    const text = JSON.stringify(s).replace(/"vpc-91237329"|"o-abc123def4"|"vpce-1a2b3c4d"|"111122223333"(?=\})/g, JSON.stringify(loose));
                    return JSON.parse(text) as Statement;
                });
                if (isPublic(doc)) {
                    expect(isPublic(withStatements(doc, loosened))).toBe(true);
                }
            }),
            SETTINGS,
        );
    });

    it("narrowing an IP range never turns a private verdict public", () => {
        const narrower: Record<string, string> = { "203.0.113.0/24": "203.0.113.0/28", "192.168.0.0/16": "192.168.10.0/24", "10.0.0.0/8": "10.20.0.0/16" };
        fc.assert(
            fc.property(documents, (doc) => {
                const narrowed = JSON.parse(JSON.stringify(doc).replace(/"(203\.0\.113\.0\/24|192\.168\.0\.0\/16|10\.0\.0\.0\/8)"/g, (_m, cidr: string) => `"${narrower[cidr]}"`));
                if (!isPublic(doc)) {
                    expect(isPublic(narrowed)).toBe(false);
                }
            }),
            SETTINGS,
        );
    });

    it("the verdict does not depend on statement order, condition key case, string vs array form, or JSON string vs object", () => {
        fc.assert(
            fc.property(documents, (doc) => {
                const kind = verdictKind(doc);
                expect(verdictKind(withStatements(doc, [...doc.Statement].reverse()))).toBe(kind);
                expect(verdictKind(withStatements(doc, doc.Statement.map(conditionKeysUpperCased)))).toBe(kind);
                expect(verdictKind(withStatements(doc, doc.Statement.map(asArrays)))).toBe(kind);
                expect(verdictKind(JSON.stringify(doc))).toBe(kind);
                if (doc.Statement.length === 1) {
                    expect(verdictKind({ Version: "2012-10-17", Statement: doc.Statement[0] })).toBe(kind);
                }
            }),
            SETTINGS,
        );
    });
});
