// The Azure sample stack's components, run in-process under Pulumi mocks: the security settings of their
// children, that no argument can override them, and that the children are named from the component and
// parented to it. Each component's resources also go through the whole pack in-process: no diagnostic.

import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../../cli/captured";
import { PrivateCosmosAccount } from "../../stacks/azure-connected-car/components/private-cosmos-account";
import { PrivateEventHubs } from "../../stacks/azure-connected-car/components/private-event-hubs";
import { PrivateKeyVault } from "../../stacks/azure-connected-car/components/private-key-vault";
import { PRIVATE_DNS_ZONES, PrivateNetwork } from "../../stacks/azure-connected-car/components/private-network";
import { PrivatePostgresServer } from "../../stacks/azure-connected-car/components/private-postgres-server";
import { PrivateStorageAccount } from "../../stacks/azure-connected-car/components/private-storage-account";
import { capture, child, expectOwnedChildren, ofType, packDiagnostics } from "./component-harness";

const RG = "rg-test";
const SUBNET = "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints";
const ZONE = (name: string) => `/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.Network/privateDnsZones/${name}`;
const TENANT = "11111111-1111-1111-1111-111111111111";
const T = {
    account: "azure-native:storage:StorageAccount",
    blobService: "azure-native:storage:BlobServiceProperties",
    container: "azure-native:storage:BlobContainer",
    endpoint: "azure-native:network:PrivateEndpoint",
    zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    cosmos: "azure-native:cosmosdb:DatabaseAccount",
    pg: "azure-native:dbforpostgresql:Server",
    pgConfig: "azure-native:dbforpostgresql:Configuration",
    vault: "azure-native:keyvault:Vault",
    namespace: "azure-native:eventhub:Namespace",
    ruleSet: "azure-native:eventhub:NamespaceNetworkRuleSet",
};

type Bag = Record<string, any>;

/** One private endpoint to `groupId` of `target`, with its DNS zone group in `zoneName`. */
function expectPrivateEndpoint(resources: CapturedResource[], target: CapturedResource, groupId: string, zoneName: string): void {
    const endpoints = ofType(resources, T.endpoint);
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].inputs.subnet).toMatchObject({ id: SUBNET });
    expect(endpoints[0].inputs.privateLinkServiceConnections).toEqual([
        expect.objectContaining({ privateLinkServiceId: target.outputs.id, groupIds: [groupId] }),
    ]);
    const [group] = ofType(resources, T.zoneGroup);
    expect(group.inputs.privateDnsZoneConfigs).toEqual([{ name: groupId, privateDnsZoneId: ZONE(zoneName) }]);
}

const endpointIn = (zone: string) => ({ subnetId: SUBNET, privateDnsZoneId: ZONE(zone) });

