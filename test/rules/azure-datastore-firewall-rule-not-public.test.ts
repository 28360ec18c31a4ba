import { azureDatastoreFirewallRuleNotPublic as rule } from "../../policies/azure/datastore/azure-datastore-firewall-rule-not-public";
import { one, ruleTable, UNKNOWN, type Row } from "../harness";

const M = "mandatory" as const;
const ALL = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
const AZURE = { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" };
const NARROW = { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" };

// Every token (and alias / version form) whose range is startIpAddress / endIpAddress at the top level.
const START_END_TOKENS: Array<[string, string]> = [
    ["azure-native:sql:FirewallRule", "serverName"],
    ["azure-native:sql/v20211101:FirewallRule", "serverName"],
    ["azure-native_sql_v20230801:sql:FirewallRule", "serverName"],
    ["azure-native:dbforpostgresql:FirewallRule", "serverName"],
    ["azure-native:dbforpostgresql/v20221108:FirewallRule", "clusterName"],
    ["azure-native:dbforpostgresql:SingleServerFirewallRule", "serverName"],
    ["azure-native:dbforpostgresql:ServerGroupFirewallRule", "clusterName"],
    ["azure-native:dbforpostgresql/v20230302preview:ServerGroupFirewallRule", "clusterName"],
    ["azure-native:dbformysql:FirewallRule", "serverName"],
    ["azure-native_dbformysql_v20231230:dbformysql/v20231230:FirewallRule", "serverName"],
    ["azure-native:dbformysql:SingleServerFirewallRule", "serverName"],
    ["azure-native:dbformariadb:FirewallRule", "serverName"],
    ["azure-native:synapse:IpFirewallRule", "workspaceName"],
    ["azure-native:cosmosdb:MongoClusterFirewallRule", "mongoClusterName"],
    ["azure-native:documentdb:MongoClusterFirewallRule", "mongoClusterName"],
    ["azure-native:documentdb:FirewallRule", "mongoClusterName"],
];
const REDIS_TOKENS = ["azure-native:redis:FirewallRule", "azure-native:redis:RedisFirewallRule", "azure-native:cache:FirewallRule", "azure-native:cache/v20230801:FirewallRule"];
const MONGO = "azure-native:mongocluster:FirewallRule";

const rows: Row[] = [
    ...START_END_TOKENS.map(([t, parent]) => ({ kind: "pass" as const, name: `narrow range (${t})`, resources: one(t, { [parent]: "db", resourceGroupName: "rg", ...NARROW }), expect: [] })),
    ...START_END_TOKENS.map(([t, parent]) => ({
        kind: "fail" as const,
        name: `0.0.0.0-255.255.255.255 (${t})`,
        resources: one(t, { [parent]: "db", resourceGroupName: "rg", ...ALL }),
        expect: [{ level: M, message: "range 0.0.0.0-255.255.255.255 covers every IPv4 address" }],
    })),
    ...START_END_TOKENS.map(([t, parent]) => ({
        kind: "fail" as const,
        name: `0.0.0.0-0.0.0.0 "Allow Azure services" (${t})`,
        resources: one(t, { [parent]: "db", resourceGroupName: "rg", ...AZURE }),
        expect: [{ level: M, message: 'range 0.0.0.0-0.0.0.0 is the "Allow Azure services" rule: it admits connections from every Azure subscription, including other customers\'' }],
    })),
    { kind: "fail", name: "the SQL encoding of Azure services is assumed where only the option is documented (MongoDB vCore)", resources: one("azure-native:cosmosdb:MongoClusterFirewallRule", { mongoClusterName: "m", ...AZURE }), expect: [{ level: M, message: "documents the option but not its API form" }] },
    { kind: "fail", name: "the SQL encoding of Azure services is assumed where only the option is documented (Cosmos DB for PostgreSQL)", resources: one("azure-native:dbforpostgresql:ServerGroupFirewallRule", { clusterName: "c", ...AZURE }), expect: [{ level: M, message: "documents the option but not its API form" }] },
    { kind: "fail", name: "a range one address wider than /8", resources: one("azure-native:sql:FirewallRule", { serverName: "db", startIpAddress: "1.0.0.0", endIpAddress: "2.0.0.0" }), expect: [{ level: M, message: "holds 16,777,217 addresses, more than a /8" }] },
    { kind: "pass", name: "an exact /8 as a start-end pair", resources: one("azure-native:sql:FirewallRule", { serverName: "db", startIpAddress: "1.0.0.0", endIpAddress: "1.255.255.255" }), expect: [] },
    { kind: "pass", name: "RFC 1918 10/8", resources: one("azure-native:dbforpostgresql:FirewallRule", { serverName: "db", startIpAddress: "10.0.0.0", endIpAddress: "10.255.255.255" }), expect: [] },
    // mongocluster:FirewallRule nests the range under `properties`.
    { kind: "pass", name: "mongocluster rule, narrow range under properties", resources: one(MONGO, { mongoClusterName: "m", properties: NARROW }), expect: [] },
    { kind: "fail", name: "mongocluster rule, whole internet under properties", resources: one(MONGO, { mongoClusterName: "m", properties: ALL }), expect: [{ level: M, message: "Azure Cosmos DB for MongoDB vCore firewall rule's range 0.0.0.0-255.255.255.255 covers every IPv4 address" }] },
    { kind: "fail", name: "mongocluster rule, local package, Azure services under properties", resources: one("azure-native_mongocluster_v20240701:mongocluster:FirewallRule", { mongoClusterName: "m", properties: AZURE }), expect: [{ level: M, message: '"Allow Azure services"' }] },
    // Redis: startIP / endIP; 0.0.0.0 has no special meaning.
    ...REDIS_TOKENS.map((t) => ({ kind: "fail" as const, name: `Redis 0.0.0.0-255.255.255.255 (${t})`, resources: one(t, { cacheName: "c", startIP: "0.0.0.0", endIP: "255.255.255.255" }), expect: [{ level: M, message: "Azure Cache for Redis firewall rule's range 0.0.0.0-255.255.255.255 covers every IPv4 address" }] })),
    { kind: "pass", name: "Redis 0.0.0.0-0.0.0.0 is a literal address, not Azure services", resources: one(REDIS_TOKENS[0], { cacheName: "c", startIP: "0.0.0.0", endIP: "0.0.0.0" }), expect: [] },
    { kind: "pass", name: "Redis narrow range", resources: one(REDIS_TOKENS[1], { cacheName: "c", startIP: "203.0.113.1", endIP: "203.0.113.9" }), expect: [] },
    // SQL IPv6 rules: /32 threshold.
    { kind: "pass", name: "SQL IPv6 rule, one /64", resources: one("azure-native:sql:IPv6FirewallRule", { serverName: "db", startIPv6Address: "2001:db8::", endIPv6Address: "2001:db8::ffff:ffff:ffff:ffff" }), expect: [] },
    { kind: "fail", name: "SQL IPv6 rule, every address", resources: one("azure-native:sql:IPv6FirewallRule", { serverName: "db", startIPv6Address: "::", endIPv6Address: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }), expect: [{ level: M, message: "covers every IPv6 address" }] },
    { kind: "fail", name: "SQL IPv6 rule, broader than /32 (versioned token)", resources: one("azure-native:sql/v20211101:IPv6FirewallRule", { serverName: "db", startIPv6Address: "2001:db8::", endIPv6Address: "2001:db9:ffff:ffff:ffff:ffff:ffff:ffff" }), expect: [{ level: M, message: "more than an IPv6 /32" }] },
    { kind: "not-applicable", name: "the SQL server itself", resources: one("azure-native:sql:Server", { publicNetworkAccess: "Enabled", ...ALL }), expect: [] },
    { kind: "not-applicable", name: "an Azure Firewall (network appliance), not a data-store rule", resources: one("azure-native:network:AzureFirewall", ALL), expect: [] },
    { kind: "not-applicable", name: "SQL virtual network rule", resources: one("azure-native:sql:VirtualNetworkRule", { serverName: "db", virtualNetworkSubnetId: "/subscriptions/s/x" }), expect: [] },
    { kind: "not-applicable", name: "classic provider SQL firewall rule", resources: one("azure:mssql/firewallRule:FirewallRule", ALL), expect: [] },
    { kind: "unknown", name: "start address unknown during preview", resources: one("azure-native:sql:FirewallRule", { serverName: "db", startIpAddress: UNKNOWN, endIpAddress: "255.255.255.255" }), expect: [{ level: M, message: "`startIpAddress` is unknown during preview" }] },
    { kind: "unknown", name: "Redis end address unknown", resources: one("azure-native:redis:FirewallRule", { cacheName: "c", startIP: "203.0.113.1", endIP: UNKNOWN }), expect: [{ level: M, message: "`endIP` is unknown during preview" }] },
    { kind: "unknown", name: "mongocluster properties unknown", resources: one(MONGO, { mongoClusterName: "m", properties: UNKNOWN }), expect: [{ level: M, message: "`properties` is unknown during preview" }] },
    { kind: "pass", name: "an unknown server name does not matter", resources: one("azure-native:sql:FirewallRule", { serverName: UNKNOWN, ...NARROW }), expect: [] },
    { kind: "malformed", name: "SQL rule without an end address (optional in the typing)", resources: one("azure-native:sql:FirewallRule", { serverName: "db", startIpAddress: "0.0.0.0" }), expect: [{ level: M, message: "`endIpAddress` is missing, so the pack cannot tell whether the rule opens its server to the internet" }] },
    { kind: "malformed", name: "Synapse rule without any address", resources: one("azure-native:synapse:IpFirewallRule", { workspaceName: "w" }), expect: [{ level: M, message: "`startIpAddress` is missing" }] },
    { kind: "malformed", name: "start after end", resources: one("azure-native:dbformysql:FirewallRule", { serverName: "db", startIpAddress: "203.0.113.9", endIpAddress: "203.0.113.1" }), expect: [{ level: M, message: "comes after the end address" }] },
    { kind: "malformed", name: "CIDR instead of an address", resources: one("azure-native:dbforpostgresql:FirewallRule", { serverName: "db", startIpAddress: "0.0.0.0/0", endIpAddress: "255.255.255.255" }), expect: [{ level: M, message: "start address: \"0.0.0.0/0\" is not a valid IPv4 or IPv6 address" }] },
    { kind: "malformed", name: "IPv6 address in an IPv4 rule's end", resources: one("azure-native:sql:FirewallRule", { serverName: "db", startIpAddress: "0.0.0.0", endIpAddress: "::" }), expect: [{ level: M, message: "mixes an IPv4 start with an IPv6 end" }] },
    { kind: "malformed", name: "number instead of a string", resources: one("azure-native:redis:FirewallRule", { cacheName: "c", startIP: 0, endIP: "255.255.255.255" }), expect: [{ level: M, message: "the start address must be a string" }] },
];

ruleTable(rule, rows);
