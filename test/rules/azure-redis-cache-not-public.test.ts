import { azureRedisCacheNotPublic as rule } from "../../policies/azure/redis/azure-redis-cache-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const REDIS = "azure-native:redis:Redis";
const RULE = "azure-native:redis:FirewallRule";
const M = "mandatory" as const;
const OFFICE = { startIP: "203.0.113.10", endIP: "203.0.113.20" };
const ALL = { startIP: "0.0.0.0", endIP: "255.255.255.255" };

const cache = (name: string, props: Record<string, unknown> = {}, type = REDIS): TestResource => ({ type, name, props: { resourceGroupName: "rg", sku: { name: "Premium", family: "P", capacity: 1 }, ...props } });
/** Joined as in preview: cacheName unknown, propertyDependencies recorded. */
const fw = (name: string, parent: string, range: Record<string, unknown>, type = RULE, parentType = REDIS): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", cacheName: UNKNOWN, ...range },
    propertyDependencies: { cacheName: [urnOf(parentType, parent)] },
    dependencies: [urnOf(parentType, parent)],
});
const NO_RULES = "it has no firewall rule, and a cache without firewall rules accepts every IP address";

ruleTable(rule, [
    { kind: "pass", name: "publicNetworkAccess Disabled", resources: [cache("c", { publicNetworkAccess: "Disabled" })], expect: [] },
    { kind: "pass", name: "VNet-injected cache (subnetId)", resources: [cache("c", { subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/redis" })], expect: [] },
    { kind: "pass", name: "public access restricted by a narrow firewall rule (preview join)", resources: [cache("c"), fw("office", "c", OFFICE)], expect: [] },
    { kind: "pass", name: "RedisFirewallRule token joined by known cache name (deployed)", resources: [cache("c", { name: "cache-1" }), { type: "azure-native:redis:RedisFirewallRule", name: "office", props: { cacheName: "cache-1", ...OFFICE } }], expect: [] },
    { kind: "pass", name: "0.0.0.0-0.0.0.0 is a literal address for Redis (admits nobody)", resources: [cache("c"), fw("zero", "c", { startIP: "0.0.0.0", endIP: "0.0.0.0" })], expect: [] },
    { kind: "fail", name: "no firewall rule and publicNetworkAccess omitted (default Enabled)", resources: [cache("c")], expect: [{ level: M, message: `Redis cache "c" is reachable from the internet: \`publicNetworkAccess\` is omitted (the API default is Enabled), and ${NO_RULES}.`, resource: "c" }] },
    { kind: "fail", name: "v2 token cache:Redis with publicNetworkAccess Enabled and no rule", resources: [cache("c", { publicNetworkAccess: "Enabled" }, "azure-native:cache:Redis")], expect: [{ level: M, message: NO_RULES }] },
    { kind: "fail", name: "versioned v2 token cache/v20230801:Redis", resources: [cache("c", {}, "azure-native:cache/v20230801:Redis")], expect: [{ level: M, message: NO_RULES }] },
    { kind: "fail", name: "a rule covering every address", resources: [cache("c"), fw("all", "c", ALL)], expect: [{ level: M, message: 'firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address' }] },
    { kind: "fail", name: "v2 cache:FirewallRule on a v2 cache, wide range", resources: [cache("c", {}, "azure-native:cache:Redis"), fw("wide", "c", { startIP: "64.0.0.0", endIP: "127.255.255.255" }, "azure-native:cache:FirewallRule", "azure-native:cache:Redis")], expect: [{ level: M, message: 'firewall rule "wide"' }] },
    { kind: "fail", name: "a narrow rule on another cache does not restrict this one", resources: [cache("a"), cache("b"), fw("office", "a", OFFICE)], expect: [{ level: M, message: 'Redis cache "b"', resource: "b" }] },
    { kind: "fail", name: "local package tokens", resources: [cache("c", {}, "azure-native_redis_v20241101:redis:Redis")], expect: [{ level: M, message: NO_RULES }] },
    { kind: "not-applicable", name: "a Redis Enterprise cluster (its own rule)", resources: [{ type: "azure-native:redisenterprise:RedisEnterprise", name: "e", props: { publicNetworkAccess: "Enabled" } }], expect: [] },
    { kind: "not-applicable", name: "an orphan firewall rule", resources: [{ type: RULE, name: "r", props: { cacheName: "existing", ...ALL } }], expect: [] },
    { kind: "unknown", name: "publicNetworkAccess unknown without rules fails closed", resources: [cache("c", { publicNetworkAccess: UNKNOWN })], expect: [{ level: M, message: '`publicNetworkAccess` is unknown during preview, so the pack cannot tell whether Redis cache "c" accepts connections from the internet' }] },
    { kind: "pass", name: "a rule with an unknown range still counts as a rule (the resource rule fails closed on it)", resources: [cache("c"), fw("r", "c", { startIP: UNKNOWN, endIP: UNKNOWN })], expect: [] },
    { kind: "malformed", name: "publicNetworkAccess outside the enum", resources: [cache("c", { publicNetworkAccess: "Public" })], expect: [{ level: M, message: '`publicNetworkAccess` is "Public", which is not one of' }] },
]);
