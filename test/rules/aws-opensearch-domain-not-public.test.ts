import { awsOpensearchDomainNotPublic as rule } from "../../policies/aws/opensearch/aws-opensearch-domain-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const OS = "aws:opensearch/domain:Domain";
const ES = "aws:elasticsearch/domain:Domain";
const SERVERLESS = "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy";
const M = "mandatory" as const;
const A = "advisory" as const;

const domainArn = "arn:aws:es:us-east-1:123456789012:domain/search/*";
const statement = (principal: unknown, condition?: unknown) => ({ Effect: "Allow", Principal: principal, Action: "es:*", Resource: domainArn, ...(condition ? { Condition: condition } : {}) });
const doc = (principal: unknown, condition?: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [statement(principal, condition)] });
const vpc = { subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] };
const network = (rules: unknown) => ({ name: "net", type: "network", policy: JSON.stringify(rules) });
const rule1 = (allowFromPublic: unknown, extra: Record<string, unknown> = {}) => ({
    Description: "orders",
    Rules: [{ ResourceType: "collection", Resource: ["collection/orders"] }],
    AllowFromPublic: allowFromPublic,
    ...extra,
});

ruleTable(rule, [
    { kind: "pass", name: "VPC domain with an open access policy (security groups are the control)", resources: one(OS, { domainName: "search", vpcOptions: vpc, accessPolicies: doc("*") }), expect: [] },
    { kind: "pass", name: "public domain limited to a role", resources: one(OS, { domainName: "search", accessPolicies: doc({ AWS: "arn:aws:iam::123456789012:role/search" }) }), expect: [] },
    { kind: "pass", name: "public domain * limited to an office range", resources: one(ES, { domainName: "search", accessPolicies: doc("*", { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }) }), expect: [] },
    { kind: "pass", name: "public domain without an access policy (nothing granted)", resources: one(OS, { domainName: "search" }), expect: [] },
    { kind: "pass", name: "Elasticsearch domain, object-form policy, in a VPC", resources: one(ES, { domainName: "search", vpcOptions: vpc, accessPolicies: { Version: "2012-10-17", Statement: [statement("*")] } }), expect: [] },
    { kind: "pass", name: "serverless network policy from a VPC endpoint", resources: one(SERVERLESS, network([rule1(false, { SourceVPCEs: ["vpce-050f79086ee71ac05"] })])), expect: [] },
    { kind: "pass", name: "serverless encryption policy", resources: one(SERVERLESS, { name: "enc", type: "encryption", policy: JSON.stringify({ Rules: [], AWSOwnedKey: true }) }), expect: [] },
    { kind: "fail", name: "public domain with Principal *", resources: one(OS, { domainName: "search", accessPolicies: doc("*") }), expect: [{ level: M, message: 'The domain has no `vpcOptions`, so its endpoint is on the internet, and `accessPolicies` statement index 0 allows "es:*" to "*"' }] },
    { kind: "fail", name: "Elasticsearch domain, object-form policy with {AWS: *}", resources: one(ES, { domainName: "search", accessPolicies: { Version: "2012-10-17", Statement: [statement({ AWS: "*" })] } }), expect: [{ level: M, message: 'allows "es:*" to {"AWS":"*"}' }] },
    { kind: "fail", name: "public domain * with a /4 source range", resources: one(OS, { domainName: "search", accessPolicies: doc("*", { IpAddress: { "aws:SourceIp": "0.0.0.0/4" } }) }), expect: [{ level: M, message: "aws:SourceIp 0.0.0.0/4 is broader than /8" }] },
    { kind: "fail", name: "vpcOptions without subnets is not a VPC domain", resources: one(OS, { domainName: "search", vpcOptions: { subnetIds: [] }, accessPolicies: doc("*") }), expect: [{ level: M, message: "The domain has no `vpcOptions`" }] },
    { kind: "fail", name: "serverless network policy AllowFromPublic", resources: one(SERVERLESS, network([rule1(true)])), expect: [{ level: M, message: '`policy[0].AllowFromPublic` is true: the endpoints of ["collection/orders"] accept connections from any internet address' }] },
    { kind: "fail", name: "serverless mixed policy: second rule public", resources: one(SERVERLESS, network([rule1(false, { SourceVPCEs: ["vpce-1"] }), rule1(true)])), expect: [{ level: M, message: "`policy[1].AllowFromPublic` is true" }] },
    { kind: "fail", name: "serverless type compared case-insensitively", resources: one(SERVERLESS, { ...network([rule1(true)]), type: "Network" }), expect: [{ level: M, message: "`policy[0].AllowFromPublic` is true" }] },
    { kind: "not-applicable", name: "a serverless collection", resources: one("aws:opensearch/serverlessCollection:ServerlessCollection", { name: "orders", policy: "[]" }), expect: [] },
    { kind: "not-applicable", name: "a separate domain policy (the stack rule judges it)", resources: one("aws:opensearch/domainPolicy:DomainPolicy", { domainName: "search", accessPolicies: doc("*") }), expect: [] },
    { kind: "unknown", name: "access policy unknown at preview: a warning", resources: one(OS, { domainName: "search", accessPolicies: UNKNOWN }), expect: [{ level: A, message: "`accessPolicies` is not known during preview" }] },
    { kind: "unknown", name: "vpcOptions unknown with a public policy", resources: one(OS, { domainName: "search", vpcOptions: UNKNOWN, accessPolicies: doc("*") }), expect: [{ level: M, message: "`vpcOptions` is unknown during preview" }] },
    { kind: "unknown", name: "VPC subnets unknown at preview still a VPC domain", resources: one(OS, { domainName: "search", vpcOptions: { subnetIds: [UNKNOWN] }, accessPolicies: doc("*") }), expect: [] },
    { kind: "unknown", name: "serverless policy unknown: a warning", resources: one(SERVERLESS, { name: "net", type: "network", policy: UNKNOWN }), expect: [{ level: A, message: "`policy` is not known during preview" }] },
    { kind: "unknown", name: "serverless AllowFromPublic unknown", resources: one(SERVERLESS, { name: "net", type: "network", policy: [rule1(UNKNOWN)] }), expect: [{ level: M, message: "`policy[0].AllowFromPublic` is unknown during preview" }] },
    { kind: "malformed", name: "access policy is not JSON", resources: one(OS, { domainName: "search", accessPolicies: "{" }), expect: [{ level: M, message: "`accessPolicies` cannot be read" }] },
    { kind: "malformed", name: "vpcOptions not an object with a public policy", resources: one(ES, { domainName: "search", vpcOptions: "vpc-1", accessPolicies: doc("*") }), expect: [{ level: M, message: '`vpcOptions` is "vpc-1", which is not an object' }] },
    { kind: "malformed", name: "serverless network policy is not JSON", resources: one(SERVERLESS, { name: "net", type: "network", policy: "[{" }), expect: [{ level: M, message: "`policy` cannot be read (not valid JSON" }] },
    { kind: "malformed", name: "serverless AllowFromPublic as a string", resources: one(SERVERLESS, network([rule1("true")])), expect: [{ level: M, message: '`policy[0].AllowFromPublic` is "true", which is not a boolean' }] },
    { kind: "malformed", name: "serverless policy of an unknown type", resources: one(SERVERLESS, { name: "x", type: "data", policy: "[]" }), expect: [{ level: M, message: '`type` is "data", which is not network or encryption' }] },
    { kind: "malformed", name: "serverless rule that is not an object", resources: one(SERVERLESS, network(["public"])), expect: [{ level: M, message: '`policy[0]` is "public", not a network rule object' }] },
]);
