import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import * as pulumi from "@pulumi/pulumi";
import { PrivateLink, type PrivateLinkTarget } from "./private-link";
import { storeTags, type DataClassification } from "./tags";

/**
 * Flexible-server settings a caller may pass through unchanged. Network access, authentication and backups
 * are left out of the type and written again after the pass-through at run time.
 */
export type PostgresServerTuning = Omit<
    dbforpostgresql.ServerArgs,
    | "resourceGroupName"
    | "location"
    | "network"
    | "authConfig"
    | "administratorLogin"
    | "administratorLoginPassword"
    | "backup"
    | "tags"
>;

/** The Entra ID principal that administers the server (a group of DBAs, ideally). */
export interface EntraAdministrator {
    objectId: pulumi.Input<string>;
    /** Display name of the group or user. */
    principalName: pulumi.Input<string>;
    principalType: "Group" | "User" | "ServicePrincipal";
}

export interface PrivatePostgresServerArgs {
    resourceGroupName: pulumi.Input<string>;
    /** Default: the resource group's location. */
    location?: pulumi.Input<string>;
    /** What the server holds; written to the `data-classification` tag. Required. */
    dataClassification: pulumi.Input<DataClassification>;
    /** The team that owns the data; written to the `owner` tag. Required. */
    owner: pulumi.Input<string>;
    /** Where the private endpoint goes (subnet and `privatelink.postgres.database.azure.com` zone). Required. */
    privateEndpoint: PrivateLinkTarget;
    /** Entra tenant of the administrators. Required. */
    tenantId: pulumi.Input<string>;
    /** The server's Entra ID administrator. Required: password authentication is disabled. */
    administrator: EntraAdministrator;
    /** Database to create. Default: `maintenance`. */
    databaseName?: string;
    /** Compute. Default: `Standard_B1ms` (Burstable), enough for a pilot. */
    sku?: { name: pulumi.Input<string>; tier: pulumi.Input<string> };
    /** PostgreSQL major version. Default: `16`. */
    version?: pulumi.Input<string>;
    /** Storage in GiB. Default: 32. */
    storageSizeGB?: pulumi.Input<number>;
    /** Days of backups (point-in-time restore). Default: 14; values below 7 are raised to 7. */
    backupRetentionDays?: number;
    /** Geo-redundant backups (paired region). Default: false. Can only be chosen at creation. */
    geoRedundantBackup?: boolean;
    /** Other server settings (high availability, maintenance window, ...). Default: none. */
    tuning?: PostgresServerTuning;
    /** Extra tags. `data-classification` and `owner` are always set from the arguments above. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Azure Database for PostgreSQL flexible server reachable only through its private endpoint: public
 * network access Disabled and no firewall rules, Entra ID authentication only (password authentication
 * off, so there is no password to leak), TLS 1.2 or later enforced, backups.
 */
export class PrivatePostgresServer extends pulumi.ComponentResource {
    public readonly serverName: pulumi.Output<string>;
    public readonly serverId: pulumi.Output<string>;
    public readonly fullyQualifiedDomainName: pulumi.Output<string | undefined>;

    constructor(name: string, args: PrivatePostgresServerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("connected-car:azure:PrivatePostgresServer", name, {}, opts);
        const parent = { parent: this };

        const server = new dbforpostgresql.Server(
            name,
            {
                // Tunables first.
                ...args.tuning,
                version: args.version ?? "16",
                sku: args.sku ?? { name: "Standard_B1ms", tier: "Burstable" },
                storage: args.tuning?.storage ?? { storageSizeGB: args.storageSizeGB ?? 32, autoGrow: "Enabled" },
                // Security settings LAST: nothing above can turn them off.
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                network: { publicNetworkAccess: "Disabled" },
                authConfig: { activeDirectoryAuth: "Enabled", passwordAuth: "Disabled", tenantId: args.tenantId },
                administratorLogin: undefined,
                administratorLoginPassword: undefined,
                backup: {
                    backupRetentionDays: Math.max(7, args.backupRetentionDays ?? 14),
                    geoRedundantBackup: args.geoRedundantBackup ? "Enabled" : "Disabled",
                },
                tags: storeTags(args.tags, args.dataClassification, args.owner),
            },
            parent,
        );

        new dbforpostgresql.AdministratorsMicrosoftEntra(
            `${name}-admin`,
            {
                resourceGroupName: args.resourceGroupName,
                serverName: server.name,
                objectId: args.administrator.objectId,
                principalName: args.administrator.principalName,
                principalType: args.administrator.principalType,
                tenantId: args.tenantId,
            },
            parent,
        );

        // Server parameters: TLS is required (the default, written down) and must be 1.2 or later.
        const tls = new dbforpostgresql.Configuration(
            `${name}-require-secure-transport`,
            { resourceGroupName: args.resourceGroupName, serverName: server.name, configurationName: "require_secure_transport", value: "on", source: "user-override" },
            parent,
        );
        new dbforpostgresql.Configuration(
            `${name}-ssl-min-protocol-version`,
            { resourceGroupName: args.resourceGroupName, serverName: server.name, configurationName: "ssl_min_protocol_version", value: "TLSv1.2", source: "user-override" },
            // The service accepts one parameter change at a time.
            { parent: this, dependsOn: [tls] },
        );

        const databaseName = args.databaseName ?? "maintenance";
        new dbforpostgresql.Database(
            `${name}-${databaseName}`,
            { resourceGroupName: args.resourceGroupName, serverName: server.name, databaseName, charset: "UTF8", collation: "en_US.utf8" },
            parent,
        );

        new PrivateLink(
            `${name}-postgres`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                subnetId: args.privateEndpoint.subnetId,
                privateDnsZoneId: args.privateEndpoint.privateDnsZoneId,
                privateLinkServiceId: server.id,
                groupId: "postgresqlServer",
                tags: args.tags,
            },
            parent,
        );

        this.serverName = server.name;
        this.serverId = server.id;
        this.fullyQualifiedDomainName = server.fullyQualifiedDomainName;
        this.registerOutputs({ serverName: this.serverName, serverId: this.serverId, fullyQualifiedDomainName: this.fullyQualifiedDomainName });
    }
}
