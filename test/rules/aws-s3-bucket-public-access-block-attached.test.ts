import { awsS3BucketPublicAccessBlockAttached as rule } from "../../policies/aws/s3/aws-s3-bucket-public-access-block-attached";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const M = "mandatory" as const;
const flags = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

const bucket = (name: string, props: Record<string, unknown> = {}, type = BUCKET): TestResource => ({ type, name, props: { bucket: `${name}-1234`, ...props } });
const block = (name: string, props: Record<string, unknown>, links: Partial<TestResource> = {}): TestResource => ({ type: PAB, name, props: { ...flags, ...props }, ...links });

ruleTable(rule, [
    {
        kind: "pass",
        name: "block linked by propertyDependencies while bucket id is unknown (preview)",
        resources: [bucket("telemetry", { bucket: UNKNOWN }), block("telemetry", { bucket: UNKNOWN }, { propertyDependencies: { bucket: [urnOf(BUCKET, "telemetry")] }, dependencies: [urnOf(BUCKET, "telemetry")] })],
        expect: [],
    },
    {
        kind: "pass",
        name: "block linked by dependency only (no propertyDependencies recorded)",
        resources: [bucket("telemetry", {}, BUCKET_V2), block("telemetry", { bucket: UNKNOWN }, { dependencies: [urnOf(BUCKET_V2, "telemetry")] })],
        expect: [],
    },
    {
        kind: "pass",
        name: "block linked by known bucket name (deployed, literal name)",
        resources: [bucket("telemetry", { bucket: "vin-telemetry" }), block("telemetry", { bucket: "vin-telemetry" })],
        expect: [],
    },
    {
        kind: "pass",
        name: "two buckets, two blocks, each linked through its own dependency",
        resources: [
            bucket("a"),
            bucket("b"),
            block("a", { bucket: "a-1234" }, { dependencies: [urnOf(BUCKET, "a"), urnOf(BUCKET, "b")] }),
            block("b", { bucket: "b-1234" }, { dependencies: [urnOf(BUCKET, "a"), urnOf(BUCKET, "b")] }),
        ],
        expect: [],
    },
    { kind: "fail", name: "bucket without any block", resources: [bucket("telemetry")], expect: [{ level: M, message: 'Bucket "telemetry" has no BucketPublicAccessBlock', resource: "telemetry" }] },
    {
        kind: "fail",
        name: "block for another bucket does not cover this one",
        resources: [bucket("logs"), bucket("telemetry"), block("logs", { bucket: UNKNOWN }, { propertyDependencies: { bucket: [urnOf(BUCKET, "logs")] } })],
        expect: [{ level: M, message: 'Bucket "telemetry"', resource: "telemetry" }],
    },
    {
        kind: "fail",
        name: "block whose known name matches no bucket",
        resources: [bucket("telemetry", {}, BUCKET_V2), block("orphan", { bucket: "some-other-bucket" })],
        expect: [{ level: M, message: 'Bucket "telemetry"' }],
    },
    {
        kind: "fail",
        name: "dependency on two buckets narrowed by the known name",
        resources: [bucket("a"), bucket("b"), block("a", { bucket: "a-1234" }, { dependencies: [urnOf(BUCKET, "a"), urnOf(BUCKET, "b")] })],
        expect: [{ level: M, message: 'Bucket "b"', resource: "b" }],
    },
    { kind: "not-applicable", name: "a stack without buckets", resources: [{ type: "aws:dynamodb/table:Table", name: "registry", props: {} }], expect: [] },
    {
        kind: "unknown",
        name: "block with unknown bucket and no recorded links covers nothing",
        resources: [bucket("telemetry", { bucket: UNKNOWN }), block("telemetry", { bucket: UNKNOWN })],
        expect: [{ level: M, message: 'Bucket "telemetry"' }],
    },
    {
        kind: "malformed",
        name: "block whose bucket is not a string links nothing",
        resources: [bucket("telemetry"), block("telemetry", { bucket: { name: "telemetry-1234" } })],
        expect: [{ level: M, message: 'Bucket "telemetry"' }],
    },
]);
