import { awsS3BucketPublicAccessBlockEnabled as rule } from "../../policies/aws/s3/aws-s3-bucket-public-access-block-enabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const M = "mandatory" as const;
const allTrue = { bucket: "telemetry", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

ruleTable(rule, [
    { kind: "pass", name: "all four flags true", resources: one(PAB, allTrue), expect: [] },
    { kind: "pass", name: "all four flags true, bucket unknown", resources: one(PAB, { ...allTrue, bucket: UNKNOWN }), expect: [] },
    { kind: "fail", name: "blockPublicAcls false", resources: one(PAB, { ...allTrue, blockPublicAcls: false }), expect: [{ level: M, message: "`blockPublicAcls` is false" }] },
    { kind: "fail", name: "ignorePublicAcls false", resources: one(PAB, { ...allTrue, ignorePublicAcls: false }), expect: [{ level: M, message: "`ignorePublicAcls` is false" }] },
    { kind: "fail", name: "blockPublicPolicy false", resources: one(PAB, { ...allTrue, blockPublicPolicy: false }), expect: [{ level: M, message: "`blockPublicPolicy` is false" }] },
    { kind: "fail", name: "restrictPublicBuckets false", resources: one(PAB, { ...allTrue, restrictPublicBuckets: false }), expect: [{ level: M, message: "`restrictPublicBuckets` is false" }] },
    { kind: "fail", name: "restrictPublicBuckets omitted defaults to false", resources: one(PAB, { ...allTrue, restrictPublicBuckets: undefined }), expect: [{ level: M, message: "`restrictPublicBuckets` is omitted, and the resource defaults it to false" }] },
    {
        kind: "fail",
        name: "every flag omitted: four violations",
        resources: one(PAB, { bucket: "telemetry" }),
        expect: ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"].map((f) => ({ level: M, message: `\`${f}\` is omitted` })),
    },
    { kind: "not-applicable", name: "the account-level block is another resource", resources: one("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", {}), expect: [] },
    { kind: "not-applicable", name: "a bucket", resources: one("aws:s3/bucketV2:BucketV2", {}), expect: [] },
    { kind: "unknown", name: "blockPublicPolicy unknown at preview fails closed", resources: one(PAB, { ...allTrue, blockPublicPolicy: UNKNOWN }), expect: [{ level: M, message: "`blockPublicPolicy` is unknown during preview" }] },
    { kind: "malformed", name: "flag given as the string \"true\"", resources: one(PAB, { ...allTrue, ignorePublicAcls: "true" }), expect: [{ level: M, message: '`ignorePublicAcls` is "true", which is not a boolean' }] },
    { kind: "malformed", name: "flag given as an object", resources: one(PAB, { ...allTrue, blockPublicAcls: { value: true } }), expect: [{ level: M, message: "`blockPublicAcls` is {\"value\":true}, which is not a boolean" }] },
]);
