// The AWS storage rules end to end: real Pulumi programs run under mocks, sent through the compiled pack
// over gRPC by the offline runner, in preview (outputs of new resources unknown) and deployed mode (every
// value known). Run `npm run build` first: the runner launches the compiled pack.

import { describe, expect, it } from "vitest";
import { fixtureFindings } from "./run-check";

type Mode = "preview" | "deployed";

interface Case {
    fixture: string;
    mode: Mode;
    exitCode: number;
    lines: string[];
}

const cases: Case[] = [
    // A private bucket + its block + a TLS-only bucket policy (Deny to "*") with CloudFront OAC in front,
    // an account block, a private object, an access point, a KMS key limited to the account, a secret with
    // blockPublicPolicy and an SNS -> SQS queue policy: no finding at all, in either mode.
    { fixture: "aws-storage-private", mode: "preview", exitCode: 0, lines: [] },
    { fixture: "aws-storage-private", mode: "deployed", exitCode: 0, lines: [] },
    // Website hosting on a bucket without a block: the stack rules link by propertyDependencies at preview.
    ...(["preview", "deployed"] as const).map((mode) => ({
        fixture: "aws-storage-website-no-block",
        mode,
        exitCode: 1,
        lines: [
            "mandatory aws-s3-bucket-public-access-block-attached site",
            "mandatory aws-s3-bucket-website-not-public site-web",
        ],
    })),
    // CloudFront S3 origin without OAC: decided by the origin type at preview (domain unknown), by the
    // bucket's REST endpoint name once deployed.
    ...(["preview", "deployed"] as const).map((mode) => ({
        fixture: "aws-storage-cloudfront-no-oac",
        mode,
        exitCode: 1,
        lines: ["mandatory aws-cloudfront-distribution-s3-origin-access-restricted cdn"],
    })),
    // A bucket policy granting "*" built with pulumi.jsonStringify over bucket.arn: unknown at preview (a
    // warning, checked at update time), a mandatory violation once known.
    { fixture: "aws-storage-policy-star", mode: "preview", exitCode: 0, lines: ["advisory aws-s3-bucket-policy-not-public exports"] },
    { fixture: "aws-storage-policy-star", mode: "deployed", exitCode: 1, lines: ["mandatory aws-s3-bucket-policy-not-public exports"] },
];

describe("AWS storage rules end to end", () => {
    it.each(cases.map((c) => [`${c.fixture} (${c.mode})`, c] as const))("%s", (_label, c) => {
        const result = fixtureFindings(c.fixture, c.mode);
        expect(result.lines, result.stderr).toEqual(c.lines);
        expect(result.exitCode, result.stderr).toBe(c.exitCode);
    });
});
