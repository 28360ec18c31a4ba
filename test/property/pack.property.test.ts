// Hostile and malformed input against every policy of the registry, through @pulumi/policy's real server
// functions: no error ever escapes to the analyzer, no rule throws, the same input gives the same
// diagnostics in the same order, and a policy document that cannot be read is reported, not passed.
// Fixed seed, bounded runs.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rules } from "../../policies/registry";
import { analyze, analyzeStack, UNKNOWN, type Outcome, type TestResource } from "../harness";

const SETTINGS = { seed: 4_2023_0512, numRuns: 60 };

const SENTINELS = [
    UNKNOWN,
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** Property names the rules read, so that random bags reach deep into their logic. */
const KEYS = [
    "acl", "grants", "accessControlPolicy", "policy", "accessPolicies", "resourcePolicy", "bucket", "publiclyAccessible",
    "publicAccess", "allowBlobPublicAccess", "allowSharedKeyAccess", "publicNetworkAccess", "networkRuleSet", "networkAcls",
    "properties", "ipRules", "defaultAction", "virtualNetworkRules", "startIpAddress", "endIpAddress", "startIP", "endIP",
    "ipAddressOrRange", "isVirtualNetworkFilterEnabled", "network", "publicDataEndpointEnabled", "networkAccessPolicy",
    "sharedAccounts", "group", "state", "vpcOptions", "vpcConfiguration", "publicAccessBlockConfiguration", "authorizationType",
    "principal", "sourceArn", "sourceAccount", "ingress", "cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6", "fromPort",
    "toPort", "protocol", "ipProtocol", "type", "securityGroupId", "vpcSecurityGroupIds", "securityGroupIds", "origins",
    "website", "websites", "blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets", "details",
    "serverName", "accountName", "namespaceName", "workspaceName", "brokerNodeGroupInfo", "port", "engine", "tags",
];

const policyDocument = fc.oneof(
    fc.record({
        Version: fc.constantFrom("2012-10-17", "2008-10-17", 7),
        Statement: fc.oneof(
            fc.array(
                fc.record({
                    Effect: fc.constantFrom("Allow", "Deny", "allow", "", null),
                    Principal: fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ["*"] }, { Service: "s3.amazonaws.com" }, 42, [], UNKNOWN),
                    NotPrincipal: fc.constantFrom<unknown>({ AWS: "arn:aws:iam::1:root" }, "*"),
                    Action: fc.constantFrom<unknown>("*", ["s3:GetObject"], 3),
                    Condition: fc.dictionary(
                        fc.constantFrom("StringEquals", "StringLike", "IpAddress", "NotIpAddress", "Bool", "Null", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "StringEqualsIfExists", "ArnLike", "Nonsense"),
                        fc.dictionary(fc.constantFrom("aws:SourceVpc", "aws:SourceIp", "aws:PrincipalOrgID", "AWS:SourceArn", "aws:Referer"), fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(UNKNOWN))),
                    ),
                }, { requiredKeys: [] }),
            ),
            fc.anything(),
        ),
    }, { requiredKeys: [] }),
    fc.string(),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(...SENTINELS),
        fc.boolean(),
        fc.integer(),
        fc.double(),
        fc.constant(null),
        fc.constantFrom("", "Enabled", "Disabled", "disabled", "Allow", "Deny", "public-read", "private", "Blob", "None", "0.0.0.0", "0.0.0.0/0", "::/0", "999.1.1.1", "10.0.0.0/8", "*", "all", "NONE", "AllowAll"),
        fc.string(),
        policyDocument,
        policyDocument.map((d) => JSON.stringify(d)),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
    ),
})).value;

// What a program can send is JSON-like: the engine has no undefined (the serializer drops it).
const props = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }).map((bag) => JSON.parse(JSON.stringify(bag)) as Record<string, unknown>);

// Every token a resource rule names; for azure-native, the default and the local-package form of each type.
const allTypes = [
    ...new Set(
        rules.flatMap((r) =>
            r.kind === "resource" ? r.appliesTo.examples.filter((t) => !t.startsWith("azure-native:") || !t.includes("/")) : [],
        ),
    ),
];
/** Types stack rules join that no resource rule names (security group rules, firewall rules, links). */
const joinTypes = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:rds/instance:Instance",
    "aws:cloudfront/distribution:Distribution",
    "azure-native:sql:FirewallRule",
    "azure-native:sql:Server",
    "azure-native:dbforpostgresql:FirewallRule",
    "azure-native:storage:StorageAccount",
];

