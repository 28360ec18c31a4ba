import * as pulumi from "@pulumi/pulumi";
import * as storage from "@pulumi/azure-native/storage";
import { PrivateLink, type PrivateLinkTarget } from "./private-link";
import { storeTags, type DataClassification } from "./tags";

/**
 * Storage account settings a caller may pass through unchanged. Network exposure, authentication, TLS and
 * encryption are left out of the type and written again after the pass-through at run time.
 */
export type StorageAccountTuning = Omit<
    storage.StorageAccountArgs,
    | "resourceGroupName"
    | "location"
    | "kind"
    | "allowBlobPublicAccess"
    | "publicNetworkAccess"
    | "networkRuleSet"
    | "minimumTlsVersion"
    | "enableHttpsTrafficOnly"
    | "allowSharedKeyAccess"
    | "defaultToOAuthAuthentication"
    | "allowCrossTenantReplication"
    | "allowedCopyScope"
    | "isLocalUserEnabled"
    | "isSftpEnabled"
    | "customDomain"
    | "encryption"
    | "identity"
    | "tags"
>;

/** A customer-managed key in Key Vault, used through a user-assigned identity. */
export interface CustomerManagedKey {
    /** `https://<vault>.vault.azure.net/`. */
    keyVaultUri: pulumi.Input<string>;
    keyName: pulumi.Input<string>;
    /** Resource id of the user-assigned identity that holds "Key Vault Crypto Service Encryption User". */
    identityId: pulumi.Input<string>;
}

export interface PrivateStorageAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Default: the resource group's location. */
    location?: pulumi.Input<string>;
    /** What the account holds; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** Where the `blob` private endpoint goes (subnet and `privatelink.blob.core.windows.net` zone). Required. */
    privateEndpoint: PrivateLinkTarget;
    /** Blob containers to create; all of them private (`publicAccess: None`). Default: none. */
    containers?: string[];
    /** Redundancy. Default: `Standard_ZRS` (three zones in the region). */
    skuName?: pulumi.Input<string>;
    /** Encrypt with this key instead of a Microsoft-managed key. Default: Microsoft-managed key. */
    customerManagedKey?: CustomerManagedKey;
    /** Days deleted blobs, versions and containers stay recoverable. Default: 30 (minimum 7). */
    softDeleteDays?: number;
    /** Lifecycle of blobs, in days since last modification. Default: cool 30, cold 90, archive 180. */
    tiering?: { coolAfterDays: number; coldAfterDays: number; archiveAfterDays: number };
    /** Delete previous versions this many days after they were superseded. Default: 90. */
    deletePreviousVersionsAfterDays?: number;
    /** Other account settings (access tier, ...). Default: none. */
    tuning?: StorageAccountTuning;
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A StorageV2 account reachable only through its private endpoint: public network access Disabled, network
 * rules default Deny with no IP or VNet rules, anonymous blob access off, shared keys off (Entra ID only),
 * TLS 1.2 and HTTPS only, infrastructure encryption, private containers, versioning, soft delete, change
 * feed and point-in-time restore, and a lifecycle to colder tiers.
 */
export class PrivateStorageAccount extends pulumi.ComponentResource {
    public readonly accountName: pulumi.Output<string>;
    public readonly accountId: pulumi.Output<string>;
    public readonly account: storage.StorageAccount;

    constructor(name: string, args: PrivateStorageAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateStorageAccount", name, {}, opts);
        const parent = { parent: this };
        const softDeleteDays = Math.max(7, args.softDeleteDays ?? 30);
        const cmk = args.customerManagedKey;

        this.account = new storage.StorageAccount(
            name,
            {
                // Tunables first.
                ...args.tuning,
                sku: args.tuning?.sku ?? { name: args.skuName ?? "Standard_ZRS" },
                accessTier: args.tuning?.accessTier ?? "Hot",
                // Security settings LAST: nothing above can turn them off.
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "StorageV2",
                allowBlobPublicAccess: false,
                publicNetworkAccess: "Disabled",
                networkRuleSet: { defaultAction: "Deny", bypass: "None", ipRules: [], virtualNetworkRules: [] },
                minimumTlsVersion: "TLS1_2",
                enableHttpsTrafficOnly: true,
                allowSharedKeyAccess: false,
                defaultToOAuthAuthentication: true,
                allowCrossTenantReplication: false,
                allowedCopyScope: "PrivateLink",
                isLocalUserEnabled: false,
                isSftpEnabled: false,
                customDomain: undefined,
                identity: cmk !== undefined ? { type: "UserAssigned", userAssignedIdentities: [cmk.identityId] } : undefined,
                encryption: {
                    requireInfrastructureEncryption: true,
                    keySource: cmk !== undefined ? "Microsoft.Keyvault" : "Microsoft.Storage",
                    keyVaultProperties: cmk !== undefined ? { keyVaultUri: cmk.keyVaultUri, keyName: cmk.keyName } : undefined,
                    encryptionIdentity: cmk !== undefined ? { encryptionUserAssignedIdentity: cmk.identityId } : undefined,
                    services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
                },
                tags: storeTags(args.tags, args.dataClassification, args.owner),
            },
            parent,
        );

        const blobService = new storage.BlobServiceProperties(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                blobServicesName: "default",
                isVersioningEnabled: true,
                changeFeed: { enabled: true, retentionInDays: softDeleteDays + 7 },
                deleteRetentionPolicy: { enabled: true, days: softDeleteDays, allowPermanentDelete: false },
                containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays },
                // Restore must end before soft delete does.
                restorePolicy: { enabled: true, days: softDeleteDays - 1 },
            },
            parent,
        );

        for (const container of args.containers ?? []) {
            new storage.BlobContainer(
                `${name}-${container}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: this.account.name,
                    containerName: container,
                    publicAccess: "None",
                },
                { parent: this, dependsOn: [blobService] },
            );
        }

        const tiering = args.tiering ?? { coolAfterDays: 30, coldAfterDays: 90, archiveAfterDays: 180 };
        new storage.ManagementPolicy(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                managementPolicyName: "default",
                policy: {
                    rules: [
                        {
                            name: "colder-tiers-and-old-versions",
                            enabled: true,
                            type: "Lifecycle",
                            definition: {
                                filters: { blobTypes: ["blockBlob"] },
                                actions: {
                                    baseBlob: {
                                        tierToCool: { daysAfterModificationGreaterThan: tiering.coolAfterDays },
                                        tierToCold: { daysAfterModificationGreaterThan: tiering.coldAfterDays },
                                        tierToArchive: { daysAfterModificationGreaterThan: tiering.archiveAfterDays },
                                    },
                                    version: {
                                        delete: { daysAfterCreationGreaterThan: args.deletePreviousVersionsAfterDays ?? 90 },
                                    },
                                },
                            },
                        },
                    ],
                },
            },
            { parent: this, dependsOn: [blobService] },
        );

        new PrivateLink(
            `${name}-blob`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnetId: args.privateEndpoint.subnetId,
                privateDnsZoneId: args.privateEndpoint.privateDnsZoneId,
                privateLinkServiceId: this.account.id,
                groupId: "blob",
                tags: args.tags,
            },
            parent,
        );

        this.accountName = this.account.name;
        this.accountId = this.account.id;
        this.registerOutputs({ accountName: this.accountName, accountId: this.accountId });
    }
}
