import { resourcePolicyFindings } from "../../lib/aws-storage";
import type { ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

// Where a bucket policy can be written (docs/aws-tokens.md §3):
//   aws:s3/bucketPolicy:BucketPolicy       `policy`: JSON string or PolicyDocument object (required)
//   aws:s3/bucket:Bucket                   inline `policy`: string or object (optional, deprecated)
//   aws:s3/bucketV2:BucketV2               inline `policy`: string only (optional, deprecated)
//   aws:s3control/bucketPolicy:BucketPolicy `policy` string: S3 on Outposts buckets (`bucket` is an ARN)
// An inline policy that is "" or "{}" is no policy (the provider removes it). "Public" is AWS's meaning of
// public for bucket policies (policies/lib/iam-policy.ts): an Allow to "*", {"AWS": "*"}, a wildcard or
// Federated principal, or NotPrincipal, unless a condition pins a scoping key to fixed values. In a bucket
// policy s3:DataAccessPointArn may wildcard the access point name when the account is fixed.

const POLICY_TYPES: ReadonlyMap<string, { inline: boolean }> = new Map([
    ["aws:s3/bucketPolicy:BucketPolicy", { inline: false }],
    ["aws:s3control/bucketPolicy:BucketPolicy", { inline: false }],
    ["aws:s3/bucket:Bucket", { inline: true }],
    ["aws:s3/bucketV2:BucketV2", { inline: true }],
]);

export const awsS3BucketPolicyNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-s3-bucket-policy-not-public",
    description:
        "S3 bucket policies must not allow access to everyone (Principal \"*\", {\"AWS\": \"*\"} or NotPrincipal) " +
        "unless a condition limits it to fixed accounts, organisations, VPCs, VPC endpoints, source ARNs or " +
        "narrow IP ranges.",
    severity: "critical",
    remediationSteps:
        "Grant the bucket to named principals (account, role or service principal), or add a condition on a " +
        "fixed value of aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceVpc, aws:SourceArn " +
        "or aws:SourceAccount. aws:SecureTransport, aws:Referer and aws:UserAgent do not limit who can call. " +
        "Deny statements are fine. For CloudFront, use an origin access control and allow the " +
        "cloudfront.amazonaws.com service principal with AWS:SourceArn set to the distribution.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
    catalog: "AWS: Bucket policy granting `*` without a scoping condition (incl. NotPrincipal + Allow)",
    appliesTo: awsTypes(...POLICY_TYPES.keys()),
    check(resource) {
        const entry = POLICY_TYPES.get(resource.type);
        if (entry === undefined) {
            return [];
        }
        return resourcePolicyFindings(resource.props.policy, "policy", { inlineOptional: entry.inline }).findings;
    },
};