describe("PrivateStorageAccount", () => {
    const SECURE = {
        kind: "StorageV2",
        allowBlobPublicAccess: false,
        publicNetworkAccess: "Disabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "None", ipRules: [], virtualNetworkRules: [] },
        minimumTlsVersion: "TLS1_2",
        enableHttpsTrafficOnly: true,
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowCrossTenantReplication: false,
        isLocalUserEnabled: false,
        isSftpEnabled: false,
    };

    it("private by default: public network access Disabled, default Deny, no anonymous or shared-key access, TLS 1.2, private containers, versioning and soft delete", async () => {
        const resources = await capture(() => {
            new PrivateStorageAccount("telemetry", {
                resourceGroupName: RG,
                dataClassification: "vehicle-telemetry",
                owner: "team-a",
                privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.blob),
                containers: ["raw-telemetry"],
            });
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivateStorageAccount", "telemetry");
        const account = child(resources, T.account, "telemetry");
        expect(account.inputs).toMatchObject(SECURE);
        expect(account.inputs.tags).toEqual({ "data-classification": "vehicle-telemetry", owner: "team-a" });
        expect((account.inputs.encryption as Bag).requireInfrastructureEncryption).toBe(true);

        expect(child(resources, T.container, "telemetry-raw-telemetry").inputs).toMatchObject({ containerName: "raw-telemetry", publicAccess: "None" });
        expect(child(resources, T.blobService, "telemetry").inputs).toMatchObject({
            isVersioningEnabled: true,
            deleteRetentionPolicy: { enabled: true, days: 30 },
            containerDeleteRetentionPolicy: { enabled: true, days: 30 },
            restorePolicy: { enabled: true, days: 29 },
        });
        expect(ofType(resources, "azure-native:storage:StorageAccountStaticWebsite")).toEqual([]);
        expectPrivateEndpoint(resources, account, "blob", PRIVATE_DNS_ZONES.blob);
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("the tuning pass-through cannot override a security setting", async () => {
        const hostileTuning = {
            allowBlobPublicAccess: true,
            publicNetworkAccess: "Enabled",
            networkRuleSet: { defaultAction: "Allow", ipRules: [{ iPAddressOrRange: "0.0.0.0/0" }] },
            minimumTlsVersion: "TLS1_0",
            enableHttpsTrafficOnly: false,
            allowSharedKeyAccess: true,
            isSftpEnabled: true,
            isLocalUserEnabled: true,
            customDomain: { name: "telemetry.example.com" },
            accessTier: "Cool",
        } as any;
        const resources = await capture(() => {
            new PrivateStorageAccount("tuned", {
                resourceGroupName: RG,
                dataClassification: "vehicle-telemetry",
                owner: "team-a",
                privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.blob),
                containers: ["raw"],
                softDeleteDays: 1,
                tuning: hostileTuning,
            });
        });
        const account = child(resources, T.account, "tuned");
        expect(account.inputs).toMatchObject(SECURE);
        expect(account.inputs.customDomain).toBeUndefined();
        expect(account.inputs.accessTier).toBe("Cool"); // harmless tuning passes through
        expect((child(resources, T.blobService, "tuned").inputs.deleteRetentionPolicy as Bag).days).toBe(7);
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("a customer-managed key is used through the given identity, with infrastructure encryption", async () => {
        const identity = "/subscriptions/0/resourceGroups/rg-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cmk";
        const resources = await capture(() => {
            new PrivateStorageAccount("cmk", {
                resourceGroupName: RG,
                dataClassification: "vehicle-telemetry",
                owner: "team-a",
                privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.blob),
                customerManagedKey: { keyVaultUri: "https://kv.vault.azure.net/", keyName: "telemetry", identityId: identity },
            });
        });
        const account = child(resources, T.account, "cmk");
        expect(account.inputs.identity).toEqual({ type: "UserAssigned", userAssignedIdentities: [identity] });
        expect(account.inputs.encryption).toMatchObject({
            keySource: "Microsoft.Keyvault",
            keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net/", keyName: "telemetry" },
            encryptionIdentity: { encryptionUserAssignedIdentity: identity },
            requireInfrastructureEncryption: true,
        });
    });
});

describe("PrivateCosmosAccount", () => {
    it("private by default: public network access Disabled, no IP rules, local auth off, continuous backup; args cannot add exposure", async () => {
        const hostile = {
            resourceGroupName: RG,
            location: "westeurope",
            dataClassification: "vehicle-registry",
            owner: "team-a",
            privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.cosmosSql),
            databaseName: "registry",
            containers: [{ name: "vehicles", partitionKeyPath: "/terminalId" }],
            dataContributorPrincipalIds: ["22222222-2222-2222-2222-222222222222"],
            // Attempted overrides: not part of the args type, and never read.
            publicNetworkAccess: "Enabled",
            ipRules: [{ ipAddressOrRange: "0.0.0.0" }],
            disableLocalAuth: false,
            isVirtualNetworkFilterEnabled: true,
        } as any;
        const resources = await capture(() => {
            new PrivateCosmosAccount("registry", hostile);
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivateCosmosAccount", "registry");
        const account = child(resources, T.cosmos, "registry");
        expect(account.inputs).toMatchObject({
            publicNetworkAccess: "Disabled",
            ipRules: [],
            isVirtualNetworkFilterEnabled: false,
            virtualNetworkRules: [],
            disableLocalAuth: true,
            disableKeyBasedMetadataWriteAccess: true,
            minimalTlsVersion: "Tls12",
            backupPolicy: { type: "Continuous", continuousModeProperties: { tier: "Continuous7Days" } },
            capabilities: [{ name: "EnableServerless" }],
        });
        expect(account.inputs.tags).toEqual({ "data-classification": "vehicle-registry", owner: "team-a" });
        const [assignment] = ofType(resources, "azure-native:cosmosdb:SqlResourceSqlRoleAssignment");
        expect(assignment.inputs).toMatchObject({
            principalId: "22222222-2222-2222-2222-222222222222",
            roleDefinitionId: `${account.outputs.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002`,
            scope: account.outputs.id,
        });
        expectPrivateEndpoint(resources, account, "Sql", PRIVATE_DNS_ZONES.cosmosSql);
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});

describe("PrivatePostgresServer", () => {
    const base = {
        resourceGroupName: RG,
        dataClassification: "customer-pii" as const,
        owner: "team-a",
        privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.postgres),
        tenantId: TENANT,
        administrator: { objectId: "33333333-3333-3333-3333-333333333333", principalName: "dba", principalType: "Group" as const },
    };

    function expectLockedDown(resources: CapturedResource[], name: string): void {
        const server = child(resources, T.pg, name);
        expect(server.inputs.network).toEqual({ publicNetworkAccess: "Disabled" });
        expect(server.inputs.authConfig).toEqual({ activeDirectoryAuth: "Enabled", passwordAuth: "Disabled", tenantId: TENANT });
        expect(server.inputs.administratorLogin).toBeUndefined();
        expect(server.inputs.administratorLoginPassword).toBeUndefined();
        expect((server.inputs.backup as Bag).backupRetentionDays).toBeGreaterThanOrEqual(7);
        expect(ofType(resources, "azure-native:dbforpostgresql:FirewallRule")).toEqual([]);
        const configs = Object.fromEntries(ofType(resources, T.pgConfig).map((c) => [c.inputs.configurationName, c.inputs.value]));
        expect(configs).toEqual({ require_secure_transport: "on", ssl_min_protocol_version: "TLSv1.2" });
        expect(child(resources, "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra", `${name}-admin`).inputs).toMatchObject({
            objectId: "33333333-3333-3333-3333-333333333333",
            principalType: "Group",
            tenantId: TENANT,
        });
        expectPrivateEndpoint(resources, server, "postgresqlServer", PRIVATE_DNS_ZONES.postgres);
    }

    it("private by default: public network access Disabled, no firewall rules, Entra ID only, TLS enforced", async () => {
        const resources = await capture(() => {
            new PrivatePostgresServer("dealer-db", base);
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivatePostgresServer", "dealer-db");
        expectLockedDown(resources, "dealer-db");
        expect(child(resources, T.pg, "dealer-db").inputs.tags).toEqual({ "data-classification": "customer-pii", owner: "team-a" });
        expect(await packDiagnostics(resources)).toEqual([]);
    });

    it("the tuning pass-through cannot override a security setting", async () => {
        const hostileTuning = {
            network: { publicNetworkAccess: "Enabled" },
            authConfig: { passwordAuth: "Enabled", activeDirectoryAuth: "Disabled" },
            administratorLogin: "dealer",
            administratorLoginPassword: "Dealer-Portal-2016",
            backup: { backupRetentionDays: 1 },
            highAvailability: { mode: "ZoneRedundant" },
        } as any;
        const resources = await capture(() => {
            new PrivatePostgresServer("tuned-db", { ...base, backupRetentionDays: 1, tuning: hostileTuning });
        });
        expectLockedDown(resources, "tuned-db");
        const server = child(resources, T.pg, "tuned-db");
        expect((server.inputs.backup as Bag).backupRetentionDays).toBe(7);
        expect(server.inputs.highAvailability).toMatchObject({ mode: "ZoneRedundant" });
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});

describe("PrivateKeyVault", () => {
    it("private by default: public network access disabled, firewall Deny, RBAC, purge protection; args cannot reopen it", async () => {
        const hostile = {
            resourceGroupName: RG,
            tenantId: TENANT,
            owner: "team-a",
            privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.keyVault),
            softDeleteRetentionInDays: 1,
            publicNetworkAccess: "enabled",
            networkAcls: { defaultAction: "Allow" },
            enablePurgeProtection: false,
            properties: { publicNetworkAccess: "enabled" },
        } as any;
        const resources = await capture(() => {
            new PrivateKeyVault("keys", hostile);
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivateKeyVault", "keys");
        const vault = child(resources, T.vault, "keys");
        expect(vault.inputs.properties).toMatchObject({
            tenantId: TENANT,
            enableRbacAuthorization: true,
            accessPolicies: [],
            enableSoftDelete: true,
            enablePurgeProtection: true,
            softDeleteRetentionInDays: 7,
            publicNetworkAccess: "disabled",
            networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
        });
        expect(vault.inputs.tags).toEqual({ "data-classification": "key-material", owner: "team-a" });
        expectPrivateEndpoint(resources, vault, "vault", PRIVATE_DNS_ZONES.keyVault);
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});

describe("PrivateEventHubs", () => {
    it("private by default: namespace and network rule set both Disabled, SAS keys off, TLS 1.2; args cannot reopen it", async () => {
        const hostile = {
            resourceGroupName: RG,
            dataClassification: "vehicle-telemetry",
            owner: "team-a",
            privateEndpoint: endpointIn(PRIVATE_DNS_ZONES.eventHubs),
            hubs: [{ name: "telemetry" }],
            publicNetworkAccess: "Enabled",
            disableLocalAuth: false,
            defaultAction: "Allow",
        } as any;
        const resources = await capture(() => {
            new PrivateEventHubs("ingest", hostile);
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivateEventHubs", "ingest");
        const namespace = child(resources, T.namespace, "ingest");
        expect(namespace.inputs).toMatchObject({ publicNetworkAccess: "Disabled", disableLocalAuth: true, minimumTlsVersion: "1.2", sku: { name: "Standard" } });
        expect(child(resources, T.ruleSet, "ingest").inputs).toMatchObject({
            publicNetworkAccess: "Disabled",
            defaultAction: "Deny",
            trustedServiceAccessEnabled: false,
            ipRules: [],
            virtualNetworkRules: [],
        });
        expect(child(resources, "azure-native:eventhub:EventHub", "ingest-telemetry").inputs).toMatchObject({ eventHubName: "telemetry", partitionCount: 2 });
        expectPrivateEndpoint(resources, namespace, "namespace", PRIVATE_DNS_ZONES.eventHubs);
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});

describe("PrivateNetwork (Azure)", () => {
    it("endpoint subnet accepts only the app subnet on the stores' ports; no default outbound access; privatelink zones linked", async () => {
        const resources = await capture(() => {
            new PrivateNetwork("net", { resourceGroupName: RG });
        });
        expectOwnedChildren(resources, "connected-car:azure:PrivateNetwork", "net");
        const endpointNsg = child(resources, "azure-native:network:NetworkSecurityGroup", "net-endpoints");
        const rules = endpointNsg.inputs.securityRules as Bag[];
        const allow = rules.filter((r) => r.access === "Allow");
        expect(allow).toEqual([
            expect.objectContaining({ direction: "Inbound", sourceAddressPrefix: "10.30.2.0/24", destinationPortRanges: ["443", "5432", "5671-5672"] }),
        ]);
        expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ access: "Deny", direction: "Inbound", sourceAddressPrefix: "*", priority: 4000 })]));
        for (const subnet of ofType(resources, "azure-native:network:Subnet")) {
            expect(subnet.inputs.defaultOutboundAccess).toBe(false);
            expect(subnet.inputs.networkSecurityGroup).toBeDefined();
        }
        const zones = ofType(resources, "azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName);
        expect(zones.sort()).toEqual(Object.values(PRIVATE_DNS_ZONES).sort());
        const links = ofType(resources, "azure-native:privatedns:VirtualNetworkLink");
        expect(links).toHaveLength(zones.length);
        for (const link of links) expect(link.inputs.registrationEnabled).toBe(false);
        expect(await packDiagnostics(resources)).toEqual([]);
    });
});
