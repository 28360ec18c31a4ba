import type { StackRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

const BUCKETS = awsTypes("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2");
const BLOCKS = awsTypes("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");

export const awsS3BucketPublicAccessBlockAttached: StackRule = {
    kind: "stack",
    name: "aws-s3-bucket-public-access-block-attached",
    description:
        "Every S3 bucket must have its own aws.s3.BucketPublicAccessBlock in the same stack: privacy is explicit " +
        "in the program, not left to whatever the account enforces.",
    severity: "high",
    remediationSteps:
        "Add `new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, " +
        "ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true })` for the bucket.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    catalog: "AWS: Bucket public access block missing or any flag false",
    check(stack) {
        const covered = new Set<string>();
        for (const block of stack.ofType(BLOCKS)) {
            for (const bucket of stack.linked(block, "bucket", BUCKETS, ["id", "bucket"])) {
                covered.add(bucket.urn);
            }
        }
        return stack
            .ofType(BUCKETS)
            .filter((bucket) => !covered.has(bucket.urn))
            .map((bucket) => ({
                urn: bucket.urn,
                message:
                    `Bucket "${bucket.name}" has no BucketPublicAccessBlock whose \`bucket\` refers to it ` +
                    "(looked for by property dependency, dependency and known bucket name), so nothing in the " +
                    "program stops a later ACL or policy from making it public.",
            }));
    },
};
