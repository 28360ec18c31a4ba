// A seeded generator of realistic stacks for the benchmark: the same resources, in the same order, for
// every pack measured. Units of related resources, linked the way a program links them (propertyDependencies
// and dependencies), mostly private, with a few exposures so that reporting is exercised too.

import type { CapturedResource } from "../cli/captured";

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const PROJECT = "connected-car";
const STACK = "bench";
const ROOT_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;

function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack$${type}::${name}`;
}

function resource(type: string, name: string, given: Record<string, unknown>, links: Record<string, string[]> = {}): CapturedResource {
    const props = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const dependencies = [...new Set(Object.values(links).flat())];
    return {
        type,
        name,
        urn: urnOf(type, name),
        parent: ROOT_URN,
        custom: true,
        inputs: props,
        outputs: { ...props, id: `${name}-id` },
        dependencies,
        propertyDependencies: links,
        aliases: [],
        protect: false,
        ignoreChanges: [],
        additionalSecretOutputs: [],
    };
}

const tags = (i: number, classification: string) => ({ owner: `team-${i % 7}`, "data-classification": classification, env: "prod" });

function tlsOnlyPolicy(bucket: string, role: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
            { Sid: "IngestWrites", Effect: "Allow", Principal: { AWS: `arn:aws:iam::123456789012:role/${role}` }, Action: ["s3:PutObject"], Resource: `arn:aws:s3:::${bucket}/*` },
        ],
    });
}

type Unit = (i: number, random: () => number) => CapturedResource[];

const awsBucketUnit: Unit = (i, random) => {
    const name = `telemetry-${i}`;
    const bucket = resource("aws:s3/bucketV2:BucketV2", name, { bucket: `${name}-bucket`, tags: tags(i, "vehicle-telemetry"), acl: random() < 0.02 ? "public-read" : undefined });
    const link = { bucket: [bucket.urn] };
    return [
        bucket,
        resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name, { bucket: `${name}-bucket`, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }, link),
        resource("aws:s3/bucketPolicy:BucketPolicy", name, { bucket: `${name}-bucket`, policy: tlsOnlyPolicy(`${name}-bucket`, `ingest-${i}`) }, link),
        resource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name, { bucket: `${name}-bucket`, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc" } }] }, link),
    ];
};

const awsDatabaseUnit: Unit = (i, random) => {
    const app = resource("aws:ec2/securityGroup:SecurityGroup", `app-${i}`, { vpcId: "vpc-1", description: "application", egress: [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] });
    const db = resource("aws:ec2/securityGroup:SecurityGroup", `dealer-db-${i}`, { vpcId: "vpc-1", description: "dealer database" });
    const open = random() < 0.02;
    const rule = resource(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        `dealer-db-ingress-${i}`,
        open
            ? { securityGroupId: `dealer-db-${i}-id`, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" }
            : { securityGroupId: `dealer-db-${i}-id`, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: `app-${i}-id` },
        open ? { securityGroupId: [db.urn] } : { securityGroupId: [db.urn], referencedSecurityGroupId: [app.urn] },
    );
    const instance = resource(
        "aws:rds/instance:Instance",
        `dealer-db-${i}`,
        { engine: "postgres", instanceClass: "db.t4g.medium", allocatedStorage: 50, storageEncrypted: true, publiclyAccessible: false, vpcSecurityGroupIds: [`dealer-db-${i}-id`], tags: tags(i, "customer-pii") },
        { vpcSecurityGroupIds: [db.urn] },
    );
    const table = resource("aws:dynamodb/table:Table", `vehicle-registry-${i}`, { hashKey: "terminalId", attributes: [{ name: "terminalId", type: "S" }], billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: true }, tags: tags(i, "customer-pii") });
    return [app, db, rule, instance, table];
};

const azureStorageUnit: Unit = (i, random) => {
    const account = resource(
        "azure-native:storage:StorageAccount",
        `telemetry${i}`,
        {
            resourceGroupName: "rg-connected-car",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            publicNetworkAccess: "Disabled",
            minimumTlsVersion: "TLS1_2",
            networkRuleSet: { defaultAction: "Deny", bypass: "None", ipRules: [] },
            tags: tags(i, "vehicle-telemetry"),
        },
    );
    const container = resource(
        "azure-native:storage:BlobContainer",
        `raw-${i}`,
        { accountName: `telemetry${i}`, resourceGroupName: "rg-connected-car", publicAccess: random() < 0.02 ? "Blob" : "None" },
        { accountName: [account.urn] },
    );
    const server = resource("azure-native:sql:Server", `dealer-sql-${i}`, { resourceGroupName: "rg-connected-car", publicNetworkAccess: "Disabled", minimalTlsVersion: "1.2", administrators: { azureADOnlyAuthentication: true, login: "dba", sid: "00000000-0000-0000-0000-000000000001" } });
    const firewall = resource(
        "azure-native:sql:FirewallRule",
        `office-${i}`,
        { resourceGroupName: "rg-connected-car", serverName: `dealer-sql-${i}`, startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" },
        { serverName: [server.urn] },
    );
    return [account, container, server, firewall];
};

const kmsUnit: Unit = (i) => [
    resource("aws:kms/key:Key", `data-key-${i}`, {
        enableKeyRotation: true,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Account", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }] }),
    }),
];

const UNITS: Unit[] = [awsBucketUnit, awsDatabaseUnit, azureStorageUnit, kmsUnit];

/** `count` resources (the first is the root stack), deterministic for a given seed. */
export function syntheticStack(count: number, seed = 20230512): CapturedResource[] {
    const random = seededRandom(seed);
    const root: CapturedResource = { ...resource("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`, {}), urn: ROOT_URN, parent: undefined, custom: false };
    const resources = [root];
    for (let i = 0; resources.length < count; i++) {
        const unit = UNITS[Math.floor(random() * UNITS.length)];
        resources.push(...unit(i, random));
    }
    return resources.slice(0, count);
}
