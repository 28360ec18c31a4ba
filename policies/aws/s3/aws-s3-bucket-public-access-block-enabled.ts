import { PUBLIC_ACCESS_BLOCK_FLAGS } from "../../lib/aws-s3";
import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

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
        const findings: Finding[] = [];
        for (const flag of PUBLIC_ACCESS_BLOCK_FLAGS) {
            const consequence = `the block's ${flag} guardrail is on`;
            const field = boolField(resource.props, flag);
            if (field.state === "absent") {
                findings.push({ message: `\`${flag}\` is omitted, and the resource defaults it to false. Set it to true.` });
            } else if (field.state === "unknown") {
                findings.push(unknownSwitchFinding(flag, consequence));
            } else if (field.state === "invalid") {
                findings.push(invalidFieldFinding(flag, field.raw, field.expected, consequence));
            } else if (!field.value) {
                findings.push({ message: `\`${flag}\` is false. Set it to true.` });
            }
        }
        return findings;
    },
};
