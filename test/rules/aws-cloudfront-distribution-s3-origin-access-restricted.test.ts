import { awsCloudfrontDistributionS3OriginAccessRestricted as rule } from "../../policies/aws/cloudfront/aws-cloudfront-distribution-s3-origin-access-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const DIST = "aws:cloudfront/distribution:Distribution";
const MULTI = "aws:cloudfront/multitenantDistribution:MultitenantDistribution";
const OAC = "aws:cloudfront/originAccessControl:OriginAccessControl";
const M = "mandatory" as const;
const A = "advisory" as const;

const REGIONAL = "telemetry-1234.s3.us-east-1.amazonaws.com";
const custom = (originProtocolPolicy: string) => ({ httpPort: 80, httpsPort: 443, originProtocolPolicy, originSslProtocols: ["TLSv1.2"] });
const dist = (...origins: unknown[]) => ({ enabled: true, origins, defaultCacheBehavior: { targetOriginId: "s3" } });
const s3 = (extra: Record<string, unknown> = {}) => ({ originId: "s3", domainName: REGIONAL, ...extra });
const oac = { name: "telemetry", originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" };

ruleTable(rule, [
    { kind: "pass", name: "S3 REST origin with an origin access control", resources: one(DIST, dist(s3({ originAccessControlId: "E2OACID" }))), expect: [] },
    { kind: "pass", name: "S3 REST origin with a legacy OAI", resources: one(DIST, dist(s3({ s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1OAI" } }))), expect: [] },
    { kind: "pass", name: "OAC id unknown at preview (oac.id): set, checked again at update time", resources: one(DIST, dist(s3({ domainName: UNKNOWN, originAccessControlId: UNKNOWN }))), expect: [] },
    { kind: "pass", name: "OAI path unknown at preview", resources: one(DIST, dist(s3({ domainName: UNKNOWN, s3OriginConfig: { originAccessIdentity: UNKNOWN } }))), expect: [] },
    { kind: "pass", name: "custom origin on an ALB (known domain)", resources: one(DIST, dist({ originId: "api", domainName: "api-123.us-east-1.elb.amazonaws.com", customOriginConfig: custom("http-only") })), expect: [] },
    { kind: "pass", name: "custom origin https-only with an unknown domain cannot be an S3 website endpoint", resources: one(DIST, dist({ originId: "api", domainName: UNKNOWN, customOriginConfig: custom("https-only") })), expect: [] },
    { kind: "pass", name: "VPC origin with an unknown domain", resources: one(DIST, dist({ originId: "vpc", domainName: UNKNOWN, vpcOriginConfig: { vpcOriginId: "vo-1" } })), expect: [] },
    { kind: "pass", name: "multitenant distribution S3 origin with OAC", resources: one(MULTI, { origins: [{ id: "s3", domainName: REGIONAL, originAccessControlId: "E2OAC" }] }), expect: [] },
    { kind: "pass", name: "OAC that always signs", resources: one(OAC, oac), expect: [] },
    { kind: "pass", name: "OAC for a Lambda origin that never signs is not about a bucket", resources: one(OAC, { ...oac, originAccessControlOriginType: "lambda", signingBehavior: "never" }), expect: [] },
    { kind: "fail", name: "known S3 REST domain, no OAC, no s3OriginConfig", resources: one(DIST, dist(s3())), expect: [{ level: M, message: 'origins[0] (originId "s3") reads the S3 bucket "telemetry-1234"' }] },
    { kind: "fail", name: "global endpoint with an empty OAI", resources: one(DIST, dist(s3({ domainName: "telemetry.s3.amazonaws.com", s3OriginConfig: { originAccessIdentity: "" } }))), expect: [{ level: M, message: 'domainName "telemetry.s3.amazonaws.com"' }] },
    { kind: "fail", name: "empty originAccessControlId is no OAC", resources: one(DIST, dist(s3({ originAccessControlId: "" }))), expect: [{ level: M, message: "has neither `originAccessControlId`" }] },
    { kind: "fail", name: "legacy regional endpoint s3-<region>", resources: one(DIST, dist(s3({ domainName: "Telemetry.S3-us-west-2.amazonaws.com" }))), expect: [{ level: M, message: 'bucket "telemetry"' }] },
    {
        kind: "fail",
        name: "S3 website endpoint as a custom origin",
        resources: one(DIST, dist({ originId: "site", domainName: "telemetry.s3-website-us-east-1.amazonaws.com", customOriginConfig: custom("http-only") })),
        expect: [{ level: M, message: 'reads the S3 website endpoint "telemetry.s3-website-us-east-1.amazonaws.com"' }],
    },
    {
        kind: "fail",
        name: "S3 website endpoint (dot form) even with an OAC id",
        resources: one(DIST, dist({ originId: "site", domainName: "telemetry.s3-website.eu-central-1.amazonaws.com", originAccessControlId: "E2", customOriginConfig: custom("http-only") })),
        expect: [{ level: M, message: "website endpoints serve only publicly readable buckets" }],
    },
    {
        kind: "fail",
        name: "preview: domain unknown (bucket.bucketRegionalDomainName), no config, no OAC: an S3 origin",
        resources: one(DIST, dist(s3({ domainName: UNKNOWN }))),
        expect: [{ level: M, message: "is an S3 origin (no custom or VPC origin config, so the provider sends an empty S3 origin config; its domainName is not known yet)" }],
    },
    {
        kind: "fail",
        name: "preview: domain unknown, s3OriginConfig with an empty OAI",
        resources: one(DIST, dist(s3({ domainName: UNKNOWN, s3OriginConfig: { originAccessIdentity: "" } }))),
        expect: [{ level: M, message: "is an S3 origin (`s3OriginConfig`" }],
    },
    {
        kind: "fail",
        name: "second origin of two is the public S3 one",
        resources: one(DIST, dist({ originId: "api", domainName: "api.example.com", customOriginConfig: custom("https-only") }, s3({ originId: "assets" }))),
        expect: [{ level: M, message: 'origins[1] (originId "assets")' }],
    },
    { kind: "fail", name: "multitenant S3 origin without OAC", resources: one(MULTI, { origins: [{ id: "s3", domainName: REGIONAL }] }), expect: [{ level: M, message: 'origins[0] (id "s3") reads the S3 bucket "telemetry-1234" (domainName "telemetry-1234.s3.us-east-1.amazonaws.com") and has no `originAccessControlId`' }] },
    { kind: "fail", name: "OAC with signingBehavior never", resources: one(OAC, { ...oac, signingBehavior: "Never" }), expect: [{ level: M, message: '`signingBehavior` is "Never"' }] },
    { kind: "not-applicable", name: "an S3 bucket", resources: one("aws:s3/bucket:Bucket", { website: { indexDocument: "index.html" } }), expect: [] },
    { kind: "not-applicable", name: "a distribution with no origins (required by the provider)", resources: one(DIST, { enabled: true }), expect: [] },
    {
        kind: "unknown",
        name: "custom origin http-only with an unknown domain: warning, decided at update time",
        resources: one(DIST, dist({ originId: "site", domainName: UNKNOWN, customOriginConfig: custom("http-only") })),
        expect: [{ level: A, message: 'is a custom origin whose `domainName` is not known during preview and which may use HTTP (originProtocolPolicy "http-only")' }],
    },
    { kind: "unknown", name: "origins unknown fails closed", resources: one(DIST, { enabled: true, origins: UNKNOWN }), expect: [{ level: M, message: "`origins` is unknown during preview" }] },
    { kind: "unknown", name: "customOriginConfig unknown with an unknown domain fails closed", resources: one(DIST, dist({ originId: "x", domainName: UNKNOWN, customOriginConfig: UNKNOWN })), expect: [{ level: M, message: "`origins[0] origin config` is unknown" }] },
    { kind: "unknown", name: "OAC signingBehavior unknown", resources: one(OAC, { ...oac, signingBehavior: UNKNOWN }), expect: [{ level: M, message: "`signingBehavior` is unknown during preview" }] },
    { kind: "malformed", name: "origins not an array", resources: one(DIST, { origins: { domainName: REGIONAL } }), expect: [{ level: M, message: "`origins` is" }] },
    { kind: "malformed", name: "origin not an object", resources: one(DIST, dist("telemetry.s3.amazonaws.com")), expect: [{ level: M, message: "`origins[0]` is \"telemetry.s3.amazonaws.com\", which is not an origin object" }] },
    { kind: "malformed", name: "domainName not a string", resources: one(DIST, dist(s3({ domainName: 7 }))), expect: [{ level: M, message: "`origins[0].domainName` is 7" }] },
    { kind: "malformed", name: "s3OriginConfig not an object", resources: one(DIST, dist(s3({ s3OriginConfig: "oai" }))), expect: [{ level: M, message: "`origins[0].s3OriginConfig` is \"oai\"" }] },
    { kind: "malformed", name: "originAccessControlId not a string", resources: one(DIST, dist(s3({ originAccessControlId: 5 }))), expect: [{ level: M, message: "`origins[0].originAccessControlId` is 5" }] },
]);
