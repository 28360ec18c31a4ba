import { firewalledServerFindings, readAccessSwitch, SYNAPSE_FIREWALL_RULES } from "../../lib/azure-network";
import { enumEquals, stringField } from "../../lib/props";
import type { StackRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";

// Synapse workspaces and their IP firewall rules (synapse:IpFirewallRule, joined through `workspaceName`).
// The workspace firewall works like Azure SQL's (deny until rules exist; "see the Azure SQL documentation";
// 0.0.0.0-0.0.0.0 = "Allow Azure Services and resources to access this workspace", which admits
// "connections from the subscriptions of other customers"; the portal's "Allow connections from all IP
// addresses" adds an all-addresses rule), https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-ip-firewall.
// - publicNetworkAccess omitted: Enabled (the SDK writes "Enabled"; synapse/workspace.js).
// - Disabled counts only with `managedVirtualNetwork: "default"`: "This feature is only available to Azure
//   Synapse workspaces associated with Azure Synapse Analytics Managed Virtual Network"
//   (https://learn.microsoft.com/azure/synapse-analytics/security/connectivity-settings). Without it the
//   firewall rules still decide (fail-closed).
// - trustedServiceBypassEnabled admits trusted Microsoft services only: not public.

export const azureSynapseWorkspaceNotPublic: StackRule = {
    kind: "stack",
    name: "azure-synapse-workspace-not-public",
    description:
        "Synapse workspaces must not be reachable from the internet: public network access disabled (with a managed " +
        "virtual network), or no firewall rule admitting every address, Azure services (0.0.0.0-0.0.0.0) or a range broader than /8.",
    severity: "critical",
    remediationSteps:
        'Create the workspace with `managedVirtualNetwork: "default"` and `publicNetworkAccess: "Disabled"` and use ' +
        "managed private endpoints, or keep only IpFirewallRules for the specific public addresses of your clients.",
    url: "https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-ip-firewall",
    catalog: "Azure: Event Hubs / Service Bus / Synapse / Data Explorer / Search / Data Factory / managed disks",
    check(stack) {
        return firewalledServerFindings(stack, {
            label: "Synapse workspace",
            servers: azureType("synapse", "Workspace"),
            serverKeys: ["name", "workspaceName"],
            rules: SYNAPSE_FIREWALL_RULES,
            endpoint: (workspace) => {
                const sw = readAccessSwitch(workspace.props, "publicNetworkAccess", "publicNetworkAccess", "the SDK and API default is Enabled");
                if (sw.state !== "closed") {
                    return sw;
                }
                const managed = stringField(workspace.props, "managedVirtualNetwork");
                switch (managed.state) {
                    case "unknown":
                        return { state: "unknown", field: "managedVirtualNetwork" };
                    case "invalid":
                        return { state: "invalid", field: "managedVirtualNetwork", raw: managed.raw, expected: managed.expected };
                    case "known":
                        if (enumEquals(managed.value, "default")) return sw;
                }
                return {
                    state: "open",
                    text: '`publicNetworkAccess` is "Disabled" but `managedVirtualNetwork` is not "default", and public access can only be disabled on workspaces with a managed virtual network',
                };
            },
        });
    },
};
