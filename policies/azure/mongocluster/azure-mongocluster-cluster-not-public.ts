import { firewalledServerFindings, MONGO_FIREWALL_RULES, readAccessSwitch } from "../../lib/azure-network";
import { isObject } from "../../lib/props";
import type { StackRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

// Azure Cosmos DB for MongoDB vCore clusters: mongocluster:MongoCluster (API 2024-07-01, switch under
// `properties`), cosmosdb:MongoCluster (API 2024-02-15-preview, no switch) and the v2 token
// documentdb:MongoCluster. The cluster's firewall admits nothing until rules exist ("If you don't add any
// firewall rules ... public networking access to your cluster is going to be disabled",
// https://learn.microsoft.com/azure/cosmos-db/mongodb/vcore/how-to-public-access), so the cluster is
// public when its endpoint is on and its FirewallRule resources (joined through `mongoClusterName`) admit
// the internet ("Add 0.0.0.0 - 255.255.255.255"), Azure services (0.0.0.0-0.0.0.0, by analogy with SQL:
// the API form of "Allow Azure services" is not documented), a range over /8, or narrow ranges that together
// pass the threshold.
// publicNetworkAccess omitted: "Value is optional and default value is 'Enabled'" (Learn .NET
// MongoClusterPublicNetworkAccess). Tokens without the switch: Enabled.

const MONGOCLUSTER = azureType("mongocluster", "MongoCluster");

export const azureMongoclusterClusterNotPublic: StackRule = {
    kind: "stack",
    name: "azure-mongocluster-cluster-not-public",
    description:
        "Cosmos DB for MongoDB vCore clusters must not be reachable from the internet: public network access disabled, " +
        "or no firewall rule admitting every address, Azure services (0.0.0.0-0.0.0.0) or a range broader than /8.",
    severity: "critical",
    remediationSteps:
        'Set `properties.publicNetworkAccess: "Disabled"` and use a private endpoint, or keep only firewall rules for ' +
        "the specific public addresses of your clients.",
    url: "https://learn.microsoft.com/azure/cosmos-db/mongodb/vcore/how-to-public-access",
    catalog: "Azure: Cosmos DB public / open IP rules",
    check(stack) {
        return firewalledServerFindings(stack, {
            label: "MongoDB vCore cluster",
            servers: anyOf(MONGOCLUSTER, azureType("cosmosdb", "MongoCluster"), azureType("documentdb", "MongoCluster")),
            serverKeys: ["name", "mongoClusterName"],
            rules: MONGO_FIREWALL_RULES,
            endpoint: (cluster) => {
                const properties = cluster.props.properties;
                if (isUnknown(properties)) {
                    return { state: "unknown", field: "properties" };
                }
                return isObject(properties) || MONGOCLUSTER.matches(cluster.type)
                    ? readAccessSwitch(properties, "publicNetworkAccess", "properties.publicNetworkAccess", "the API default is Enabled")
                    : readAccessSwitch(cluster.props, "publicNetworkAccess", "publicNetworkAccess", "the API default is Enabled");
            },
        });
    },
};
