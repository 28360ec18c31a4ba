import { azureRedisenterpriseClusterPublicNetworkDisabled as rule } from "../../policies/azure/redis/azure-redisenterprise-cluster-public-network-disabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:redisenterprise:RedisEnterprise",
    "azure-native:redisenterprise/v20240901preview:RedisEnterprise",
    "azure-native_redisenterprise_v20250701:redisenterprise:RedisEnterprise",
    "azure-native:cache:RedisEnterprise",
    "azure-native:cache/v20230401:RedisEnterprise",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", sku: { name: "Balanced_B5" } };

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `publicNetworkAccess Disabled (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Disabled" }), expect: [] })),
    { kind: "pass", name: "disabled, lower case", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "disabled" }), expect: [] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `publicNetworkAccess Enabled (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Enabled", and the Enterprise tiers have no IP firewall, so every address is admitted.' }] })),
    { kind: "fail", name: "omitted (older API versions have no switch: public endpoint)", resources: one("azure-native:cache/v20230401:RedisEnterprise", base), expect: [{ level: M, message: "`publicNetworkAccess` is omitted (required from API 2025-07-01; older API versions have no such switch and keep the public endpoint)" }] },
    { kind: "not-applicable", name: "a Redis Enterprise database", resources: one("azure-native:redisenterprise:Database", { clusterName: "e" }), expect: [] },
    { kind: "not-applicable", name: "an Azure Cache for Redis (its own rule)", resources: one("azure-native:redis:Redis", { publicNetworkAccess: "Enabled" }), expect: [] },
    { kind: "unknown", name: "unknown at preview fails closed", resources: one(TOKENS[0], { ...base, publicNetworkAccess: UNKNOWN }), expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "malformed", name: "a boolean instead of the enum", resources: one(TOKENS[0], { ...base, publicNetworkAccess: false }), expect: [{ level: M, message: "`publicNetworkAccess` is false, which is not a string" }] },
]);
