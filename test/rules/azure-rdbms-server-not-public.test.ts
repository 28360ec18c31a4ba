import { azureRdbmsServerNotPublic as rule } from "../../policies/azure/rdbms/azure-rdbms-server-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const PG = "azure-native:dbforpostgresql:Server";
const PG_RULE = "azure-native:dbforpostgresql:FirewallRule";
const MYSQL = "azure-native:dbformysql:Server";
const MYSQL_RULE = "azure-native:dbformysql:FirewallRule";
const CITUS = "azure-native:dbforpostgresql:ServerGroupCluster";
const CITUS_RULE = "azure-native:dbforpostgresql:ServerGroupFirewallRule";
const M = "mandatory" as const;
const ALL = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
const AZURE = { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" };
const OFFICE = { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" };
const SUBNET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/db";

const server = (type: string, name: string, props: Record<string, unknown> = {}): TestResource => ({ type, name, props: { resourceGroupName: "rg", ...props } });
/** A firewall rule joined as in preview: the parent name unknown, propertyDependencies recorded. */
const fw = (type: string, name: string, parentType: string, parent: string, range: Record<string, unknown>, key = "serverName"): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", [key]: UNKNOWN, ...range },
    propertyDependencies: { [key]: [urnOf(parentType, parent)] },
    dependencies: [urnOf(parentType, parent)],
});
const citusPrivate = { coordinatorEnablePublicIpAccess: false, nodeEnablePublicIpAccess: false };

