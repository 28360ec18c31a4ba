import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import * as pulumi from "@pulumi/pulumi";
import { PrivateLink, type PrivateLinkTarget } from "./private-link";
import { storeTags, type DataClassification } from "./tags";

/** Cosmos DB built-in data-plane role "Cosmos DB Built-in Data Contributor". */
export const COSMOS_DATA_CONTRIBUTOR = "00000000-0000-0000-0000-000000000002";

export interface CosmosContainer {
    name: string;
    /** Partition key path, e.g. `/terminalId`. */
    partitionKeyPath: string;
}

export interface PrivateCosmosAccountArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Azure region of the account. Required (Cosmos DB needs it in `locations`). */
    location: pulumi.Input<string>;
    /** What the account holds; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** Where the `Sql` private endpoint goes (subnet and `privatelink.documents.azure.com` zone). Required. */
    privateEndpoint: PrivateLinkTarget;
    /** The SQL (NoSQL API) database to create. Required. */
    databaseName: string;
    /** Containers in that database. Default: none. */
    containers?: CosmosContainer[];
    /** Serverless capacity (pay per request, no idle throughput cost). Default: true. */
    serverless?: boolean;
    /** Continuous backup tier: point-in-time restore over 7 or 30 days. Default: `Continuous7Days` (free). */
    backupTier?: "Continuous7Days" | "Continuous30Days";
    /** Zone-redundant replicas in the region. Default: false. */
    zoneRedundant?: pulumi.Input<boolean>;
    /** Entra ID principals (object ids) that get the built-in Data Contributor role. Default: none. */
    dataContributorPrincipalIds?: pulumi.Input<string>[];
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Cosmos DB (NoSQL API) account reachable only through its private endpoint: public network access
 * Disabled, no IP or VNet rules, keys disabled (Entra ID RBAC only, including metadata writes), TLS 1.2 and
 * continuous backup.
 */
export class PrivateCosmosAccount extends pulumi.ComponentResource {
    public readonly accountName: pulumi.Output<string>;
    public readonly accountId: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;

    constructor(name: string, args: PrivateCosmosAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivateCosmosAccount", name, {}, opts);
        const parent = { parent: this };

        const account = new cosmosdb.DatabaseAccount(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "GlobalDocumentDB",
                databaseAccountOfferType: "Standard",
                locations: [{ locationName: args.location, failoverPriority: 0, isZoneRedundant: args.zoneRedundant ?? false }],
                consistencyPolicy: { defaultConsistencyLevel: "Session" },
                capabilities: (args.serverless ?? true) ? [{ name: "EnableServerless" }] : [],
                backupPolicy: { type: "Continuous", continuousModeProperties: { tier: args.backupTier ?? "Continuous7Days" } },
                // Security settings: literals only.
                publicNetworkAccess: "Disabled",
                ipRules: [],
                isVirtualNetworkFilterEnabled: false,
                virtualNetworkRules: [],
                networkAclBypass: "None",
                networkAclBypassResourceIds: [],
                disableLocalAuth: true,
                disableKeyBasedMetadataWriteAccess: true,
                minimalTlsVersion: "Tls12",
                tags: storeTags(args.tags, args.dataClassification, args.owner),
            },
            parent,
        );

        const database = new cosmosdb.SqlResourceSqlDatabase(
            `${name}-${args.databaseName}`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: account.name,
                databaseName: args.databaseName,
                resource: { id: args.databaseName },
            },
            parent,
        );
        for (const container of args.containers ?? []) {
            new cosmosdb.SqlResourceSqlContainer(
                `${name}-${container.name}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: account.name,
                    databaseName: database.name,
                    containerName: container.name,
                    resource: { id: container.name, partitionKey: { paths: [container.partitionKeyPath], kind: "Hash", version: 2 } },
                },
                parent,
            );
        }

        (args.dataContributorPrincipalIds ?? []).forEach((principalId, i) => {
            new cosmosdb.SqlResourceSqlRoleAssignment(
                `${name}-data-contributor-${i}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    accountName: account.name,
                    principalId,
                    roleDefinitionId: pulumi.interpolate`${account.id}/sqlRoleDefinitions/${COSMOS_DATA_CONTRIBUTOR}`,
                    scope: account.id,
                },
                parent,
            );
        });

        new PrivateLink(
            `${name}-sql`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnetId: args.privateEndpoint.subnetId,
                privateDnsZoneId: args.privateEndpoint.privateDnsZoneId,
                privateLinkServiceId: account.id,
                groupId: "Sql",
                tags: args.tags,
            },
            parent,
        );

        this.accountName = account.name;
        this.accountId = account.id;
        this.endpoint = account.documentEndpoint;
        this.registerOutputs({ accountName: this.accountName, accountId: this.accountId, endpoint: this.endpoint });
    }
}
