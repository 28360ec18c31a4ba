import { exposureFindings, readAccessSwitch } from "../../lib/azure-network";
import type { ResourceRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "the cluster accepts connections from any address";

// Redis Enterprise and Azure Managed Redis clusters (redisenterprise:RedisEnterprise; the v2 token
// cache:RedisEnterprise). These tiers have no IP firewall ("Firewall rules ... aren't available on
// Enterprise tiers", https://learn.microsoft.com/azure/azure-cache-for-redis/cache-network-isolation), so an
// enabled public endpoint admits every address.
// publicNetworkAccess is REQUIRED from API 2025-07-01 (the default version in azure-native 3.28): no
// default. "null is returned only for clusters created using an old API version which do not have this
// property" (typing): older versioned tokens cannot disable it, so omitted = the public endpoint exists.

export const azureRedisenterpriseClusterPublicNetworkDisabled: ResourceRule = {
    kind: "resource",
    name: "azure-redisenterprise-cluster-public-network-disabled",
    description: "Redis Enterprise and Azure Managed Redis clusters must disable public network access (these tiers have no IP firewall).",
    severity: "critical",
    remediationSteps: 'Set `publicNetworkAccess: "Disabled"` and connect through a private endpoint.',
    url: "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-network-isolation",
    catalog: "Azure: Redis public",
    appliesTo: anyOf(azureType("redisenterprise", "RedisEnterprise"), azureType("cache", "RedisEnterprise")),
    check(resource) {
        const sw = readAccessSwitch(
            resource.props,
            "publicNetworkAccess",
            "publicNetworkAccess",
            "required from API 2025-07-01; older API versions have no such switch and keep the public endpoint",
        );
        return exposureFindings(sw, ["the Enterprise tiers have no IP firewall, so every address is admitted"], [], CONSEQUENCE);
    },
};
