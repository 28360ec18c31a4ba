import { azureMongoclusterClusterNotPublic as rule } from "../../policies/azure/mongocluster/azure-mongocluster-cluster-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const CLUSTER = "azure-native:mongocluster:MongoCluster";
const RULE = "azure-native:mongocluster:FirewallRule";
const M = "mandatory" as const;
const ALL = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
const AZURE = { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" };
const OFFICE = { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" };

const cluster = (name: string, props: Record<string, unknown> = {}, type = CLUSTER): TestResource => ({ type, name, props: { resourceGroupName: "rg", ...props } });
/** mongocluster:FirewallRule nests the range under `properties`; the cosmosdb / documentdb tokens keep it at the top. */
const fw = (name: string, parent: string, range: Record<string, unknown>, type = RULE, parentType = CLUSTER, nested = type === RULE): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", mongoClusterName: UNKNOWN, ...(nested ? { properties: range } : range) },
    propertyDependencies: { mongoClusterName: [urnOf(parentType, parent)] },
    dependencies: [urnOf(parentType, parent)],
});

ruleTable(rule, [
    { kind: "pass", name: "a cluster without firewall rules (public access off until rules exist)", resources: [cluster("m")], expect: [] },
    { kind: "pass", name: "a narrow rule", resources: [cluster("m"), fw("office", "m", OFFICE)], expect: [] },
    { kind: "pass", name: "properties.publicNetworkAccess Disabled excuses a wide rule", resources: [cluster("m", { properties: { publicNetworkAccess: "Disabled" } }), fw("all", "m", ALL)], expect: [] },
    { kind: "fail", name: "0.0.0.0-255.255.255.255 (publicNetworkAccess omitted: default Enabled)", resources: [cluster("m", { properties: { serverVersion: "7.0" } }), fw("all", "m", ALL)], expect: [{ level: M, message: 'MongoDB vCore cluster "m" is reachable from the internet: `properties.publicNetworkAccess` is omitted (the API default is Enabled), and firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address', resource: "m" }] },
    { kind: "fail", name: "cluster without properties at all", resources: [cluster("m"), fw("all", "m", ALL)], expect: [{ level: M, message: "`properties.publicNetworkAccess` is omitted" }] },
    { kind: "fail", name: "Azure services rule (by analogy with SQL)", resources: [cluster("m", { properties: { publicNetworkAccess: "Enabled" } }), fw("az", "m", AZURE)], expect: [{ level: M, message: '"Allow Azure services"' }] },
    { kind: "fail", name: "cosmosdb:MongoCluster (2024-02-15-preview, no switch) with its top-level rule", resources: [cluster("old", {}, "azure-native:cosmosdb:MongoCluster"), fw("all", "old", ALL, "azure-native:cosmosdb:MongoClusterFirewallRule", "azure-native:cosmosdb:MongoCluster")], expect: [{ level: M, message: "`publicNetworkAccess` is omitted (the API default is Enabled), and firewall rule \"all\"" }] },
    { kind: "fail", name: "v2 tokens documentdb:MongoCluster and documentdb:MongoClusterFirewallRule", resources: [cluster("v2", {}, "azure-native:documentdb:MongoCluster"), fw("all", "v2", ALL, "azure-native:documentdb:MongoClusterFirewallRule", "azure-native:documentdb:MongoCluster")], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "fail", name: "joined by known name (deployed), local package tokens", resources: [cluster("m", { name: "m-1" }, "azure-native_mongocluster_v20240701:mongocluster:MongoCluster"), { type: "azure-native_mongocluster_v20240701:mongocluster:FirewallRule", name: "all", props: { mongoClusterName: "m-1", properties: ALL } }], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "not-applicable", name: "a Cosmos DB account", resources: [{ type: "azure-native:cosmosdb:DatabaseAccount", name: "a", props: {} }], expect: [] },
    { kind: "unknown", name: "publicNetworkAccess unknown with a wide rule", resources: [cluster("m", { properties: { publicNetworkAccess: UNKNOWN } }), fw("all", "m", ALL)], expect: [{ level: M, message: "`properties.publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "properties unknown with a wide rule", resources: [cluster("m", { properties: UNKNOWN }), fw("all", "m", ALL)], expect: [{ level: M, message: "`properties` is unknown during preview" }] },
    { kind: "malformed", name: "publicNetworkAccess outside the enum", resources: [cluster("m", { properties: { publicNetworkAccess: "Public" } })], expect: [{ level: M, message: '`properties.publicNetworkAccess` is "Public", which is not one of' }] },
]);
