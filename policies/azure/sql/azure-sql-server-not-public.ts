import { anyOf, azureType } from "../../lib/type-tokens";
import { firewalledServerFindings, readAccessSwitch, SQL_FIREWALL_RULES, SQL_IPV6_FIREWALL_RULES } from "../../lib/azure-network";
import type { StackRule } from "../../lib/rule";

// An Azure SQL logical server is public when its public endpoint is on and its server-level firewall
// rules (separate FirewallRule / IPv6FirewallRule resources, joined through `serverName`) admit the
// internet: a rule covering 0.0.0.0-255.255.255.255, a range over /8 (IPv4) or /32 (IPv6), the
// 0.0.0.0-0.0.0.0 "Allow Azure services" rule (any tenant), or narrow rules that together pass the
// threshold. Without rules, "a server-level firewall blocks all access to the public endpoint"
// (https://learn.microsoft.com/azure/azure-sql/database/firewall-configure).
// Defaults:
// - publicNetworkAccess omitted: no API default is documented ("Value is optional", typing of
//   sql/server.d.ts, API 2023-08-01); the portal's "No access" is a portal choice. Fail-closed: Enabled.
//   Disabled: firewall rules are rejected (error 42101,
//   https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings). SecuredByPerimeter: not
//   proven private.
// - IPv6 rules count whatever `isIPv6Enabled` says (its default is not documented; fail-closed).
// - Database-level firewall rules (T-SQL) and rules created outside the program are invisible here.
// The rule resources alone are also judged before creation by azure-datastore-firewall-rule-not-public.
// Managed instances: azure-sql-managed-instance-public-endpoint-disabled.

export const azureSqlServerNotPublic: StackRule = {
    kind: "stack",
    name: "azure-sql-server-not-public",
    description:
        "Azure SQL servers must not be reachable from the internet: public network access disabled, or no firewall " +
        "rule admitting every address, Azure services (0.0.0.0-0.0.0.0) or ranges broader than /8 (IPv4) or /32 (IPv6).",
    severity: "critical",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` and connect through a private endpoint, or keep only firewall rules ' +
        "for the specific public addresses of your clients; remove any 0.0.0.0-0.0.0.0 or wide rule.",
    url: "https://learn.microsoft.com/azure/azure-sql/database/network-access-controls-overview",
    catalog: "Azure: Azure SQL public with wide firewall rules",
    check(stack) {
        return firewalledServerFindings(stack, {
            label: "SQL server",
            servers: azureType("sql", "Server"),
            serverKeys: ["name", "serverName"],
            rules: anyOf(SQL_FIREWALL_RULES, SQL_IPV6_FIREWALL_RULES),
            endpoint: (server) =>
                readAccessSwitch(server.props, "publicNetworkAccess", "publicNetworkAccess", "no API default is documented; treated as Enabled"),
        });
    },
};
