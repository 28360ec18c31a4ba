import { azureSqlServerNotPublic as rule } from "../../policies/azure/sql/azure-sql-server-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const SERVER = "azure-native:sql:Server";
const RULE = "azure-native:sql:FirewallRule";
const RULE6 = "azure-native:sql:IPv6FirewallRule";
const M = "mandatory" as const;

const server = (name: string, props: Record<string, unknown> = {}, type = SERVER): TestResource => ({ type, name, props: { resourceGroupName: "rg", administratorLogin: "dba", ...props } });
/** A rule joined as in preview: serverName unknown, the engine's propertyDependencies point at the server. */
const previewRule = (name: string, serverName: string, range: Record<string, unknown>, type = RULE, serverType = SERVER): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", serverName: UNKNOWN, ...range },
    propertyDependencies: { serverName: [urnOf(serverType, serverName)] },
    dependencies: [urnOf(serverType, serverName)],
});
/** A rule joined as when deployed: serverName known. */
const knownRule = (name: string, serverName: string, range: Record<string, unknown>, type = RULE): TestResource => ({ type, name, props: { resourceGroupName: "rg", serverName, ...range } });
const ALL = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
const AZURE = { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" };
const OFFICE = { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" };

ruleTable(rule, [
    { kind: "pass", name: "a server without firewall rules (the firewall blocks everything)", resources: [server("db")], expect: [] },
    { kind: "pass", name: "a narrow rule joined in preview", resources: [server("db"), previewRule("office", "db", OFFICE)], expect: [] },
    { kind: "pass", name: "public network access Disabled excuses even a wide rule (Azure rejects it: 42101)", resources: [server("db", { publicNetworkAccess: "Disabled" }), previewRule("all", "db", ALL)], expect: [] },
    { kind: "pass", name: "disabled in lower case (versioned server token)", resources: [server("db", { publicNetworkAccess: "disabled" }, "azure-native:sql/v20211101:Server"), previewRule("all", "db", ALL, RULE, "azure-native:sql/v20211101:Server")], expect: [] },
    {
        kind: "fail",
        name: "0.0.0.0-255.255.255.255 joined by serverName in preview (publicNetworkAccess omitted)",
        resources: [server("db"), previewRule("allow-all", "db", ALL)],
        expect: [{ level: M, message: 'SQL server "db" is reachable from the internet: `publicNetworkAccess` is omitted (no API default is documented; treated as Enabled), and firewall rule "allow-all" (0.0.0.0-255.255.255.255) covers every IPv4 address.', resource: "db" }],
    },
    { kind: "fail", name: "the Azure services rule joined by known name (deployed)", resources: [server("db", { name: "db-7a1", publicNetworkAccess: "Enabled" }), knownRule("AllowAllWindowsAzureIps", "db-7a1", AZURE)], expect: [{ level: M, message: 'firewall rule "AllowAllWindowsAzureIps" (0.0.0.0-0.0.0.0) is the "Allow Azure services" rule', resource: "db" }] },
    { kind: "fail", name: "joined by the input serverName", resources: [server("db", { serverName: "vin-sql" }), knownRule("all", "vin-sql", ALL)], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "fail", name: "joined by dependency only", resources: [server("db"), { type: RULE, name: "all", props: { serverName: UNKNOWN, ...ALL }, dependencies: [urnOf(SERVER, "db")] }], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "fail", name: "SecuredByPerimeter is not proven private", resources: [server("db", { publicNetworkAccess: "SecuredByPerimeter" }), previewRule("all", "db", ALL)], expect: [{ level: M, message: "not proven private" }] },
    { kind: "fail", name: "an IPv6 rule covering every address", resources: [server("db"), previewRule("v6", "db", { startIPv6Address: "::", endIPv6Address: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" }, RULE6)], expect: [{ level: M, message: 'firewall rule "v6" (::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff) covers every IPv6 address' }] },
    {
        kind: "fail",
        name: "three narrow rules that together pass /8",
        resources: [server("db", { name: "db-1" }), knownRule("a", "db-1", { startIpAddress: "1.0.0.0", endIpAddress: "1.127.255.255" }), knownRule("b", "db-1", { startIpAddress: "2.0.0.0", endIpAddress: "2.127.255.255" }), knownRule("c", "db-1", { startIpAddress: "3.0.0.0", endIpAddress: "3.127.255.255" })],
        expect: [{ level: M, message: "its 3 firewall rules are each narrow, but together they admit 25,165,824 IPv4 addresses" }],
    },
    {
        kind: "fail",
        name: "two servers: only the one the wide rule joins is reported",
        resources: [server("a"), server("b"), previewRule("office", "a", OFFICE), previewRule("all", "b", ALL)],
        expect: [{ level: M, message: 'SQL server "b"', resource: "b" }],
    },
    { kind: "fail", name: "local package tokens", resources: [server("db", {}, "azure-native_sql_v20230801:sql:Server"), previewRule("all", "db", ALL, "azure-native_sql_v20230801:sql:FirewallRule", "azure-native_sql_v20230801:sql:Server")], expect: [{ level: M, message: 'firewall rule "all"' }] },
    { kind: "not-applicable", name: "a stack without SQL servers (an orphan rule is the resource rule's job)", resources: [knownRule("all", "existing-server", ALL)], expect: [] },
    { kind: "not-applicable", name: "a PostgreSQL server and rule", resources: [server("pg", {}, "azure-native:dbforpostgresql:Server"), previewRule("all", "pg", ALL, "azure-native:dbforpostgresql:FirewallRule", "azure-native:dbforpostgresql:Server")], expect: [] },
    { kind: "unknown", name: "publicNetworkAccess unknown with a wide rule fails closed", resources: [server("db", { publicNetworkAccess: UNKNOWN }), previewRule("all", "db", ALL)], expect: [{ level: M, message: '`publicNetworkAccess` is unknown during preview, so the pack cannot tell whether SQL server "db" accepts connections from the internet (firewall rule "all"' }] },
    { kind: "pass", name: "publicNetworkAccess unknown without rules is still closed", resources: [server("db", { publicNetworkAccess: UNKNOWN })], expect: [] },
    { kind: "pass", name: "a rule whose range is unknown is left to the resource rule", resources: [server("db"), previewRule("r", "db", { startIpAddress: UNKNOWN, endIpAddress: UNKNOWN })], expect: [] },
    { kind: "unknown", name: "a rule with unknown serverName and no recorded links joins nothing", resources: [server("db"), { type: RULE, name: "all", props: { serverName: UNKNOWN, ...ALL } }], expect: [] },
    { kind: "malformed", name: "publicNetworkAccess outside the enum", resources: [server("db", { publicNetworkAccess: "Public" })], expect: [{ level: M, message: '`publicNetworkAccess` is "Public", which is not one of Enabled, Disabled, SecuredByPerimeter' }] },
    { kind: "malformed", name: "a malformed rule is left to the resource rule", resources: [server("db"), previewRule("r", "db", { startIpAddress: "0.0.0.0" })], expect: [] },
]);
