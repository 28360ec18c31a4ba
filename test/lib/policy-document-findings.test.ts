import { describe, expect, it } from "vitest";
import type { AnalyzeOptions } from "../../policies/lib/iam-policy";
import { policyDocumentFindings } from "../../policies/lib/policy-document-findings";
import type { Finding } from "../../policies/lib/rule";
import { allow, policy } from "./policy-documents";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // Pulumi's unknown string sentinel

const accessPointWildcard = policy(allow({ AWS: "*" }, { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-west-2:123456789012:accesspoint/*" } }));

type Case = [name: string, document: unknown, expected: Finding[], options?: AnalyzeOptions];

describe("policyDocumentFindings", () => {
    it.each<Case>([
        ["nothing: no document (undefined)", undefined, []],
        ["nothing: no document (null)", null, []],
        ["nothing: not public (a fixed account)", policy(allow({ AWS: "111122223333" })), []],
        ["nothing: a bucket policy may wildcard the access point name", accessPointWildcard, []],
        [
            "violation: the same wildcard in an access point policy (options are passed on)",
            accessPointWildcard,
            [
                {
                    message:
                        '`policy` statement index 0 allows "s3:GetObject" to {"AWS":"*"}, and s3:DataAccessPointArn uses wildcard ' +
                        '"arn:aws:s3:us-west-2:123456789012:accesspoint/*", which makes an access point policy public: anyone can use it.',
                },
            ],
            { accessPointContext: true },
        ],
        [
            "violation: a document the pack cannot read is treated as public",
            { Version: "2012-10-17" },
            [{ message: "`policy` cannot be read (the policy document has no Statement); a document the pack cannot read is treated as public." }],
        ],
        [
            "warning: a document unknown at preview is checked at update time",
            UNKNOWN,
            [
                {
                    advisory: true,
                    message:
                        "`policy` is not known during preview (the policy document is unknown at preview); it will be checked at update time, " +
                        "before the resource is created, and a public document will fail the update then.",
                },
            ],
        ],
        [
            "violation: one per public statement, named by Sid and index, or by index alone",
            policy(allow("*", undefined, { Sid: "PublicRead" }), allow({ AWS: "111122223333" }), allow({ AWS: "*" }, { Bool: { "aws:SecureTransport": "true" } })),
            [
                { message: '`policy` statement "PublicRead" (index 0) allows "s3:GetObject" to "*", and no Condition: anyone can use it.' },
                { message: '`policy` statement index 2 allows "s3:GetObject" to {"AWS":"*"}, and aws:SecureTransport does not limit who can call: anyone can use it.' },
            ],
        ],
    ])("%s", (_name, document, expected, options) => {
        expect(policyDocumentFindings(document, "policy", options)).toStrictEqual(expected);
    });
});
