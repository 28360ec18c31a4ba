// Connected-car backend on Azure, private by default.
//
//   in-car terminals --> Event Hubs (private endpoint) --> ingestion worker (app subnet)
//       --> telemetry storage account (private endpoint, customer-managed key)
//   application (app subnet) --> vehicle registry (Cosmos DB) / dealer maintenance DB (PostgreSQL)
//   Key Vault holds the storage key; every store is reached through a private endpoint and Entra ID.
//
// The two data sets here are the two that leaked in the Toyota incidents: vehicle telemetry tied to
// customers, and dealer maintenance records with customer contact details. README.md explains each setting.
//
// Submodule imports (`@pulumi/azure-native/storage`, not the root package) keep type checking fast.

import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as resources from "@pulumi/azure-native/resources";
import * as pulumi from "@pulumi/pulumi";
import { PrivateCosmosAccount } from "./components/private-cosmos-account";
import { PrivateEventHubs } from "./components/private-event-hubs";
import { PrivateKeyVault } from "./components/private-key-vault";
import { PrivateNetwork } from "./components/private-network";
import { PrivatePostgresServer } from "./components/private-postgres-server";
import { PrivateStorageAccount } from "./components/private-storage-account";

const config = new pulumi.Config();
const location = config.get("location") ?? "westeurope";
const owner = config.get("owner") ?? "connected-car-platform";
const client = authorization.getClientConfigOutput();
// The dealer database's Entra ID administrator: a group of DBAs in production. Defaults to whoever runs
// `pulumi up`, so that a first deployment works without extra setup.
const dbAdminObjectId = config.get("dbAdminObjectId") ?? client.objectId;
const dbAdminName = config.get("dbAdminName") ?? "connected-car-dba";
const dbAdminType = (config.get("dbAdminType") ?? "User") as "Group" | "User" | "ServicePrincipal";

const tags = { project: pulumi.getProject(), stack: pulumi.getStack() };

/** A built-in Azure role, by its (documented, tenant-independent) GUID. */
function builtInRole(guid: string): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}
const ROLES = {
    keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    eventHubsDataReceiver: "a638d3c7-ab3a-418d-83e6-5f17a39d4fde",
};

const group = new resources.ResourceGroup("connected-car", { location, tags });
const resourceGroupName = group.name;

// ---- Network: stores are reached only through private endpoints ---------------------------------------

const net = new PrivateNetwork("connected-car", { resourceGroupName, location, tags });
const endpointIn = (zone: keyof typeof net.dnsZoneIds) => ({ subnetId: net.endpointSubnetId, privateDnsZoneId: net.dnsZoneIds[zone] });

// The application tier (ingestion worker, dealer API) runs as this identity: no keys, no passwords.
const app = new managedidentity.UserAssignedIdentity("app", { resourceGroupName, location, tags });

// ---- Keys ---------------------------------------------------------------------------------------------

const vault = new PrivateKeyVault("customer-keys", {
    resourceGroupName,
    location,
    tenantId: client.tenantId,
    owner,
    privateEndpoint: endpointIn("keyVault"),
    tags,
});
new authorization.RoleAssignment("app-key-vault-secrets", {
    principalId: app.principalId,
    principalType: "ServicePrincipal",
    roleDefinitionId: builtInRole(ROLES.keyVaultSecretsUser),
    scope: vault.vaultId,
});

// Customer-managed key of the telemetry account, rotated yearly. Storage reads it as a trusted service
// with its own identity, so the vault stays closed to public networks.
const telemetryKeyIdentity = new managedidentity.UserAssignedIdentity("telemetry-cmk", { resourceGroupName, location, tags });
const telemetryKey = new keyvault.Key("telemetry-cmk", {
    resourceGroupName,
    vaultName: vault.vaultName,
    properties: {
        kty: "RSA",
        keySize: 3072,
        keyOps: ["wrapKey", "unwrapKey"],
        rotationPolicy: {
            attributes: { expiryTime: "P2Y" },
            lifetimeActions: [{ trigger: { timeAfterCreate: "P1Y" }, action: { type: "rotate" } }],
        },
    },
    tags: { ...tags, "data-classification": "key-material", owner },
});
const telemetryKeyAccess = new authorization.RoleAssignment("telemetry-cmk", {
    principalId: telemetryKeyIdentity.principalId,
    principalType: "ServicePrincipal",
    roleDefinitionId: builtInRole(ROLES.keyVaultCryptoServiceEncryptionUser),
    scope: vault.vaultId,
});

// ---- Telemetry: raw events in a private storage account -----------------------------------------------

const telemetry = new PrivateStorageAccount(
    "telemetry",
    {
        resourceGroupName,
        location,
        dataClassification: "vehicle-telemetry",
        owner,
        privateEndpoint: endpointIn("blob"),
        containers: ["raw-telemetry"],
        customerManagedKey: { keyVaultUri: vault.vaultUri, keyName: telemetryKey.name, identityId: telemetryKeyIdentity.id },
        tags,
    },
    { dependsOn: [telemetryKeyAccess] },
);
new authorization.RoleAssignment("app-telemetry-blobs", {
    principalId: app.principalId,
    principalType: "ServicePrincipal",
    roleDefinitionId: builtInRole(ROLES.storageBlobDataContributor),
    scope: telemetry.accountId,
});

// ---- Ingestion: Event Hubs, private --------------------------------------------------------------------

const ingestion = new PrivateEventHubs("telemetry-ingest", {
    resourceGroupName,
    location,
    dataClassification: "vehicle-telemetry",
    owner,
    privateEndpoint: endpointIn("eventHubs"),
    hubs: [{ name: "telemetry", partitionCount: 4, retentionHours: 24 }],
    tags,
});
new authorization.RoleAssignment("app-telemetry-receiver", {
    principalId: app.principalId,
    principalType: "ServicePrincipal",
    roleDefinitionId: builtInRole(ROLES.eventHubsDataReceiver),
    scope: ingestion.namespaceId,
});

// ---- Vehicle registry: terminal ID -> VIN -> customer --------------------------------------------------

const registry = new PrivateCosmosAccount("vehicle-registry", {
    resourceGroupName,
    location,
    dataClassification: "vehicle-registry",
    owner,
    privateEndpoint: endpointIn("cosmosSql"),
    databaseName: "registry",
    containers: [{ name: "vehicles", partitionKeyPath: "/terminalId" }],
    dataContributorPrincipalIds: [app.principalId],
    tags,
});

// ---- Dealer maintenance records: PostgreSQL flexible server --------------------------------------------

const dealerDb = new PrivatePostgresServer("dealer-maintenance", {
    resourceGroupName,
    location,
    dataClassification: "customer-pii",
    owner,
    privateEndpoint: endpointIn("postgres"),
    tenantId: client.tenantId,
    administrator: { objectId: dbAdminObjectId, principalName: dbAdminName, principalType: dbAdminType },
    databaseName: "maintenance",
    tags,
});

export const resourceGroup = resourceGroupName;
export const vnetId = net.vnetId;
export const appSubnetId = net.appSubnetId;
export const appIdentityClientId = app.clientId;
export const keyVaultUri = vault.vaultUri;
export const telemetryAccount = telemetry.accountName;
export const eventHubsNamespace = ingestion.namespaceName;
export const registryEndpoint = registry.endpoint;
export const dealerDbHost = dealerDb.fullyQualifiedDomainName;
