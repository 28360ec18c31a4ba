// Azure rules (azure-native, every API version and local package form, and the v2 tokens such as
// cache:Redis and documentdb:DatabaseAccount that v2-style programs still emit). One rule per CATALOG.md §3
// row or natural sub-row; resource rules for facts about one resource (they run before creation during
// `pulumi up`), stack rules for a server or namespace joined to its separate firewall / network rule
// resources. Shared semantics: ../lib/azure-network.ts.

import type { Rule } from "../lib/rule";
import { azureAnalyticsServiceNetworkRestricted } from "./analytics/azure-analytics-service-network-restricted";
import { azureComputeDiskNetworkAccessRestricted } from "./compute/azure-compute-disk-network-access-restricted";
import { azureCosmosdbAccountNetworkRestricted } from "./cosmosdb/azure-cosmosdb-account-network-restricted";
import { azureDatastoreFirewallRuleNotPublic } from "./datastore/azure-datastore-firewall-rule-not-public";
import { azureKeyvaultVaultNetworkRestricted } from "./keyvault/azure-keyvault-vault-network-restricted";
import { azureMessagingNamespaceNotPublic } from "./messaging/azure-messaging-namespace-not-public";
import { azureMongoclusterClusterNotPublic } from "./mongocluster/azure-mongocluster-cluster-not-public";
import { azureRdbmsServerNotPublic } from "./rdbms/azure-rdbms-server-not-public";
import { azureRedisCacheNotPublic } from "./redis/azure-redis-cache-not-public";
import { azureRedisenterpriseClusterPublicNetworkDisabled } from "./redis/azure-redisenterprise-cluster-public-network-disabled";
import { azureSqlManagedInstancePublicEndpointDisabled } from "./sql/azure-sql-managed-instance-public-endpoint-disabled";
import { azureSqlServerNotPublic } from "./sql/azure-sql-server-not-public";
import { azureStorageAccountBlobPublicAccessDisabled } from "./storage/azure-storage-account-blob-public-access-disabled";
import { azureStorageAccountNetworkRestricted } from "./storage/azure-storage-account-network-restricted";
import { azureStorageAccountSharedKeyDisabled } from "./storage/azure-storage-account-shared-key-disabled";
import { azureStorageAccountStaticWebsiteDisabled } from "./storage/azure-storage-account-static-website-disabled";
import { azureStorageContainerNotPublic } from "./storage/azure-storage-container-not-public";
import { azureSynapseWorkspaceNotPublic } from "./synapse/azure-synapse-workspace-not-public";

export const azureRules: readonly Rule[] = [
    // Storage
    azureStorageAccountBlobPublicAccessDisabled,
    azureStorageContainerNotPublic,
    azureStorageAccountStaticWebsiteDisabled,
    azureStorageAccountNetworkRestricted,
    azureStorageAccountSharedKeyDisabled,
    // Firewall-rule resources of every service (the "Allow Azure services" row), judged before creation
    azureDatastoreFirewallRuleNotPublic,
    // Azure SQL
    azureSqlServerNotPublic,
    azureSqlManagedInstancePublicEndpointDisabled,
    // PostgreSQL / MySQL / Cosmos DB for PostgreSQL
    azureRdbmsServerNotPublic,
    // Cosmos DB and MongoDB vCore
    azureCosmosdbAccountNetworkRestricted,
    azureMongoclusterClusterNotPublic,
    // Key Vault and Managed HSM
    azureKeyvaultVaultNetworkRestricted,
    // Redis
    azureRedisCacheNotPublic,
    azureRedisenterpriseClusterPublicNetworkDisabled,
    // Event Hubs / Service Bus / Synapse / Data Explorer / Search / Data Factory / managed disks
    azureMessagingNamespaceNotPublic,
    azureSynapseWorkspaceNotPublic,
    azureAnalyticsServiceNetworkRestricted,
    azureComputeDiskNetworkAccessRestricted,
];
