// The AWS sample stack's components, run in-process under Pulumi mocks: the security settings of their
// children, that no argument can override them, that the children are named from the component and
// parented to it, and that the named opt-out is still caught by the pack.

import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../cli/captured";
import { CustomerDataBucket } from "../../stacks/aws-connected-car/components/customer-data-bucket";
import { PrivateCdnSite } from "../../stacks/aws-connected-car/components/private-cdn-site";
import { PrivateNetwork, subnetCidr } from "../../stacks/aws-connected-car/components/private-network";
import { PrivatePostgres } from "../../stacks/aws-connected-car/components/private-postgres";
import { capture, child, diagnosticLines, expectOwnedChildren, ofType, packDiagnostics } from "./component-harness";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const T = {
    bucket: "aws:s3/bucket:Bucket",
    block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    instance: "aws:rds/instance:Instance",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    paramGroup: "aws:rds/parameterGroup:ParameterGroup",
    subnetGroup: "aws:rds/subnetGroup:SubnetGroup",
};
const ALL_BLOCKED = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

type Statement = Record<string, any>;
function statements(policy: CapturedResource): Statement[] {
    const doc = policy.inputs.policy as { Statement: Statement[] };
    return doc.Statement;
}

describe("CustomerDataBucket", () => {
    it("private by default: all four public access block flags, BucketOwnerEnforced, SSE-KMS, versioning, TLS-only policy", async () => {
        const resources = await capture(() => {
            new CustomerDataBucket("telemetry", { dataClassification: "vehicle-telemetry", owner: "team-a", kmsKeyArn: KEY });
        });
        expectOwnedChildren(resources, "connected-car:aws:CustomerDataBucket", "telemetry");

        const bucket = child(resources, T.bucket, "telemetry");
        expect(bucket.inputs.acl).toBeUndefined();
        expect(bucket.inputs.policy).toBeUndefined();
        expect(bucket.inputs.website).toBeUndefined();
        expect(bucket.inputs.forceDestroy).toBe(false);
        expect(bucket.inputs.tags).toEqual({ "data-classification": "vehicle-telemetry", owner: "team-a" });

        const block = child(resources, T.block, "telemetry");
        expect(block.inputs).toMatchObject(ALL_BLOCKED);
        expect(block.propertyDependencies.bucket).toEqual([bucket.urn]);

        expect(child(resources, T.ownership, "telemetry").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
        expect(child(resources, T.sse, "telemetry").inputs.rules).toEqual([
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true },
        ]);
        expect(child(resources, T.versioning, "telemetry").inputs.versioningConfiguration).toEqual({ status: "Enabled" });

        const [rule] = child(resources, T.lifecycle, "telemetry").inputs.rules as Statement[];
        expect(rule.transitions).toEqual([
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "GLACIER_IR" },
        ]);
        expect(rule.noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
        expect(rule.expiration).toBeUndefined();

        const policy = child(resources, T.policy, "telemetry");
        expect(statements(policy)).toEqual([
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [`arn:aws:s3:::${bucket.outputs.bucket}`, `arn:aws:s3:::${bucket.outputs.bucket}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
        expect(policy.dependencies).toEqual(expect.arrayContaining([block.urn]));
        expect(ofType(resources, T.logging)).toEqual([]);
    });

    it("no argument overrides a security setting: ACL, policy, website, flags and tags passed through the args are ignored", async () => {
        const hostile = {
            dataClassification: "customer-pii",
            owner: "team-a",
            acl: "public-read",
            policy: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}',
            website: { indexDocument: "index.html" },
            blockPublicAcls: false,
            blockPublicPolicy: false,
            publicAccessBlock: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
            objectOwnership: "ObjectWriter",
            versioning: { enabled: false },
            tags: { "data-classification": "public", owner: "nobody", team: "a" },
        } as any;
        const resources = await capture(() => {
            new CustomerDataBucket("records", hostile);
        });
        const bucket = child(resources, T.bucket, "records");
        expect(Object.keys(bucket.inputs).sort()).toEqual(["forceDestroy", "tags"]);
        expect(bucket.inputs.tags).toEqual({ "data-classification": "customer-pii", owner: "team-a", team: "a" });
        expect(child(resources, T.block, "records").inputs).toMatchObject(ALL_BLOCKED);
        expect(child(resources, T.ownership, "records").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
        expect(child(resources, T.versioning, "records").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
        // Without a key: SSE-S3, never unencrypted.
        expect(child(resources, T.sse, "records").inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        expect(statements(child(resources, T.policy, "records")).map((s) => s.Sid)).toEqual(["DenyInsecureTransport"]);
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("grants are scoped: CloudFront by AWS:SourceArn, log delivery by aws:SourceAccount; access logs go to the target bucket", async () => {
        const distribution = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE";
        const resources = await capture(() => {
            new CustomerDataBucket("site", {
                dataClassification: "portal-static-assets",
                owner: "team-a",
                cloudFrontDistributionArns: [distribution],
                acceptAccessLogsFromAccount: "123456789012",
                accessLogs: { targetBucket: "logs-bucket" },
            });
        });
        const extra = statements(child(resources, T.policy, "site")).slice(1);
        expect(extra).toEqual([
            expect.objectContaining({
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:GetObject",
                Condition: { StringEquals: { "AWS:SourceArn": [distribution] } },
            }),
            expect.objectContaining({
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject",
                Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
            }),
        ]);
        expect(child(resources, T.logging, "site").inputs).toMatchObject({ targetBucket: "logs-bucket" });
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("the named opt-out allowPublicReadForStaticSite still fails the pack", async () => {
        const resources = await capture(() => {
            new CustomerDataBucket("public-site", { dataClassification: "portal-static-assets", owner: "team-a", allowPublicReadForStaticSite: true });
        });
        expect(child(resources, T.block, "public-site").inputs).toMatchObject({
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
        });
        const lines = diagnosticLines(await packDiagnostics(resources));
        expect(lines).toEqual(
            expect.arrayContaining([
                "mandatory aws-s3-bucket-public-access-block-enabled public-site",
                "mandatory aws-s3-bucket-policy-not-public public-site",
            ]),
        );
    });
});

describe("PrivatePostgres", () => {
    const base = {
        dataClassification: "customer-pii" as const,
        owner: "team-a",
        vpcId: "vpc-0123",
        subnetIds: ["subnet-a", "subnet-b"],
        allowedSecurityGroupIds: ["sg-app"],
        kmsKeyArn: KEY,
    };

    function expectLockedDown(resources: CapturedResource[], name: string): void {
        const sg = child(resources, T.sg, name);
        const instance = child(resources, T.instance, name);
        expect(instance.inputs).toMatchObject({
            engine: "postgres",
            publiclyAccessible: false,
            storageEncrypted: true,
            kmsKeyId: KEY,
            iamDatabaseAuthenticationEnabled: true,
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: KEY,
            deletionProtection: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${name}-final`,
            vpcSecurityGroupIds: [sg.outputs.id],
            dbSubnetGroupName: child(resources, T.subnetGroup, name).outputs.name,
            parameterGroupName: child(resources, T.paramGroup, name).outputs.name,
        });
        expect(instance.inputs.password).toBeUndefined();
        expect(instance.inputs.backupRetentionPeriod).toBeGreaterThanOrEqual(7);
        // The group itself has no inline rules; the one ingress rule admits the application group only.
        expect(sg.inputs.ingress).toBeUndefined();
        expect(sg.inputs.egress).toBeUndefined();
        const rules = ofType(resources, T.ingress);
        expect(rules.map((r) => r.inputs)).toEqual([
            expect.objectContaining({ securityGroupId: sg.outputs.id, referencedSecurityGroupId: "sg-app", ipProtocol: "tcp", fromPort: 5432, toPort: 5432 }),
        ]);
        expect(rules[0].inputs.cidrIpv4).toBeUndefined();
        expect(rules[0].inputs.cidrIpv6).toBeUndefined();
        expect(child(resources, T.paramGroup, name).inputs.parameters).toEqual(
            expect.arrayContaining([expect.objectContaining({ name: "rds.force_ssl", value: "1" })]),
        );
    }

    it("private by default: not publicly accessible, own security group, encrypted, IAM auth, managed password, deletion protection", async () => {
        const resources = await capture(() => {
            new PrivatePostgres("dealer-db", base);
        });
        expectOwnedChildren(resources, "connected-car:aws:PrivatePostgres", "dealer-db");
        expectLockedDown(resources, "dealer-db");
        const instance = child(resources, T.instance, "dealer-db");
        expect(instance.inputs).toMatchObject({ instanceClass: "db.t4g.micro", multiAz: false, backupRetentionPeriod: 7, port: 5432 });
        expect(instance.inputs.tags).toEqual({ "data-classification": "customer-pii", owner: "team-a" });
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("the tuning pass-through cannot override a security setting", async () => {
        const hostileTuning = {
            publiclyAccessible: true,
            storageEncrypted: false,
            kmsKeyId: "alias/aws/rds",
            password: "hunter2hunter2",
            manageMasterUserPassword: false,
            iamDatabaseAuthenticationEnabled: false,
            vpcSecurityGroupIds: ["sg-open-to-the-world"],
            dbSubnetGroupName: "default",
            parameterGroupName: "default.postgres16",
            deletionProtection: false,
            skipFinalSnapshot: true,
            backupRetentionPeriod: 0,
            engine: "mysql",
            maintenanceWindow: "sun:03:00-sun:04:00",
        } as any;
        const resources = await capture(() => {
            new PrivatePostgres("tuned-db", { ...base, backupRetentionDays: 1, tuning: hostileTuning });
        });
        expectLockedDown(resources, "tuned-db");
        const instance = child(resources, T.instance, "tuned-db");
        expect(instance.inputs.backupRetentionPeriod).toBe(7);
        // Harmless tuning does pass through.
        expect(instance.inputs.maintenanceWindow).toBe("sun:03:00-sun:04:00");
    });
});

describe("PrivateNetwork", () => {
    it("no route to the internet: no internet or NAT gateway, gateway endpoints for S3 and DynamoDB, an empty default security group", async () => {
        const resources = await capture(() => {
            new PrivateNetwork("net", { accountId: "123456789012", interfaceEndpointServices: ["kms"] });
        });
        expectOwnedChildren(resources, "connected-car:aws:PrivateNetwork", "net");
        const types = resources.map((r) => r.type);
        expect(types).not.toContain("aws:ec2/internetGateway:InternetGateway");
        expect(types).not.toContain("aws:ec2/natGateway:NatGateway");
        expect(types).not.toContain("aws:ec2/route:Route");
        expect(types).not.toContain("aws:ec2/eip:Eip");

        const routeTable = child(resources, "aws:ec2/routeTable:RouteTable", "net");
        expect(routeTable.inputs.routes ?? []).toEqual([]);
        const subnets = ofType(resources, "aws:ec2/subnet:Subnet");
        expect(subnets.map((s) => [s.inputs.cidrBlock, s.inputs.mapPublicIpOnLaunch])).toEqual([
            ["10.20.0.0/20", false],
            ["10.20.16.0/20", false],
        ]);
        expect(new Set(subnets.map((s) => s.inputs.availabilityZone)).size).toBe(2);

        const endpoints = ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint");
        const gateways = endpoints.filter((e) => e.inputs.vpcEndpointType === "Gateway");
        expect(gateways.map((e) => e.inputs.serviceName).sort()).toEqual(["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"]);
        for (const g of gateways) {
            expect(g.inputs.routeTableIds).toEqual([routeTable.outputs.id]);
            const policy = JSON.parse(g.inputs.policy as string);
            expect(policy.Statement[0].Condition.StringEquals).toEqual({ "aws:PrincipalAccount": "123456789012", "aws:ResourceAccount": "123456789012" });
        }
        expect(endpoints.filter((e) => e.inputs.vpcEndpointType === "Interface").map((e) => e.inputs.serviceName)).toEqual([
            "com.amazonaws.us-east-1.kms",
        ]);

        const defaultGroup = child(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "net");
        expect(defaultGroup.inputs.ingress ?? []).toEqual([]);
        expect(defaultGroup.inputs.egress ?? []).toEqual([]);
        const endpointGroup = child(resources, T.sg, "net-endpoints");
        expect(endpointGroup.inputs.ingress).toEqual([expect.objectContaining({ fromPort: 443, toPort: 443, cidrBlocks: ["10.20.0.0/16"] })]);
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("subnetCidr carves aligned subnets and refuses impossible ones", () => {
        expect(subnetCidr("10.20.0.0/16", 20, 0)).toBe("10.20.0.0/20");
        expect(subnetCidr("10.20.0.0/16", 20, 1)).toBe("10.20.16.0/20");
        expect(subnetCidr("10.20.0.0/16", 24, 255)).toBe("10.20.255.0/24");
        expect(() => subnetCidr("10.20.0.0/16", 20, 16)).toThrow();
        expect(() => subnetCidr("10.20.0.0/16", 16, 0)).toThrow();
    });
});

describe("PrivateCdnSite", () => {
    it("serves a private bucket through OAC: SigV4 always, HTTPS only, bucket readable only by this distribution", async () => {
        const resources = await capture(() => {
            new PrivateCdnSite("portal", { owner: "team-a", accessLogBucket: "logs-bucket" });
        });
        expectOwnedChildren(resources, "connected-car:aws:PrivateCdnSite", "portal");
        const oac = child(resources, "aws:cloudfront/originAccessControl:OriginAccessControl", "portal");
        expect(oac.inputs).toMatchObject({ originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" });

        const distribution = child(resources, "aws:cloudfront/distribution:Distribution", "portal");
        const bucket = child(resources, T.bucket, "portal-origin");
        const [origin] = distribution.inputs.origins as Statement[];
        expect(origin).toMatchObject({ domainName: bucket.outputs.bucketRegionalDomainName, originAccessControlId: oac.outputs.id });
        expect(origin.customOriginConfig).toBeUndefined();
        expect((distribution.inputs.defaultCacheBehavior as Statement).viewerProtocolPolicy).toBe("redirect-to-https");

        expect(child(resources, T.block, "portal-origin").inputs).toMatchObject(ALL_BLOCKED);
        expect(ofType(resources, "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration")).toEqual([]);
        const read = statements(child(resources, T.policy, "portal-origin")).find((s) => s.Sid === "AllowCloudFrontOriginAccessControlRead");
        expect(read).toMatchObject({
            Principal: { Service: "cloudfront.amazonaws.com" },
            Condition: { StringEquals: { "AWS:SourceArn": [distribution.outputs.arn] } },
        });
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("in a preview the distribution ARN is unknown and the pack still has nothing to say", async () => {
        const resources = await capture(() => {
            new PrivateCdnSite("portal", { owner: "team-a" });
        }, "preview");
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});