function signature(outcome: Outcome): string[] {
    return outcome.diagnostics.map((d) => `${d.policyName}|${d.enforcementLevel}|${d.urn}|${d.message}`);
}

function assertWellBehaved(outcome: Outcome): void {
    for (const d of outcome.diagnostics) {
        // A rule that throws is turned into a violation by the adapter; it is still a bug in the rule.
        expect(d.message, `${d.policyName} threw`).not.toContain("The rule could not evaluate");
    }
}

describe("every resource policy on arbitrary property bags", () => {
    it("no gRPC error, no throw, deterministic", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...allTypes), props, async (type, bag) => {
                const resource: TestResource = { type, name: "subject", props: bag };
                const first = await analyze(resource);
                assertWellBehaved(first);
                expect(signature(await analyze(resource))).toEqual(signature(first));
            }),
            { ...SETTINGS, numRuns: 1500 },
        );
    });
});

describe("every stack policy on arbitrary stacks", () => {
    const stacks = fc.array(
        fc.record({ type: fc.constantFrom(...joinTypes, ...allTypes), props }),
        { minLength: 1, maxLength: 8 },
    ).chain((items) =>
        fc.tuple(...items.map((item, i) =>
            fc.record({
                links: fc.subarray(items.map((_, j) => j).filter((j) => j !== i), { maxLength: Math.min(2, items.length - 1) }),
                key: fc.constantFrom(...KEYS),
            }).map(({ links, key }) => ({ ...item, name: `r${i}`, links, key })),
        )),
    );

    it("no gRPC error, no throw, deterministic", async () => {
        await fc.assert(
            fc.asyncProperty(stacks, async (items) => {
                const urn = (i: number) => `urn:pulumi:test::customer-data-guard-test::${items[i].type}::r${i}`;
                const resources: TestResource[] = items.map((item) => ({
                    type: item.type,
                    name: item.name,
                    props: item.props,
                    dependencies: item.links.map(urn),
                    propertyDependencies: item.links.length > 0 ? { [item.key]: item.links.map(urn) } : {},
                }));
                const first = await analyzeStack(resources);
                assertWellBehaved(first);
                expect(signature(await analyzeStack(resources))).toEqual(signature(first));
            }),
            { ...SETTINGS, numRuns: 150 },
        );
    });
});

describe("extreme input", () => {
    const deep = (() => {
        let v: unknown = "public-read";
        for (let i = 0; i < 1000; i++) v = i % 2 ? [v] : { policy: v };
        return v;
    })();
    const huge = "x".repeat(1024 * 1024);
    const hugeDocument = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: huge, Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });

    // One token per resource rule: the server deserializes every property bag once per policy.
    const onePerRule = rules.flatMap((r) => (r.kind === "resource" ? [r.appliesTo.examples[0]] : []));
    it.each(onePerRule.map((t) => [t]))("%s: 1,000-deep nesting and 1 MB strings", async (type) => {
        for (const bag of [{ policy: deep, properties: deep }, { policy: hugeDocument, acl: huge }]) {
            assertWellBehaved(await analyze({ type, name: "subject", props: bag }));
        }
    });
});

describe("a policy document that cannot be read is reported, not passed", () => {
    const DOCUMENT_FIELDS: Array<[string, string]> = [
        ["aws:s3/bucketPolicy:BucketPolicy", "policy"],
        ["aws:sqs/queuePolicy:QueuePolicy", "policy"],
        ["aws:kms/key:Key", "policy"],
        ["aws:dynamodb/resourcePolicy:ResourcePolicy", "policy"],
        ["aws:opensearch/domain:Domain", "accessPolicies"],
    ];
    const unreadable = fc.oneof(
        fc.string({ minLength: 1 }).filter((t) => {
            try {
                const parsed = JSON.parse(t);
                return parsed === null || typeof parsed !== "object";
            } catch {
                return true;
            }
        }),
        fc.constantFrom('{"Statement": 7}', '{"Statement": [{"Effect": "Maybe", "Principal": "*", "Action": "*"}]}', "[1,2,3]", '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": 42, "Action": "*"}]}'),
    ).filter((t) => t.trim() !== "" && t.trim() !== "{}" && !t.includes("04da6b54"));

    it("every document field: an unreadable document gives a mandatory violation", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...DOCUMENT_FIELDS), unreadable, async ([type, field], text) => {
                const outcome = await analyze({ type, name: "subject", props: { [field]: text } });
                expect(outcome.diagnostics.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.message).join("\n")).toMatch(/cannot be read/);
            }),
            { ...SETTINGS, numRuns: 300 },
        );
    });
});
