import { firewalledServerFindings, readAccessSwitch, REDIS_FIREWALL_RULES } from "../../lib/azure-network";
import type { StackRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";

// Azure Cache for Redis (redis:Redis; the v2 token cache:Redis) and its firewall rules (redis:FirewallRule,
// redis:RedisFirewallRule, cache:FirewallRule; `startIP` / `endIP`, joined through `cacheName` to the
// cache's `name`). Unlike SQL, a cache WITHOUT firewall rules admits everyone: "If no firewall rules are
// set and public access is not disabled, then all IP addresses are allowed" (Azure/PSRule.Rules.Azure
// Azure.Redis.FirewallRuleCount; "When firewall rules are configured, only client connections from the
// specified IP address ranges can connect", https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#firewall).
// That is why this is a stack rule: the cache alone cannot say whether rules restrict it.
// - publicNetworkAccess omitted: "Default value is 'Enabled'" (spec description of earlier API versions and
//   Learn .NET RedisData.PublicNetworkAccess; the 2024-11-01 typing states no default). Disabled = private
//   endpoints only.
// - subnetId set: VNet injection, the cache is not publicly addressable.
// - 0.0.0.0-0.0.0.0 has no "Azure services" meaning for Redis: a literal address (not public).
// Redis Enterprise / Azure Managed Redis: azure-redisenterprise-cluster-public-network-disabled.

export const azureRedisCacheNotPublic: StackRule = {
    kind: "stack",
    name: "azure-redis-cache-not-public",
    description:
        "Azure Cache for Redis instances must not be reachable from the internet: public network access disabled, VNet " +
        "injection, or firewall rules that admit only narrow ranges (a cache without firewall rules admits every address).",
    severity: "critical",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` and use a private endpoint, or add `redis.FirewallRule` resources for ' +
        "the specific public addresses of your clients (none broader than /8).",
    url: "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-network-isolation",
    catalog: "Azure: Redis public",
    check(stack) {
        return firewalledServerFindings(stack, {
            label: "Redis cache",
            servers: anyOf(azureType("redis", "Redis"), azureType("cache", "Redis")),
            serverKeys: ["name"],
            rules: REDIS_FIREWALL_RULES,
            noRulesEvidence: "it has no firewall rule, and a cache without firewall rules accepts every IP address",
            endpoint: (cache) => {
                const subnet = cache.props.subnetId;
                if (subnet !== undefined && subnet !== null && subnet !== "") {
                    return { state: "closed", text: "`subnetId` is set (VNet injection)" };
                }
                return readAccessSwitch(cache.props, "publicNetworkAccess", "publicNetworkAccess", "the API default is Enabled");
            },
        });
    },
};
