import { awsS3AccessPointNotPublic as rule } from "../../policies/aws/s3/aws-s3-access-point-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const AP = "aws:s3/accessPoint:AccessPoint";
const AP_POLICY = "aws:s3control/accessPointPolicy:AccessPointPolicy";
const MRAP = "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint";
const MRAP_POLICY = "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy";
const OLAP_POLICY = "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy";
const M = "mandatory" as const;
const A = "advisory" as const;

const AP_ARN = "arn:aws:s3:us-east-1:123456789012:accesspoint/telemetry";
const json = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const roleOnly = { Sid: "Analytics", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/analytics" }, Action: "s3:GetObject", Resource: `${AP_ARN}/object/*` };
const anyone = { Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${AP_ARN}/object/*` };
const viaApArn = { ...anyone, Sid: "ViaAp", Condition: { StringLike: { "s3:DataAccessPointArn": "arn:aws:s3:us-east-1:123456789012:accesspoint/*" } } };
const ap = { bucket: "telemetry", name: "telemetry" };
const blockOff = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true };
const mrapDetails = (extra: Record<string, unknown> = {}) => ({ details: { name: "global", regions: [{ bucket: "telemetry" }], ...extra } });

ruleTable(rule, [
    { kind: "pass", name: "access point with defaults (no policy, block flags default true)", resources: one(AP, ap), expect: [] },
    { kind: "pass", name: "policy to a named role, block written out true", resources: one(AP, { ...ap, policy: json(roleOnly), publicAccessBlockConfiguration: { ...blockOff, blockPublicPolicy: true } }), expect: [] },
    { kind: "pass", name: "VPC origin: a * policy and a flag off are still non-public", resources: one(AP, { ...ap, vpcConfiguration: { vpcId: "vpc-123" }, policy: json(anyone), publicAccessBlockConfiguration: blockOff }), expect: [] },
    { kind: "pass", name: "VPC origin whose vpcId is unknown at preview", resources: one(AP, { ...ap, vpcConfiguration: { vpcId: UNKNOWN }, policy: json(anyone) }), expect: [] },
    { kind: "pass", name: "policy \"{}\" (how the provider removes one)", resources: one(AP, { ...ap, policy: "{}" }), expect: [] },
    { kind: "pass", name: "block object with flags omitted (each defaults true)", resources: one(AP, { ...ap, publicAccessBlockConfiguration: {} }), expect: [] },
    { kind: "pass", name: "AccessPointPolicy to a named role", resources: one(AP_POLICY, { accessPointArn: AP_ARN, policy: json(roleOnly) }), expect: [] },
    { kind: "pass", name: "multi-Region access point with defaults", resources: one(MRAP, mrapDetails()), expect: [] },
    { kind: "pass", name: "multi-Region access point policy scoped by aws:PrincipalOrgID", resources: one(MRAP_POLICY, mrapDetails({ policy: json({ ...anyone, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }) })), expect: [] },
    { kind: "fail", name: "AccessPoint policy Principal *", resources: one(AP, { ...ap, policy: json(anyone) }), expect: [{ level: M, message: '`policy` statement "Anyone" (index 0) allows "s3:GetObject" to "*"' }] },
    { kind: "fail", name: "access point policy with wildcarded s3:DataAccessPointArn is public (access point context)", resources: one(AP, { ...ap, policy: json(viaApArn) }), expect: [{ level: M, message: "which makes an access point policy public" }] },
    { kind: "fail", name: "AccessPoint blockPublicPolicy false", resources: one(AP, { ...ap, publicAccessBlockConfiguration: blockOff }), expect: [{ level: M, message: "`publicAccessBlockConfiguration.blockPublicPolicy` is false. Set it to true. AWS cannot change" }] },
    { kind: "fail", name: "AccessPointPolicy Principal * (the access point's origin is not visible: fails closed)", resources: one(AP_POLICY, { accessPointArn: AP_ARN, policy: json(anyone) }), expect: [{ level: M, message: 'allows "s3:GetObject" to "*"' }] },
    { kind: "fail", name: "multi-Region access point policy NotPrincipal", resources: one(MRAP_POLICY, mrapDetails({ policy: json({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:*", Resource: "*" }) })), expect: [{ level: M, message: "`details.policy` statement index 0 allows" }] },
    { kind: "fail", name: "multi-Region access point with restrictPublicBuckets false", resources: one(MRAP, mrapDetails({ publicAccessBlock: { restrictPublicBuckets: false } })), expect: [{ level: M, message: "`details.publicAccessBlock.restrictPublicBuckets` is false" }] },
    { kind: "fail", name: "Object Lambda access point policy {AWS: *}", resources: one(OLAP_POLICY, { name: "redact", policy: json({ ...anyone, Principal: { AWS: "*" } }) }), expect: [{ level: M, message: '{"AWS":"*"}' }] },
    { kind: "not-applicable", name: "a bucket policy is the bucket policy rule's job", resources: one("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: json(anyone) }), expect: [] },
    { kind: "not-applicable", name: "an Object Lambda access point has no policy of its own", resources: one("aws:s3control/objectLambdaAccessPoint:ObjectLambdaAccessPoint", { name: "x", policy: json(anyone) }), expect: [] },
    { kind: "unknown", name: "AccessPoint policy unknown at preview: warning", resources: one(AP, { ...ap, policy: UNKNOWN }), expect: [{ level: A, message: "`policy` is not known during preview" }] },
    { kind: "unknown", name: "vpcConfiguration unknown with a public policy fails closed", resources: one(AP, { ...ap, vpcConfiguration: UNKNOWN, policy: json(anyone) }), expect: [{ level: M, message: "`vpcConfiguration` is unknown during preview" }] },
    { kind: "unknown", name: "vpcConfiguration unknown without a policy: nothing to decide", resources: one(AP, { ...ap, vpcConfiguration: UNKNOWN }), expect: [] },
    { kind: "unknown", name: "block flag unknown fails closed", resources: one(AP, { ...ap, publicAccessBlockConfiguration: { ignorePublicAcls: UNKNOWN } }), expect: [{ level: M, message: "`publicAccessBlockConfiguration.ignorePublicAcls` is unknown during preview" }] },
    { kind: "unknown", name: "multi-Region details unknown: the policy is checked at update time", resources: one(MRAP_POLICY, { details: UNKNOWN }), expect: [{ level: A, message: "`details.policy` is not known during preview" }] },
    { kind: "unknown", name: "multi-Region publicAccessBlock unknown", resources: one(MRAP, mrapDetails({ publicAccessBlock: UNKNOWN })), expect: [{ level: M, message: "`details.publicAccessBlock` is unknown" }] },
    { kind: "malformed", name: "AccessPointPolicy not JSON", resources: one(AP_POLICY, { accessPointArn: AP_ARN, policy: "allow everyone" }), expect: [{ level: M, message: "not valid JSON" }] },
    { kind: "malformed", name: "publicAccessBlockConfiguration not an object", resources: one(AP, { ...ap, publicAccessBlockConfiguration: true }), expect: [{ level: M, message: "`publicAccessBlockConfiguration` is true, which is not an object" }] },
    { kind: "malformed", name: "vpcConfiguration not an object", resources: one(AP, { ...ap, vpcConfiguration: "vpc-123" }), expect: [{ level: M, message: '`vpcConfiguration` is "vpc-123", which is not an object' }] },
    { kind: "malformed", name: "multi-Region details not an object", resources: one(MRAP_POLICY, { details: "global" }), expect: [{ level: M, message: "`details` is \"global\", which is not an object" }] },
    { kind: "malformed", name: "block flag as a string", resources: one(MRAP, mrapDetails({ publicAccessBlock: { blockPublicAcls: "false" } })), expect: [{ level: M, message: "which is not a boolean" }] },
]);
