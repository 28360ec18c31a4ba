import { classifyCannedAcl, publicGroupOf } from "../../lib/aws-s3";
import { arrayField, isObject, stringField, type Field } from "../../lib/props";
import {
    invalidFieldFinding,
    showValue,
    unknownSwitchFinding,
    type Finding,
    type ResourceRule,
} from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

const INLINE_ACL_TYPES = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const CONSEQUENCE = "the bucket ACL grants access to AllUsers or AuthenticatedUsers";

function checkCannedAcl(field: Field<string>, path: string): Finding[] {
    switch (field.state) {
        case "absent":
            return []; // S3's default for a new bucket is the `private` canned ACL.
        case "unknown":
            return [unknownSwitchFinding(path, CONSEQUENCE)];
        case "invalid":
            return [invalidFieldFinding(path, field.raw, field.expected, CONSEQUENCE)];
        case "known": {
            const verdict = classifyCannedAcl(field.value);
            if (verdict.kind === "public") {
                return [{ message: `\`${path}\` is "${field.value}", which ${verdict.why}. Use "private".` }];
            }
            if (verdict.kind === "unrecognised") {
                return [invalidFieldFinding(path, field.value, "a canned ACL S3 accepts", CONSEQUENCE)];
            }
            return [];
        }
    }
}

/** Grants are `[{ type, uri, id, permissions }]` inline, `[{ grantee: { type, uri, id }, permission }]` on BucketAcl. */
function checkGrants(grants: Field<unknown[]>, path: string, granteeOf: (g: unknown) => unknown): Finding[] {
    if (grants.state === "absent") {
        return [];
    }
    if (grants.state === "unknown") {
        return [unknownSwitchFinding(path, CONSEQUENCE)];
    }
    if (grants.state === "invalid") {
        return [invalidFieldFinding(path, grants.raw, grants.expected, CONSEQUENCE)];
    }
    const findings: Finding[] = [];
    grants.value.forEach((grant, index) => {
        const grantPath = `${path}[${index}]`;
        if (isUnknown(grant)) {
            findings.push(unknownSwitchFinding(grantPath, CONSEQUENCE));
            return;
        }
        const grantee = granteeOf(grant);
        if (isUnknown(grantee)) {
            findings.push(unknownSwitchFinding(grantPath, CONSEQUENCE));
            return;
        }
        if (!isObject(grant) || !isObject(grantee)) {
            findings.push(invalidFieldFinding(grantPath, grant, "a grant object", CONSEQUENCE));
            return;
        }
        const uri = stringField(grantee, "uri");
        if (uri.state === "unknown") {
            findings.push(unknownSwitchFinding(`${grantPath}.uri`, CONSEQUENCE));
        } else if (uri.state === "invalid") {
            findings.push(invalidFieldFinding(`${grantPath}.uri`, uri.raw, uri.expected, CONSEQUENCE));
        } else if (uri.state === "known") {
            const group = publicGroupOf(uri.value);
            if (group) {
                const permissions = showValue(grant.permissions ?? grant.permission);
                findings.push({
                    message: `\`${grantPath}\` grants ${permissions} to ${group} (uri "${uri.value}"). Remove the grant.`,
                });
            }
        }
    });
    return findings;
}

export const awsS3BucketAclNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-s3-bucket-acl-not-public",
    description:
        "S3 bucket ACLs must not grant access to AllUsers or AuthenticatedUsers (canned ACLs public-read, " +
        "public-read-write, authenticated-read, or grants to those groups).",
    severity: "critical",
    remediationSteps:
        "Remove the public canned ACL or grant; keep the bucket `private` and disable ACLs with " +
        "aws.s3.BucketOwnershipControls (objectOwnership: BucketOwnerEnforced). Share data through a bucket " +
        "policy limited to named principals instead.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl",
    catalog: "AWS: Bucket ACL public",
    appliesTo: awsTypes(
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:s3/bucketAcl:BucketAcl",
        "aws:s3/bucketAclV2:BucketAclV2",
    ),
    check(resource) {
        const props = resource.props;
        if (INLINE_ACL_TYPES.has(resource.type)) {
            return [
                ...checkCannedAcl(stringField(props, "acl"), "acl"),
                ...checkGrants(arrayField(props, "grants"), "grants", (g) => g),
            ];
        }
        const policy = props.accessControlPolicy;
        const findings = checkCannedAcl(stringField(props, "acl"), "acl");
        if (isUnknown(policy)) {
            return [...findings, unknownSwitchFinding("accessControlPolicy", CONSEQUENCE)];
        }
        if (policy !== undefined && policy !== null && !isObject(policy)) {
            return [...findings, invalidFieldFinding("accessControlPolicy", policy, "an object", CONSEQUENCE)];
        }
        return [
            ...findings,
            ...checkGrants(
                arrayField(policy, "grants"),
                "accessControlPolicy.grants",
                (g) => (isObject(g) ? g.grantee : g),
            ),
        ];
    },
};
