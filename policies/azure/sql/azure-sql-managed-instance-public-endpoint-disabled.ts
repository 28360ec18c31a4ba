import { boolField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type ResourceRule } from "../../lib/rule";
import { azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "the instance has a public data endpoint";

// A managed instance lives in your subnet; `publicDataEndpointEnabled: true` adds a public endpoint
// (<name>.public.<dns-zone>.database.windows.net, port 3342). Reachability then depends on an NSG rule
// outside the resource, so the switch alone is treated as public (fail-closed).
// Omitted: off. SQL Managed Instance "provides a private endpoint ... The default option is to provide
// maximum isolation" and the public endpoint must be enabled explicitly
// (https://learn.microsoft.com/azure/azure-sql/managed-instance/public-endpoint-overview,
// .../public-endpoint-configure). The API reference states no default (typing of sql/managedInstance.d.ts:
// "Whether or not the public data endpoint is enabled").

export const azureSqlManagedInstancePublicEndpointDisabled: ResourceRule = {
    kind: "resource",
    name: "azure-sql-managed-instance-public-endpoint-disabled",
    description: "Azure SQL managed instances must not enable the public data endpoint.",
    severity: "critical",
    remediationSteps:
        "Set `publicDataEndpointEnabled: false` (or omit it) and reach the instance from its virtual network, " +
        "a peered network, VPN / ExpressRoute, or a private endpoint.",
    url: "https://learn.microsoft.com/azure/azure-sql/managed-instance/public-endpoint-overview",
    catalog: "Azure: Azure SQL public with wide firewall rules",
    appliesTo: azureType("sql", "ManagedInstance"),
    check(resource) {
        const field = boolField(resource.props, "publicDataEndpointEnabled");
        switch (field.state) {
            case "absent":
                return [];
            case "unknown":
                return [unknownSwitchFinding("publicDataEndpointEnabled", CONSEQUENCE)];
            case "invalid":
                return [invalidFieldFinding("publicDataEndpointEnabled", field.raw, field.expected, CONSEQUENCE)];
            case "known":
                return field.value
                    ? [{ message: "`publicDataEndpointEnabled` is true: the instance gets a public endpoint on port 3342, reachable from the internet wherever its network security group allows." }]
                    : [];
        }
    },
};
