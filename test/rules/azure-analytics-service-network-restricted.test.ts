import { azureAnalyticsServiceNetworkRestricted as rule } from "../../policies/azure/analytics/azure-analytics-service-network-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const KUSTO = ["azure-native:kusto:Cluster", "azure-native:kusto/v20230815:Cluster", "azure-native_kusto_v20240413:kusto:Cluster"];
const SEARCH = ["azure-native:search:Service", "azure-native:search/v20240301preview:Service", "azure-native_search_v20250501:search/v20250501:Service"];
const ADF = ["azure-native:datafactory:Factory", "azure-native:datafactory/v20180601:Factory", "azure-native_datafactory_v20180601:datafactory:Factory"];
const M = "mandatory" as const;
const kusto = { resourceGroupName: "rg", sku: { name: "Standard_E8ads_v5", tier: "Standard" }, publicIPType: "IPv4" };
const search = { resourceGroupName: "rg", sku: { name: "standard" } };

ruleTable(rule, [
    ...[...KUSTO, ...SEARCH, ...ADF].map((t) => ({ kind: "pass" as const, name: `publicNetworkAccess Disabled (${t})`, resources: one(t, { resourceGroupName: "rg", publicNetworkAccess: "Disabled" }), expect: [] })),
    { kind: "pass", name: "Data Explorer with narrow allowed ranges (DualStack)", resources: one(KUSTO[0], { ...kusto, publicNetworkAccess: "Enabled", publicIPType: "DualStack", allowedIpRangeList: ["203.0.113.0/24", "2001:db8::/48"] }), expect: [] },
    { kind: "pass", name: "Search with narrow IP rules", resources: one(SEARCH[0], { ...search, publicNetworkAccess: "Enabled", networkRuleSet: { ipRules: [{ value: "203.0.113.7" }], bypass: "AzureServices" } }), expect: [] },
    ...KUSTO.map((t) => ({ kind: "fail" as const, name: `Data Explorer with the SDK default and no allowed list (${t})`, resources: one(t, { ...kusto, publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Enabled", and `allowedIpRangeList` is empty, so no IP restriction applies.' }] })),
    { kind: "fail", name: "Data Explorer switch omitted (enabled by default), 0.0.0.0/0 allowed", resources: one(KUSTO[0], { ...kusto, allowedIpRangeList: ["0.0.0.0/0"] }), expect: [{ level: M, message: '`publicNetworkAccess` is omitted (public network access to the cluster is enabled by default), and `allowedIpRangeList[0]` is "0.0.0.0/0", which covers every IPv4 address' }] },
    { kind: "fail", name: "Data Explorer IPv6 range broader than /32", resources: one(KUSTO[0], { ...kusto, publicIPType: "DualStack", allowedIpRangeList: ["2001::/16"] }), expect: [{ level: M, message: "more than an IPv6 /32" }] },
    ...SEARCH.map((t) => ({ kind: "fail" as const, name: `Search without IP rules (${t})`, resources: one(t, { ...search, publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: "`networkRuleSet.ipRules` is empty, so no IP restriction applies" }] })),
    { kind: "fail", name: "Search free tier cannot be IP-restricted", resources: one(SEARCH[0], { sku: { name: "free" }, networkRuleSet: { ipRules: [{ value: "203.0.113.7" }] } }), expect: [{ level: M, message: '`sku.name` is "free", and the Free tier cannot restrict IP addresses' }] },
    { kind: "fail", name: "Search IP rule broader than /8", resources: one(SEARCH[0], { ...search, networkRuleSet: { ipRules: [{ value: "0.0.0.0/1" }] } }), expect: [{ level: M, message: '`networkRuleSet.ipRules[0].value` is "0.0.0.0/1"' }] },
    ...ADF.map((t) => ({ kind: "fail" as const, name: `Data Factory with public network access omitted (${t})`, resources: one(t, { resourceGroupName: "rg" }), expect: [{ level: M, message: "`publicNetworkAccess` is omitted (not documented; treated as Enabled), and a data factory has no IP firewall, so every address is admitted." }] })),
    { kind: "fail", name: "Data Factory Enabled", resources: one(ADF[0], { resourceGroupName: "rg", publicNetworkAccess: "Enabled" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Enabled", and a data factory has no IP firewall' }] },
    { kind: "not-applicable", name: "a Data Explorer database", resources: one("azure-native:kusto:ReadWriteDatabase", { clusterName: "k" }), expect: [] },
    { kind: "not-applicable", name: "a Data Factory pipeline", resources: one("azure-native:datafactory:Pipeline", { factoryName: "f" }), expect: [] },
    { kind: "unknown", name: "Data Factory switch unknown", resources: one(ADF[0], { resourceGroupName: "rg", publicNetworkAccess: UNKNOWN }), expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "Data Explorer allowed list unknown", resources: one(KUSTO[0], { ...kusto, allowedIpRangeList: UNKNOWN }), expect: [{ level: M, message: "`allowedIpRangeList` is unknown during preview" }] },
    { kind: "unknown", name: "Search rule set unknown", resources: one(SEARCH[0], { ...search, networkRuleSet: UNKNOWN }), expect: [{ level: M, message: "`networkRuleSet` is unknown during preview" }] },
    { kind: "malformed", name: "Data Explorer allowed range that is not a CIDR", resources: one(KUSTO[0], { ...kusto, allowedIpRangeList: ["office"] }), expect: [{ level: M, message: '`allowedIpRangeList[0]`: "office" is not a valid IPv4 or IPv6 address' }] },
    { kind: "malformed", name: "Search IP rule value missing", resources: one(SEARCH[0], { ...search, networkRuleSet: { ipRules: [{}] } }), expect: [{ level: M, message: "`networkRuleSet.ipRules[0].value` is missing" }] },
    { kind: "malformed", name: "Data Factory switch outside the enum", resources: one(ADF[0], { resourceGroupName: "rg", publicNetworkAccess: "Off" }), expect: [{ level: M, message: '`publicNetworkAccess` is "Off", which is not one of' }] },
]);
