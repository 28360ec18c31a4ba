import { awsS3BucketPolicyNotPublic as rule } from "../../policies/aws/s3/aws-s3-bucket-policy-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const OUTPOSTS = "aws:s3control/bucketPolicy:BucketPolicy";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const M = "mandatory" as const;
const A = "advisory" as const;

const ARN = "arn:aws:s3:::telemetry";
const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const json = (...s: unknown[]) => JSON.stringify(doc(...s));

const tlsOnly = { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [ARN, `${ARN}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
const cloudfront = {
    Sid: "CloudFrontOac",
    Effect: "Allow",
    Principal: { Service: "cloudfront.amazonaws.com" },
    Action: "s3:GetObject",
    Resource: `${ARN}/*`,
    Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E2ABC" } },
};
const publicRead = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` };
const orgOnly = { ...publicRead, Sid: "Org", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };

ruleTable(rule, [
    { kind: "pass", name: "TLS-only Deny to * plus CloudFront OAC allow (JSON string)", resources: one(POLICY, { bucket: "telemetry", policy: json(tlsOnly, cloudfront) }), expect: [] },
    { kind: "pass", name: "object-form document, * scoped by a fixed aws:PrincipalOrgID", resources: one(POLICY, { bucket: "telemetry", policy: doc(orgOnly) }), expect: [] },
    { kind: "pass", name: "Outposts bucket policy to a named account", resources: one(OUTPOSTS, { bucket: "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/bucket/b", policy: json({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3-outposts:*", Resource: "*" }) }), expect: [] },
    { kind: "pass", name: "bucket without an inline policy", resources: one(BUCKET, { bucket: "telemetry" }), expect: [] },
    { kind: "pass", name: "inline policy \"\" on BucketV2 means no policy", resources: one(BUCKET_V2, { policy: "" }), expect: [] },
    { kind: "pass", name: "inline policy \"{}\" on Bucket means no policy", resources: one(BUCKET, { policy: "{}" }), expect: [] },
    {
        kind: "pass",
        name: "wildcarded access point name with a fixed account (bucket-policy delegation)",
        resources: one(POLICY, { bucket: "telemetry", policy: json({ ...publicRead, Condition: { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-east-1:123456789012:accesspoint/*" } } }) }),
        expect: [],
    },
    { kind: "fail", name: "BucketPolicy Principal * with no condition", resources: one(POLICY, { bucket: "telemetry", policy: json(tlsOnly, publicRead) }), expect: [{ level: M, message: '`policy` statement "PublicRead" (index 1) allows "s3:GetObject" to "*", and no Condition' }] },
    { kind: "fail", name: "inline Bucket.policy object {AWS: *}", resources: one(BUCKET, { policy: doc({ ...publicRead, Principal: { AWS: "*" } }) }), expect: [{ level: M, message: '{"AWS":"*"}' }] },
    { kind: "fail", name: "inline BucketV2.policy string with NotPrincipal + Allow", resources: one(BUCKET_V2, { policy: json({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:*", Resource: "*" }) }), expect: [{ level: M, message: "NotPrincipal" }] },
    { kind: "fail", name: "Outposts bucket policy *", resources: one(OUTPOSTS, { bucket: "arn:aws:s3-outposts:us-east-1:1:outpost/o/bucket/b", policy: json(publicRead) }), expect: [{ level: M, message: "to \"*\"" }] },
    { kind: "fail", name: "* with only aws:SecureTransport does not scope", resources: one(POLICY, { bucket: "b", policy: json({ ...publicRead, Condition: { Bool: { "aws:SecureTransport": "true" } } }) }), expect: [{ level: M, message: "aws:SecureTransport does not limit who can call" }] },
    { kind: "fail", name: "* with a wildcard aws:SourceVpc", resources: one(POLICY, { bucket: "b", policy: json({ ...publicRead, Condition: { StringLike: { "aws:SourceVpc": "vpc-*" } } }) }), expect: [{ level: M, message: 'wildcard "vpc-*"' }] },
    { kind: "fail", name: "* with a broad aws:SourceIp range", resources: one(POLICY, { bucket: "b", policy: json({ ...publicRead, Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/1" } } }) }), expect: [{ level: M, message: "broader than /8" }] },
    { kind: "fail", name: "two public statements: two violations", resources: one(POLICY, { bucket: "b", policy: json(publicRead, { ...publicRead, Sid: "Write", Action: "s3:PutObject" }) }), expect: [{ level: M, message: '"PublicRead"' }, { level: M, message: '"Write"' }] },
    { kind: "not-applicable", name: "a bucket's public access block", resources: one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", policy: json(publicRead) }), expect: [] },
    { kind: "not-applicable", name: "an SQS queue policy is the datastore rule's job", resources: one("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "u", policy: json(publicRead) }), expect: [] },
    { kind: "unknown", name: "document built with pulumi.jsonStringify over bucket.arn: warning, checked at update time", resources: one(POLICY, { bucket: UNKNOWN, policy: UNKNOWN }), expect: [{ level: A, message: "`policy` is not known during preview" }] },
    { kind: "unknown", name: "object document whose Principal is unknown", resources: one(POLICY, { bucket: "b", policy: doc({ ...publicRead, Principal: UNKNOWN }) }), expect: [{ level: A, message: "Principal is unknown" }] },
    { kind: "unknown", name: "unknown Resource ARN does not matter", resources: one(POLICY, { bucket: "b", policy: doc({ ...cloudfront, Resource: UNKNOWN, Condition: { StringEquals: { "AWS:SourceArn": UNKNOWN } } }) }), expect: [] },
    { kind: "unknown", name: "a public statement wins over an unknown one", resources: one(POLICY, { bucket: "b", policy: doc({ ...orgOnly, Condition: { StringEquals: { "aws:PrincipalOrgID": UNKNOWN } } }, publicRead) }), expect: [{ level: M, message: '"PublicRead" (index 1)' }] },
    { kind: "malformed", name: "policy is not JSON", resources: one(POLICY, { bucket: "b", policy: "{ Statement: [" }), expect: [{ level: M, message: "not valid JSON" }] },
    { kind: "malformed", name: "required policy \"{}\" has no Statement", resources: one(POLICY, { bucket: "b", policy: "{}" }), expect: [{ level: M, message: "has no Statement" }] },
    { kind: "malformed", name: "Effect in the wrong case", resources: one(BUCKET, { policy: json({ ...publicRead, Effect: "allow" }) }), expect: [{ level: M, message: 'Effect "allow"' }] },
    { kind: "malformed", name: "policy of the wrong type", resources: one(BUCKET_V2, { policy: 42 }), expect: [{ level: M, message: "must be a JSON object" }] },
]);
