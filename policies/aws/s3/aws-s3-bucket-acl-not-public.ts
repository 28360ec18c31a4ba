import { cannedAclFindings, grantFindings } from "../../lib/aws-storage";
import { arrayField, isObject, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";
import { privateCannedAcl } from "../../lib/remediation";

// Shapes (docs/aws-tokens.md §1): inline Bucket / BucketV2 `acl` and `grants[].uri` (the uri sits on the
// grant); BucketAcl / BucketAclV2 `acl` and `accessControlPolicy.grants[].grantee.uri`. An omitted `acl` is
// S3's default `private` ACL. Object ACLs (BucketObject, BucketObjectv2, ObjectCopy) are the job of
// aws-s3-object-acl-not-public.

const INLINE_ACL_TYPES = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const CONSEQUENCE = "the bucket ACL grants access to AllUsers or AuthenticatedUsers";

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
        const findings = cannedAclFindings(stringField(props, "acl"), "acl", CONSEQUENCE);
        if (INLINE_ACL_TYPES.has(resource.type)) {
            return [...findings, ...grantFindings(arrayField(props, "grants"), "grants", (g) => g, CONSEQUENCE)];
        }
        const policy = props.accessControlPolicy;
        if (isUnknown(policy)) {
            return [...findings, unknownSwitchFinding("accessControlPolicy", CONSEQUENCE)];
        }
        if (policy !== undefined && policy !== null && !isObject(policy)) {
            return [...findings, invalidFieldFinding("accessControlPolicy", policy, "an object", CONSEQUENCE)];
        }
        return [
            ...findings,
            ...grantFindings(
                arrayField(policy, "grants"),
                "accessControlPolicy.grants",
                (g) => (isObject(g) ? g.grantee : g),
                CONSEQUENCE,
            ),
        ];
    },
    remediate: (resource) => privateCannedAcl(resource.props),
};
