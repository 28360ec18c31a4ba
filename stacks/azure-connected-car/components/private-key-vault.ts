import * as keyvault from "@pulumi/azure-native/keyvault";
import * as pulumi from "@pulumi/pulumi";
import { PrivateLink, type PrivateLinkTarget } from "./private-link";
import { storeTags } from "./tags";

export interface PrivateKeyVaultArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Default: the resource group's location. */
    location?: pulumi.Input<string>;
    /** Entra tenant that authorizes access (RBAC). Required. */
    tenantId: pulumi.Input<string>;
    /** The team that owns the keys; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** Where the `vault` private endpoint goes (subnet and `privatelink.vaultcore.azure.net` zone). Required. */
    privateEndpoint: PrivateLinkTarget;
    /** `standard` or `premium` (HSM-backed keys). Default: `standard`. */
    skuName?: "standard" | "premium";
    /** Days a deleted vault, key or secret stays recoverable (7-90). Default: 90. */
    softDeleteRetentionInDays?: number;
    /** Extra tags. `data-classification` (`key-material`) and `owner` are always set. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Key Vault reachable only through its private endpoint (and by Azure's trusted services, e.g. Storage
 * fetching its customer-managed key): public network access disabled, firewall default Deny with no IP or
 * VNet rules, Entra ID RBAC instead of access policies, soft delete and purge protection.
 */
export class PrivateKeyVault extends pulumi.ComponentResource {
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultId: pulumi.Output<string>;
    /** `https://<name>.vault.azure.net/`. */
    public readonly vaultUri: pulumi.Output<string>;

    constructor(name: string, args: PrivateKeyVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateKeyVault", name, {}, opts);
        const parent = { parent: this };

        const vault = new keyvault.Vault(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                properties: {
                    tenantId: args.tenantId,
                    sku: { family: "A", name: args.skuName ?? "standard" },
                    softDeleteRetentionInDays: Math.min(90, Math.max(7, args.softDeleteRetentionInDays ?? 90)),
                    // Security settings: literals only.
                    enableRbacAuthorization: true,
                    accessPolicies: [],
                    enableSoftDelete: true,
                    enablePurgeProtection: true,
                    publicNetworkAccess: "disabled",
                    networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
                    enabledForDeployment: false,
                    enabledForDiskEncryption: false,
                    enabledForTemplateDeployment: false,
                },
                tags: storeTags(args.tags, "key-material", args.owner),
            },
            parent,
        );

        new PrivateLink(
            `${name}-vault`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnetId: args.privateEndpoint.subnetId,
                privateDnsZoneId: args.privateEndpoint.privateDnsZoneId,
                privateLinkServiceId: vault.id,
                groupId: "vault",
                tags: args.tags,
            },
            parent,
        );

        this.vaultName = vault.name;
        this.vaultId = vault.id;
        this.vaultUri = pulumi
            .all([vault.properties, vault.name])
            .apply(([properties, vaultName]) => properties.vaultUri || `https://${vaultName}.vault.azure.net/`);
        this.registerOutputs({ vaultName: this.vaultName, vaultId: this.vaultId, vaultUri: this.vaultUri });
    }
}
