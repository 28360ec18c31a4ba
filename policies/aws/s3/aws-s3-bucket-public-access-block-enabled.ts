import { blockFlagFindings } from "../../lib/aws-storage";
import type { ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { blockAllFlags } from "../../lib/remediation";

export const awsS3BucketPublicAccessBlockEnabled: ResourceRule = {
    kind: "resource",
    name: "aws-s3-bucket-public-access-block-enabled",
    description:
        "An S3 bucket public access block must set blockPublicAcls, ignorePublicAcls, blockPublicPolicy and " +
        "restrictPublicBuckets to true.",
    severity: "critical",
    remediationSteps:
        "Set all four flags of the aws.s3.BucketPublicAccessBlock to true. Each flag defaults to false when " +
        "omitted, so write them out.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    catalog: "AWS: Bucket public access block missing or any flag false",
    appliesTo: awsTypes("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"),
    check(resource) {
        // Each flag "Defaults to `false`" (s3/bucketPublicAccessBlock.d.ts, @pulumi/aws 7.48).
        return blockFlagFindings(resource.props, false, "");
    },
    remediate: (resource) => blockAllFlags(resource.props),
};
