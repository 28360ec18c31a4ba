import { azureCosmosdbAccountNetworkRestricted as rule } from "../../policies/azure/cosmosdb/azure-cosmosdb-account-network-restricted";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:cosmosdb:DatabaseAccount",
    "azure-native:cosmosdb/v20240515:DatabaseAccount",
    "azure-native:cosmosdb/v20250501preview:DatabaseAccount",
    "azure-native_cosmosdb_v20251015:cosmosdb:DatabaseAccount",
    "azure-native:documentdb:DatabaseAccount",
    "azure-native:documentdb/v20210415:DatabaseAccount",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", databaseAccountOfferType: "Standard", locations: [{ locationName: "westeurope" }] };
const ip = (v: unknown) => ({ ipAddressOrRange: v });

ruleTable(rule, [
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `publicNetworkAccess Disabled (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Disabled" }), expect: [] })),
    { kind: "pass", name: "narrow IP rules (incl. the Azure portal addresses)", resources: one(TOKENS[0], { ...base, ipRules: [ip("203.0.113.7"), ip("104.42.195.92"), ip("198.51.100.0/24")] }), expect: [] },
    { kind: "pass", name: "virtual network filter with no IP rule", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "Enabled", isVirtualNetworkFilterEnabled: true, virtualNetworkRules: [{ id: "/subscriptions/s/x/subnets/a" }] }), expect: [] },
    { kind: "pass", name: "legacy ipRangeFilter with narrow entries (API before 2020-04-01)", resources: one("azure-native:documentdb/v20191212:DatabaseAccount", { ...base, ipRangeFilter: "203.0.113.7, 198.51.100.0/24" }), expect: [] },
    { kind: "fail", name: "nothing set: accessible from the internet by default", resources: one(TOKENS[0], base), expect: [{ level: M, message: "`publicNetworkAccess` is omitted (Cosmos DB accounts are accessible from the internet by default), and no IP rule is set and `isVirtualNetworkFilterEnabled` is omitted (false), so no filter applies" }] },
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `public network access with no filter (${t})`, resources: one(t, { ...base, publicNetworkAccess: "Enabled", ipRules: [], isVirtualNetworkFilterEnabled: false }), expect: [{ level: M, message: "no IP rule is set and `isVirtualNetworkFilterEnabled` is false" }] })),
    { kind: "fail", name: 'the "0.0.0.0" Azure-datacenters rule', resources: one(TOKENS[0], { ...base, ipRules: [ip("203.0.113.7"), ip("0.0.0.0")] }), expect: [{ level: M, message: '`ipRules[1].ipAddressOrRange` is "0.0.0.0", which means "accept connections from within Azure datacenters"' }] },
    { kind: "fail", name: "0.0.0.0/0 even with a virtual network filter", resources: one(TOKENS[0], { ...base, isVirtualNetworkFilterEnabled: true, ipRules: [ip("0.0.0.0/0")] }), expect: [{ level: M, message: "covers every IPv4 address" }] },
    { kind: "fail", name: "a range broader than /8", resources: one(TOKENS[0], { ...base, ipRules: [ip("23.0.0.0/7")] }), expect: [{ level: M, message: '`ipRules[0].ipAddressOrRange` is "23.0.0.0/7", which holds 33,554,432 addresses' }] },
    { kind: "fail", name: "legacy ipRangeFilter with 0.0.0.0", resources: one("azure-native:documentdb/v20190801:DatabaseAccount", { ...base, ipRangeFilter: "203.0.113.7,0.0.0.0" }), expect: [{ level: M, message: "`ipRangeFilter` entry \"0.0.0.0\" means \"accept connections from within Azure datacenters\"" }] },
    { kind: "fail", name: "SecuredByPerimeter with no filter", resources: one(TOKENS[0], { ...base, publicNetworkAccess: "SecuredByPerimeter" }), expect: [{ level: M, message: "not proven private" }] },
    { kind: "not-applicable", name: "a Cosmos SQL database", resources: one("azure-native:cosmosdb:SqlResourceSqlDatabase", { accountName: "a" }), expect: [] },
    { kind: "not-applicable", name: "a MongoDB vCore cluster (its own rule)", resources: one("azure-native:cosmosdb:MongoCluster", {}), expect: [] },
    { kind: "unknown", name: "publicNetworkAccess unknown without a filter", resources: one(TOKENS[0], { ...base, publicNetworkAccess: UNKNOWN }), expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "ipRules unknown as a whole", resources: one(TOKENS[0], { ...base, ipRules: UNKNOWN }), expect: [{ level: M, message: "`ipRules` is unknown during preview" }] },
    { kind: "unknown", name: "one ip rule unknown", resources: one(TOKENS[0], { ...base, ipRules: [ip(UNKNOWN)] }), expect: [{ level: M, message: "`ipRules[0].ipAddressOrRange` is unknown during preview" }] },
    { kind: "unknown", name: "virtual network filter unknown with no IP rule", resources: one(TOKENS[0], { ...base, isVirtualNetworkFilterEnabled: UNKNOWN }), expect: [{ level: M, message: "`isVirtualNetworkFilterEnabled` is unknown during preview" }] },
    { kind: "malformed", name: "an IP rule that is not an address", resources: one(TOKENS[0], { ...base, ipRules: [ip("23.40.210.245/40")] }), expect: [{ level: M, message: "prefix length must be a number from 0 to 32" }] },
    { kind: "malformed", name: "isVirtualNetworkFilterEnabled as a string", resources: one(TOKENS[0], { ...base, ipRules: [ip("203.0.113.7")], isVirtualNetworkFilterEnabled: "true" }), expect: [{ level: M, message: "`isVirtualNetworkFilterEnabled` is \"true\", which is not a boolean" }] },
    { kind: "malformed", name: "publicNetworkAccess of the wrong type", resources: one(TOKENS[0], { ...base, publicNetworkAccess: false, ipRules: [ip("203.0.113.7")] }), expect: [{ level: M, message: "`publicNetworkAccess` is false, which is not a string" }] },
]);
