import { awsS3BucketWebsiteNotPublic as rule } from "../../policies/aws/s3/aws-s3-bucket-website-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
const WEBSITE_V2 = "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2";
const M = "mandatory" as const;
const flags = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): TestResource => ({ type, name, props: { bucket: `${name}-1234`, ...props } });
/** A resource whose `bucket` comes from bucket `of` (propertyDependencies, as in a preview). */
const onBucket = (type: string, name: string, of: string, props: Record<string, unknown>, bucketType = BUCKET): TestResource => ({
    type,
    name,
    props: { bucket: UNKNOWN, ...props },
    propertyDependencies: { bucket: [urnOf(bucketType, of)] },
    dependencies: [urnOf(bucketType, of)],
});
const website = (name: string, of: string, bucketType = BUCKET, type = WEBSITE) => onBucket(type, name, of, { indexDocument: { suffix: "index.html" } }, bucketType);
const block = (name: string, of: string, props: Record<string, unknown> = flags, bucketType = BUCKET) => onBucket(PAB, name, of, props, bucketType);

ruleTable(rule, [
    { kind: "pass", name: "website on a bucket whose block has all four flags (preview links)", resources: [bucket("site"), website("site", "site"), block("site", "site")], expect: [] },
    { kind: "pass", name: "V2 website configuration on a BucketV2 with a full block", resources: [bucket("site", {}, BUCKET_V2), website("site", "site", BUCKET_V2, WEBSITE_V2), block("site", "site", flags, BUCKET_V2)], expect: [] },
    {
        kind: "pass",
        name: "block linked by known bucket name (deployed)",
        resources: [bucket("site", { bucket: "assets" }), { type: WEBSITE, name: "site", props: { bucket: "assets" } }, { type: PAB, name: "site", props: { bucket: "assets", ...flags } }],
        expect: [],
    },
    {
        kind: "pass",
        name: "bucket block partial, account block completes it (most restrictive combination)",
        resources: [bucket("site"), website("site", "site"), block("site", "site", { ...flags, restrictPublicBuckets: false }), { type: ACCOUNT, name: "account", props: { restrictPublicBuckets: true } }],
        expect: [],
    },
    { kind: "pass", name: "a bucket without a website needs nothing from this rule", resources: [bucket("data")], expect: [] },
    { kind: "pass", name: "inline website on a fully blocked bucket", resources: [bucket("site", { website: { indexDocument: "index.html" } }), block("site", "site")], expect: [] },
    { kind: "fail", name: "website on a bucket without any block", resources: [bucket("site"), website("site-web", "site")], expect: [{ level: M, message: 'BucketWebsiteConfiguration "site-web" hosts a static website on bucket "site", which has no BucketPublicAccessBlock', resource: "site-web" }] },
    {
        kind: "fail",
        name: "website on a bucket whose block leaves restrictPublicBuckets false and ignorePublicAcls omitted",
        resources: [bucket("site"), website("site", "site"), block("site", "site", { blockPublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false })],
        expect: [{ level: M, message: "its public access block leaves ignorePublicAcls (omitted, so false), restrictPublicBuckets (false) off" }],
    },
    {
        kind: "fail",
        name: "the block of another bucket does not cover the website's bucket",
        resources: [bucket("site"), bucket("data"), website("site", "site"), block("data", "data")],
        expect: [{ level: M, message: 'bucket "site", which has no BucketPublicAccessBlock' }],
    },
    { kind: "fail", name: "inline Bucket.website without a block", resources: [bucket("site", { website: { indexDocument: "index.html" } })], expect: [{ level: M, message: 'The inline `website` of bucket "site" hosts a static website on it', resource: "site" }] },
    { kind: "fail", name: "inline BucketV2.websites (an array) without a block", resources: [bucket("site", { websites: [{ indexDocument: "index.html" }] }, BUCKET_V2)], expect: [{ level: M, message: "The inline `websites` of bucket" }] },
    {
        kind: "fail",
        name: "only an account block with a flag off",
        resources: [bucket("site"), website("site", "site"), { type: ACCOUNT, name: "account", props: { ...flags, blockPublicPolicy: false } }],
        expect: [{ level: M, message: "the account public access block leaves blockPublicPolicy (false) off" }],
    },
    {
        kind: "fail",
        name: "website on a bucket outside the stack, no block for its name",
        resources: [{ type: WEBSITE, name: "legacy", props: { bucket: "legacy-assets", indexDocument: { suffix: "index.html" } } }],
        expect: [{ level: M, message: 'hosts a static website on bucket "legacy-assets", which has no BucketPublicAccessBlock' }],
    },
    { kind: "not-applicable", name: "a stack without websites", resources: [{ type: "aws:dynamodb/table:Table", name: "registry", props: {} }], expect: [] },
    { kind: "not-applicable", name: "inline website null / empty array is no website", resources: [bucket("a", { website: null }), bucket("b", { websites: [] }, BUCKET_V2)], expect: [] },
    {
        kind: "unknown",
        name: "block flag unknown (and every other flag on): fails closed",
        resources: [bucket("site"), website("site", "site"), block("site", "site", { ...flags, ignorePublicAcls: UNKNOWN })],
        expect: [{ level: M, message: "leaves ignorePublicAcls (unknown during preview) off" }],
    },
    {
        kind: "unknown",
        name: "website whose bucket is unknown and not linked",
        resources: [{ type: WEBSITE, name: "orphan", props: { bucket: UNKNOWN } }],
        expect: [{ level: M, message: "a bucket the pack cannot identify" }],
    },
    { kind: "unknown", name: "inline website unknown on a bucket without a block", resources: [bucket("site", { website: UNKNOWN })], expect: [{ level: M, message: "(unknown during preview, so possibly)" }] },
    { kind: "unknown", name: "inline website unknown on a fully blocked bucket", resources: [bucket("site", { website: UNKNOWN }), block("site", "site")], expect: [] },
    {
        kind: "malformed",
        name: "block flag given as a string is not on",
        resources: [bucket("site"), website("site", "site"), block("site", "site", { ...flags, blockPublicAcls: "true" })],
        expect: [{ level: M, message: 'blockPublicAcls (invalid: "true")' }],
    },
    { kind: "malformed", name: "inline website of the wrong type fails closed", resources: [bucket("site", { website: "index.html" })], expect: [{ level: M, message: "The inline `website` of bucket \"site\"" }] },
]);