ruleTable(rule, [
    { kind: "pass", name: "PostgreSQL flexible server without rules (no address allowed by default)", resources: [server(PG, "pg")], expect: [] },
    { kind: "pass", name: "PostgreSQL with a narrow rule", resources: [server(PG, "pg"), fw(PG_RULE, "office", PG, "pg", OFFICE)], expect: [] },
    { kind: "pass", name: "VNet-integrated PostgreSQL (delegated subnet) excuses a wide rule", resources: [server(PG, "pg", { network: { delegatedSubnetResourceId: SUBNET, privateDnsZoneArmResourceId: "/z" } }), fw(PG_RULE, "all", PG, "pg", ALL)], expect: [] },
    { kind: "pass", name: "a delegated subnet from another resource (unknown in preview) is still set", resources: [server(MYSQL, "my", { network: { delegatedSubnetResourceId: UNKNOWN } }), fw(MYSQL_RULE, "all", MYSQL, "my", ALL)], expect: [] },
    { kind: "pass", name: "MySQL network.publicNetworkAccess Disabled", resources: [server(MYSQL, "my", { network: { publicNetworkAccess: "Disabled" } }), fw(MYSQL_RULE, "all", MYSQL, "my", ALL)], expect: [] },
    { kind: "pass", name: "Citus cluster with public IP access off on coordinator and workers", resources: [server(CITUS, "citus", citusPrivate), fw(CITUS_RULE, "all", CITUS, "citus", ALL, "clusterName")], expect: [] },
    { kind: "pass", name: "single server with properties.publicNetworkAccess Disabled", resources: [server("azure-native:dbforpostgresql:SingleServer", "old", { properties: { createMode: "Default", publicNetworkAccess: "Disabled" } }), fw("azure-native:dbforpostgresql:SingleServerFirewallRule", "all", "azure-native:dbforpostgresql:SingleServer", "old", ALL)], expect: [] },
    { kind: "fail", name: "PostgreSQL with 0.0.0.0-255.255.255.255 (network omitted)", resources: [server(PG, "pg"), fw(PG_RULE, "all", PG, "pg", ALL)], expect: [{ level: M, message: 'Database server "pg" is reachable from the internet: `network` is omitted (no delegated subnet: the server is created with public access), and firewall rule "all" (0.0.0.0-255.255.255.255) covers every IPv4 address', resource: "pg" }] },
    { kind: "fail", name: "PostgreSQL with the Azure services rule and publicNetworkAccess Enabled", resources: [server(PG, "pg", { network: { publicNetworkAccess: "Enabled" } }), fw(PG_RULE, "AllowAllAzureServicesAndResourcesWithinAzureIps", PG, "pg", AZURE)], expect: [{ level: M, message: '`network.publicNetworkAccess` is "Enabled", and firewall rule "AllowAllAzureServicesAndResourcesWithinAzureIps" (0.0.0.0-0.0.0.0) is the "Allow Azure services" rule' }] },
    { kind: "fail", name: "MySQL flexible (preview default API token) with network.publicNetworkAccess omitted", resources: [server("azure-native:dbformysql/v20240201preview:Server", "my", { network: {} }), fw(MYSQL_RULE, "all", "azure-native:dbformysql/v20240201preview:Server", "my", ALL)], expect: [{ level: M, message: "`network.publicNetworkAccess` is omitted (not documented; without a delegated subnet the server has public access)" }] },
    { kind: "fail", name: "MySQL joined by known name (deployed)", resources: [server(MYSQL, "my", { name: "my-1" }), { type: MYSQL_RULE, name: "wide", props: { serverName: "my-1", startIpAddress: "64.0.0.0", endIpAddress: "127.255.255.255" } }], expect: [{ level: M, message: 'firewall rule "wide" (64.0.0.0-127.255.255.255) holds 1,073,741,824 addresses' }] },
    { kind: "fail", name: "Citus cluster with coordinator access omitted (fail-closed true)", resources: [server(CITUS, "citus", { nodeEnablePublicIpAccess: false }), fw(CITUS_RULE, "all", CITUS, "citus", ALL, "clusterName")], expect: [{ level: M, message: "`coordinatorEnablePublicIpAccess` is omitted (no documented default; treated as true)" }] },
    { kind: "fail", name: "Citus v2 token (dbforpostgresql:Cluster) with worker access on and a 2022-11-08 FirewallRule joined by clusterName", resources: [server("azure-native:dbforpostgresql:Cluster", "citus", { coordinatorEnablePublicIpAccess: false, nodeEnablePublicIpAccess: true }), fw("azure-native:dbforpostgresql/v20221108:FirewallRule", "all", "azure-native:dbforpostgresql:Cluster", "citus", ALL, "clusterName")], expect: [{ level: M, message: "`nodeEnablePublicIpAccess` is true, and firewall rule \"all\"" }] },
    { kind: "fail", name: "MySQL single server and MariaDB (properties.publicNetworkAccess omitted)", resources: [server("azure-native:dbformysql:SingleServer", "s", { properties: { createMode: "Default" } }), fw("azure-native:dbformysql:SingleServerFirewallRule", "all", "azure-native:dbformysql:SingleServer", "s", ALL), server("azure-native:dbformariadb:Server", "m", { properties: { publicNetworkAccess: "Enabled" } }), fw("azure-native:dbformariadb:FirewallRule", "az", "azure-native:dbformariadb:Server", "m", AZURE)], expect: [{ level: M, message: "`properties.publicNetworkAccess` is omitted (treated as Enabled)", resource: "s" }, { level: M, message: '`properties.publicNetworkAccess` is "Enabled", and firewall rule "az"', resource: "m" }] },
    { kind: "fail", name: "v1-style single-server token (dbforpostgresql/v20171201:Server) reads properties", resources: [server("azure-native:dbforpostgresql/v20171201:Server", "v1", { properties: { createMode: "Default" } }), fw("azure-native:dbforpostgresql/v20171201:FirewallRule", "all", "azure-native:dbforpostgresql/v20171201:Server", "v1", ALL)], expect: [{ level: M, message: "`properties.publicNetworkAccess` is omitted" }] },
    { kind: "fail", name: "local package tokens", resources: [server("azure-native_dbforpostgresql_v20250801:dbforpostgresql:Server", "pg"), fw("azure-native_dbforpostgresql_v20250801:dbforpostgresql:FirewallRule", "all", "azure-native_dbforpostgresql_v20250801:dbforpostgresql:Server", "pg", ALL)], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "not-applicable", name: "a SQL server and rule", resources: [server("azure-native:sql:Server", "db"), fw("azure-native:sql:FirewallRule", "all", "azure-native:sql:Server", "db", ALL)], expect: [] },
    { kind: "not-applicable", name: "an orphan PostgreSQL rule (resource rule's job)", resources: [{ type: PG_RULE, name: "all", props: { serverName: "existing", ...ALL } }], expect: [] },
    { kind: "unknown", name: "network.publicNetworkAccess unknown with a wide rule fails closed", resources: [server(PG, "pg", { network: { publicNetworkAccess: UNKNOWN } }), fw(PG_RULE, "all", PG, "pg", ALL)], expect: [{ level: M, message: "`network.publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "network unknown as a whole", resources: [server(PG, "pg", { network: UNKNOWN }), fw(PG_RULE, "all", PG, "pg", ALL)], expect: [{ level: M, message: "`network` is unknown during preview" }] },
    { kind: "unknown", name: "Citus worker access unknown", resources: [server(CITUS, "citus", { coordinatorEnablePublicIpAccess: false, nodeEnablePublicIpAccess: UNKNOWN }), fw(CITUS_RULE, "all", CITUS, "citus", ALL, "clusterName")], expect: [{ level: M, message: "`nodeEnablePublicIpAccess` is unknown during preview" }] },
    { kind: "malformed", name: "network of the wrong type", resources: [server(PG, "pg", { network: "public" })], expect: [{ level: M, message: '`network` is "public", which is not an object' }] },
    { kind: "malformed", name: "Citus public access as a string", resources: [server(CITUS, "citus", { coordinatorEnablePublicIpAccess: "false", nodeEnablePublicIpAccess: false })], expect: [{ level: M, message: "`coordinatorEnablePublicIpAccess` is \"false\", which is not a boolean" }] },
]);
