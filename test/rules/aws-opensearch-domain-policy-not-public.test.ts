import { awsOpensearchDomainPolicyNotPublic as rule } from "../../policies/aws/opensearch/aws-opensearch-domain-policy-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const OS = "aws:opensearch/domain:Domain";
const ES = "aws:elasticsearch/domain:Domain";
const OS_POLICY = "aws:opensearch/domainPolicy:DomainPolicy";
const ES_POLICY = "aws:elasticsearch/domainPolicy:DomainPolicy";
const M = "mandatory" as const;
const A = "advisory" as const;

const doc = (principal: unknown) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "es:ESHttpGet", Resource: "arn:aws:es:us-east-1:123456789012:domain/search/*" }] });
const vpc = { subnetIds: ["subnet-a"], securityGroupIds: ["sg-1"] };

const domain = (name: string, props: Record<string, unknown> = {}, type = OS): TestResource => ({ type, name, props: { domainName: name, ...props } });
/** A DomainPolicy linked to `target` through propertyDependencies, its domainName unknown (preview). */
const linkedPolicy = (name: string, target: string, accessPolicies: unknown, domainType = OS, type = OS_POLICY): TestResource => ({
    type,
    name,
    props: { domainName: UNKNOWN, accessPolicies },
    propertyDependencies: { domainName: [urnOf(domainType, target)] },
    dependencies: [urnOf(domainType, target)],
});
const namedPolicy = (name: string, domainName: string, accessPolicies: unknown, type = OS_POLICY): TestResource => ({ type, name, props: { domainName, accessPolicies } });

ruleTable(rule, [
    { kind: "pass", name: "open policy on a VPC domain (linked by property dependency)", resources: [domain("search", { vpcOptions: vpc }), linkedPolicy("search", "search", doc("*"))], expect: [] },
    { kind: "pass", name: "role-only policy on a public domain", resources: [domain("search"), linkedPolicy("search", "search", doc({ AWS: "arn:aws:iam::123456789012:role/app" }))], expect: [] },
    { kind: "pass", name: "Elasticsearch: open policy on a VPC domain linked by known name", resources: [domain("logs", { vpcOptions: vpc }, ES), namedPolicy("logs", "logs", doc("*"), ES_POLICY)], expect: [] },
    {
        kind: "fail",
        name: "open policy on a public domain",
        resources: [domain("search"), linkedPolicy("search-policy", "search", doc("*"))],
        expect: [{ level: M, message: 'The domain has no `vpcOptions` on domain "search", so its endpoint is on the internet, and `accessPolicies` statement index 0 allows "es:ESHttpGet" to "*"', resource: "search-policy" }],
    },
    {
        kind: "fail",
        name: "Elasticsearch policy by known name, {AWS: *}",
        resources: [domain("logs", {}, ES), namedPolicy("logs-policy", "logs", doc({ AWS: "*" }), ES_POLICY)],
        expect: [{ level: M, message: 'allows "es:ESHttpGet" to {"AWS":"*"}', resource: "logs-policy" }],
    },
    {
        kind: "fail",
        name: "domain not in the stack: a public document fails closed",
        resources: [namedPolicy("external", "someone-elses-domain", doc("*"))],
        expect: [{ level: M, message: 'The domain "someone-elses-domain" is not in this stack, so the pack cannot tell whether it is in a VPC' }],
    },
    {
        kind: "fail",
        name: "two domains, the policy names the public one",
        resources: [domain("private", { vpcOptions: vpc }), domain("public"), namedPolicy("p", "public", doc("*"))],
        expect: [{ level: M, message: 'on domain "public"' }],
    },
    { kind: "not-applicable", name: "domains without separate policies", resources: [domain("search", { accessPolicies: doc("*") })], expect: [] },
    {
        kind: "unknown",
        name: "policy document unknown at preview: a warning",
        resources: [domain("search"), linkedPolicy("search", "search", UNKNOWN)],
        expect: [{ level: A, message: "`accessPolicies` is not known during preview; the stack is analyzed again" }],
    },
    {
        kind: "unknown",
        name: "domain vpcOptions unknown with a public document",
        resources: [domain("search", { vpcOptions: UNKNOWN }), linkedPolicy("search", "search", doc("*"))],
        expect: [{ level: M, message: '`vpcOptions on domain "search"` is unknown during preview' }],
    },
    {
        kind: "unknown",
        name: "domain name unknown and no links: fails closed on a public document",
        resources: [{ type: OS_POLICY, name: "orphan", props: { domainName: UNKNOWN, accessPolicies: doc("*") } }],
        expect: [{ level: M, message: "The domain (name unknown during preview) is not in this stack" }],
    },
    { kind: "malformed", name: "policy document not JSON", resources: [domain("search"), linkedPolicy("search", "search", "nope")], expect: [{ level: M, message: "`accessPolicies` cannot be read" }] },
]);
