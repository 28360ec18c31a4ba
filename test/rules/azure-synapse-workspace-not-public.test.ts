import { azureSynapseWorkspaceNotPublic as rule } from "../../policies/azure/synapse/azure-synapse-workspace-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const WS = "azure-native:synapse:Workspace";
const RULE = "azure-native:synapse:IpFirewallRule";
const M = "mandatory" as const;
const ALL = { startIpAddress: "0.0.0.0", endIpAddress: "255.255.255.255" };
const AZURE = { startIpAddress: "0.0.0.0", endIpAddress: "0.0.0.0" };
const OFFICE = { startIpAddress: "203.0.113.10", endIpAddress: "203.0.113.20" };

const ws = (name: string, props: Record<string, unknown> = {}, type = WS): TestResource => ({ type, name, props: { resourceGroupName: "rg", defaultDataLakeStorage: { accountUrl: "https://x.dfs.core.windows.net", filesystem: "fs" }, ...props } });
const fw = (name: string, parent: string, range: Record<string, unknown>, type = RULE, parentType = WS): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", workspaceName: UNKNOWN, ...range },
    propertyDependencies: { workspaceName: [urnOf(parentType, parent)] },
    dependencies: [urnOf(parentType, parent)],
});

ruleTable(rule, [
    { kind: "pass", name: "a workspace without firewall rules (deny until rules exist)", resources: [ws("w", { publicNetworkAccess: "Enabled" })], expect: [] },
    { kind: "pass", name: "a narrow rule", resources: [ws("w"), fw("office", "w", OFFICE)], expect: [] },
    { kind: "pass", name: "public access disabled with a managed virtual network excuses a wide rule", resources: [ws("w", { publicNetworkAccess: "Disabled", managedVirtualNetwork: "default" }), fw("allowAll", "w", ALL)], expect: [] },
    { kind: "fail", name: 'the portal\'s "Allow connections from all IP addresses" rule (SDK default Enabled)', resources: [ws("w", { publicNetworkAccess: "Enabled", trustedServiceBypassEnabled: false }), fw("allowAll", "w", ALL)], expect: [{ level: M, message: 'Synapse workspace "w" is reachable from the internet: `publicNetworkAccess` is "Enabled", and firewall rule "allowAll" (0.0.0.0-255.255.255.255) covers every IPv4 address.', resource: "w" }] },
    { kind: "fail", name: "the Azure services rule, switch omitted", resources: [ws("w"), fw("AllowAllWindowsAzureIps", "w", AZURE)], expect: [{ level: M, message: '`publicNetworkAccess` is omitted (the SDK and API default is Enabled), and firewall rule "AllowAllWindowsAzureIps" (0.0.0.0-0.0.0.0) is the "Allow Azure services" rule' }] },
    { kind: "fail", name: "Disabled without a managed virtual network does not count", resources: [ws("w", { publicNetworkAccess: "Disabled" }), fw("allowAll", "w", ALL)], expect: [{ level: M, message: 'but `managedVirtualNetwork` is not "default"' }] },
    { kind: "fail", name: "joined by known name (deployed), versioned and local package tokens", resources: [ws("w", { name: "w-1" }, "azure-native:synapse/v20210601preview:Workspace"), { type: "azure-native_synapse_v20210601:synapse:IpFirewallRule", name: "wide", props: { workspaceName: "w-1", startIpAddress: "1.0.0.0", endIpAddress: "3.255.255.255" } }], expect: [{ level: M, message: 'firewall rule "wide" (1.0.0.0-3.255.255.255) holds 50,331,648 addresses' }] },
    { kind: "not-applicable", name: "a SQL server and rule", resources: [{ type: "azure-native:sql:Server", name: "db", props: {} }, { type: "azure-native:sql:FirewallRule", name: "all", props: { serverName: "db", ...ALL } }], expect: [] },
    { kind: "unknown", name: "managedVirtualNetwork unknown with a wide rule", resources: [ws("w", { publicNetworkAccess: "Disabled", managedVirtualNetwork: UNKNOWN }), fw("allowAll", "w", ALL)], expect: [{ level: M, message: "`managedVirtualNetwork` is unknown during preview" }] },
    { kind: "unknown", name: "publicNetworkAccess unknown with a wide rule", resources: [ws("w", { publicNetworkAccess: UNKNOWN }), fw("allowAll", "w", ALL)], expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "malformed", name: "managedVirtualNetwork of the wrong type", resources: [ws("w", { publicNetworkAccess: "Disabled", managedVirtualNetwork: true })], expect: [{ level: M, message: "`managedVirtualNetwork` is true, which is not a string" }] },
]);
