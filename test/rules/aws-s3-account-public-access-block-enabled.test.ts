import { awsS3AccountPublicAccessBlockEnabled as rule } from "../../policies/aws/s3/aws-s3-account-public-access-block-enabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const M = "mandatory" as const;
const allTrue = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

ruleTable(rule, [
    { kind: "pass", name: "all four flags true (provider's account)", resources: one(ACCOUNT, allTrue), expect: [] },
    { kind: "pass", name: "all four flags true, explicit accountId", resources: one(ACCOUNT, { ...allTrue, accountId: "123456789012" }), expect: [] },
    { kind: "fail", name: "blockPublicPolicy false", resources: one(ACCOUNT, { ...allTrue, blockPublicPolicy: false }), expect: [{ level: M, message: "`blockPublicPolicy` is false. Set it to true. The account block is the guardrail" }] },
    { kind: "fail", name: "ignorePublicAcls omitted defaults to false", resources: one(ACCOUNT, { ...allTrue, ignorePublicAcls: undefined }), expect: [{ level: M, message: "`ignorePublicAcls` is omitted, and the resource defaults it to false" }] },
    {
        kind: "fail",
        name: "an empty account block turns nothing on: four violations",
        resources: one(ACCOUNT, {}),
        expect: ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"].map((f) => ({ level: M, message: `\`${f}\` is omitted` })),
    },
    { kind: "fail", name: "restrictPublicBuckets and blockPublicAcls false", resources: one(ACCOUNT, { ...allTrue, restrictPublicBuckets: false, blockPublicAcls: false }), expect: [{ level: M, message: "`blockPublicAcls` is false" }, { level: M, message: "`restrictPublicBuckets` is false" }] },
    { kind: "not-applicable", name: "a bucket-level block is the bucket rule's job", resources: one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b" }), expect: [] },
    { kind: "not-applicable", name: "an access point's block (defaults true) is the access point rule's job", resources: one("aws:s3/accessPoint:AccessPoint", { bucket: "b" }), expect: [] },
    { kind: "unknown", name: "flag unknown at preview fails closed", resources: one(ACCOUNT, { ...allTrue, ignorePublicAcls: UNKNOWN }), expect: [{ level: M, message: "`ignorePublicAcls` is unknown during preview" }] },
    { kind: "unknown", name: "accountId unknown does not matter", resources: one(ACCOUNT, { ...allTrue, accountId: UNKNOWN }), expect: [] },
    { kind: "malformed", name: "flag given as a string", resources: one(ACCOUNT, { ...allTrue, blockPublicAcls: "yes" }), expect: [{ level: M, message: '`blockPublicAcls` is "yes", which is not a boolean' }] },
]);
