// Remediation through @pulumi/policy's real Remediate RPC function, with the pack's policies at level
// `remediate`: the returned properties are what the engine would create instead.

import { describe, expect, it } from "vitest";
import { analyzeRequest } from "../../cli/protocol";
import { toPolicies } from "../../policies/lib/policy-adapter";
import { rules } from "../../policies/registry";
import { captured, invoke, UNKNOWN } from "../harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

const remediateAll = server.makeRemediateRpcFun(
    "customer-data-guard",
    "0.0.0-test",
    "mandatory",
    toPolicies(rules).map((p) => ({ ...p, enforcementLevel: "remediate" })),
);

async function remediate(type: string, props: Record<string, unknown>): Promise<Array<{ policy: string; properties: unknown }>> {
    const r = captured({ type, name: "subject", props }, `urn:pulumi:s::p::${type}::subject`);
    const resp = await invoke(remediateAll, analyzeRequest(r, props, new Map()));
    return resp.getRemediationsList().map((x: any) => ({ policy: x.getPolicyname(), properties: x.getProperties()?.toJavaScript() }));
}

describe("remediation at enforcement level remediate", () => {
    it.each([
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, restrictPublicBuckets: false }, "aws-s3-bucket-public-access-block-enabled",
            { bucket: "b", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }],
        ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", {}, "aws-s3-account-public-access-block-enabled",
            { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }],
        ["aws:s3/bucketV2:BucketV2", { bucket: "b", acl: "public-read" }, "aws-s3-bucket-acl-not-public", { bucket: "b", acl: "private" }],
        ["aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "authenticated-read" }, "aws-s3-bucket-acl-not-public", { bucket: "b", acl: "private" }],
        ["aws:rds/instance:Instance", { engine: "postgres", publiclyAccessible: true }, "aws-rds-instance-not-publicly-accessible", { engine: "postgres", publiclyAccessible: false }],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", allowBlobPublicAccess: true, publicNetworkAccess: "Disabled", networkRuleSet: { defaultAction: "Deny" } }, "azure-storage-account-blob-public-access-disabled",
            { kind: "StorageV2", allowBlobPublicAccess: false, publicNetworkAccess: "Disabled", networkRuleSet: { defaultAction: "Deny" } }],
        ["azure-native:storage/v20230101:BlobContainer", { accountName: "a", publicAccess: "Container" }, "azure-storage-container-not-public", { accountName: "a", publicAccess: "None" }],
        ["azure-native:cosmosdb:DatabaseAccount", { publicNetworkAccess: "Enabled" }, "azure-cosmosdb-account-network-restricted", { publicNetworkAccess: "Disabled" }],
        ["azure-native:keyvault:Vault", { properties: { publicNetworkAccess: "enabled", enableRbacAuthorization: true } }, "azure-keyvault-vault-network-restricted",
            { properties: { publicNetworkAccess: "disabled", enableRbacAuthorization: true } }],
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true }, "aws-s3-bucket-public-access-block-enabled",
            { bucket: "b", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", publicNetworkAccess: "Disabled" }, "azure-storage-account-blob-public-access-disabled",
            { kind: "StorageV2", allowBlobPublicAccess: false, publicNetworkAccess: "Disabled" }],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", networkRuleSet: { defaultAction: "Deny" } }, "azure-storage-account-network-restricted",
            { kind: "StorageV2", publicNetworkAccess: "Disabled", networkRuleSet: { defaultAction: "Deny" } }],
        ["azure-native:cosmosdb:DatabaseAccount", {}, "azure-cosmosdb-account-network-restricted", { publicNetworkAccess: "Disabled" }],
        ["azure-native:keyvault:Vault", { location: "westeurope" }, "azure-keyvault-vault-network-restricted",
            { location: "westeurope", properties: { publicNetworkAccess: "Disabled" } }],
        ["azure-native:keyvault:Vault", { properties: { enableRbacAuthorization: true } }, "azure-keyvault-vault-network-restricted",
            { properties: { publicNetworkAccess: "Disabled", enableRbacAuthorization: true } }],
    ])("%s: %j is fixed by %s", async (type, props, policy, fixed) => {
        const remediations = await remediate(type, props);
        expect(remediations.filter((r) => r.policy === policy)).toEqual([{ policy, properties: expect.objectContaining(fixed) }]);
    });

    it("leaves private resources and unknown values alone", async () => {
        expect(await remediate("aws:s3/bucketV2:BucketV2", { bucket: "b", acl: "private" })).toEqual([]);
        expect(await remediate("aws:rds/instance:Instance", { publiclyAccessible: UNKNOWN })).toEqual([]);
        expect(await remediate("azure-native:storage:BlobContainer", { accountName: "a" })).toEqual([]);
    });

    // An unknown value may come from anywhere (another stack's output, a config secret); remediation never
    // guesses over it, and the rule goes on reporting it.
    it.each([
        ["azure-native:cosmosdb:DatabaseAccount", { publicNetworkAccess: UNKNOWN }, "azure-cosmosdb-account-network-restricted"],
        ["azure-native:storage:BlobContainer", { accountName: "a", publicAccess: UNKNOWN }, "azure-storage-container-not-public"],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", allowBlobPublicAccess: UNKNOWN }, "azure-storage-account-blob-public-access-disabled"],
        ["azure-native:keyvault:Vault", { properties: UNKNOWN }, "azure-keyvault-vault-network-restricted"],
        ["azure-native:keyvault:Vault", { properties: { publicNetworkAccess: UNKNOWN } }, "azure-keyvault-vault-network-restricted"],
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, ignorePublicAcls: UNKNOWN, blockPublicPolicy: true, restrictPublicBuckets: true },
            "aws-s3-bucket-public-access-block-enabled"],
    ])("%s: %j is unknown, so %s changes nothing", async (type, props, policy) => {
        expect((await remediate(type, props)).filter((r) => r.policy === policy)).toEqual([]);
    });

    it("sets the known flags of a block and leaves an unknown one alone", async () => {
        const props = { bucket: "b", blockPublicAcls: false, ignorePublicAcls: UNKNOWN };
        expect((await remediate("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props)).filter((r) => r.policy === "aws-s3-bucket-public-access-block-enabled")).toEqual([
            { policy: "aws-s3-bucket-public-access-block-enabled", properties: { bucket: "b", blockPublicAcls: true, ignorePublicAcls: UNKNOWN, blockPublicPolicy: true, restrictPublicBuckets: true } },
        ]);
    });

    it.each([
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
            "aws-s3-bucket-public-access-block-enabled"],
        ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
            "aws-s3-account-public-access-block-enabled"],
        ["aws:s3/bucketV2:BucketV2", { bucket: "b" }, "aws-s3-bucket-acl-not-public"],
        ["aws:rds/instance:Instance", { engine: "postgres", publiclyAccessible: false }, "aws-rds-instance-not-publicly-accessible"],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", allowBlobPublicAccess: false }, "azure-storage-account-blob-public-access-disabled"],
        ["azure-native:storage:StorageAccount", { kind: "StorageV2", publicNetworkAccess: "Disabled" }, "azure-storage-account-network-restricted"],
        ["azure-native:cosmosdb:DatabaseAccount", { publicNetworkAccess: "Disabled" }, "azure-cosmosdb-account-network-restricted"],
        ["azure-native:cosmosdb:DatabaseAccount", { publicNetworkAccess: "disabled" }, "azure-cosmosdb-account-network-restricted"],
        ["azure-native:storage:BlobContainer", { accountName: "a", publicAccess: "None" }, "azure-storage-container-not-public"],
        ["azure-native:keyvault:Vault", { properties: { publicNetworkAccess: "Disabled", enableRbacAuthorization: true } }, "azure-keyvault-vault-network-restricted"],
    ])("%s: %j is already private, so %s changes nothing", async (type, props, policy) => {
        expect((await remediate(type, props)).filter((r) => r.policy === policy)).toEqual([]);
    });
});
