import {
    CITUS_FIREWALL_RULES,
    firewalledServerFindings,
    RDBMS_FIREWALL_RULES,
    readAccessSwitch,
    type AccessSwitch,
} from "../../lib/azure-network";
import { boolField, isObject } from "../../lib/props";
import type { StackRule } from "../../lib/rule";
import type { StackNode } from "../../lib/stack-graph";
import { anyOf, azureType } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

// Azure Database for PostgreSQL and MySQL (flexible servers, and the retired single servers and MariaDB a
// program may still manage) and Azure Cosmos DB for PostgreSQL (Citus) clusters. Their firewall denies
// everything until rules exist ("By default, no IP addresses are allowed",
// https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-public), so a server is
// public when its public endpoint is on and its FirewallRule resources (joined through `serverName` /
// `clusterName`) admit the internet, Azure services (0.0.0.0-0.0.0.0), a range over /8, or narrow ranges
// that together pass the threshold.
// Endpoint defaults (docs/azure-defaults.md §3):
// - flexible servers (dbforpostgresql:Server, dbformysql:Server): `network.delegatedSubnetResourceId` set =
//   VNet integration, private access only ("publicNetworkAccess ... is only supported for servers that are
//   not integrated into a virtual network"; MySQL: "Value is 'Disabled' when server has VNet integration").
//   Otherwise `network.publicNetworkAccess`; omitted: not documented, and a server created without a
//   delegated subnet has public access: Enabled.
// - single servers and MariaDB (API 2017-12-01 / 2018-06-01, also the v1 `dbforpostgresql/v20171201:Server`
//   token): `properties.publicNetworkAccess`, omitted: Enabled (fail-closed).
// - Citus clusters (dbforpostgresql:ServerGroupCluster, v2 token dbforpostgresql:Cluster):
//   `coordinatorEnablePublicIpAccess` / `nodeEnablePublicIpAccess`, defaults not documented in the typing or
//   spec: omitted = true (fail-closed). Private only when both are false.

const FLEXIBLE = anyOf(azureType("dbforpostgresql", "Server"), azureType("dbformysql", "Server"));
const SINGLE = anyOf(azureType("dbforpostgresql", "SingleServer"), azureType("dbformysql", "SingleServer"), azureType("dbformariadb", "Server"));
const CITUS = anyOf(azureType("dbforpostgresql", "ServerGroupCluster"), azureType("dbforpostgresql", "Cluster"));

function citusEndpoint(server: StackNode): AccessSwitch {
    const open: string[] = [];
    for (const key of ["coordinatorEnablePublicIpAccess", "nodeEnablePublicIpAccess"]) {
        const f = boolField(server.props, key);
        switch (f.state) {
            case "unknown":
                return { state: "unknown", field: key };
            case "invalid":
                return { state: "invalid", field: key, raw: f.raw, expected: f.expected };
            case "absent":
                open.push(`\`${key}\` is omitted (no documented default; treated as true)`);
                break;
            case "known":
                if (f.value) open.push(`\`${key}\` is true`);
                break;
        }
    }
    return open.length === 0
        ? { state: "closed", text: "public IP access is off on the coordinator and the worker nodes" }
        : { state: "open", text: open.join(" and ") };
}

function flexibleEndpoint(server: StackNode): AccessSwitch {
    const network = server.props.network;
    if (isUnknown(network)) {
        return { state: "unknown", field: "network" };
    }
    if (network !== undefined && network !== null && !isObject(network)) {
        return { state: "invalid", field: "network", raw: network, expected: "an object" };
    }
    if (network === undefined || network === null) {
        // A v1-style token (dbforpostgresql/v20171201:Server) is a single server: its switch is under `properties`.
        if (isObject(server.props.properties)) {
            return singleEndpoint(server);
        }
        return { state: "open", text: "`network` is omitted (no delegated subnet: the server is created with public access)" };
    }
    const subnet = network.delegatedSubnetResourceId;
    if (subnet !== undefined && subnet !== null && subnet !== "") {
        return { state: "closed", text: "`network.delegatedSubnetResourceId` is set (VNet integration, private access)" };
    }
    return readAccessSwitch(network, "publicNetworkAccess", "network.publicNetworkAccess", "not documented; without a delegated subnet the server has public access");
}

function singleEndpoint(server: StackNode): AccessSwitch {
    const properties = server.props.properties;
    if (isUnknown(properties)) {
        return { state: "unknown", field: "properties" };
    }
    return readAccessSwitch(properties, "publicNetworkAccess", "properties.publicNetworkAccess", "treated as Enabled");
}

export const azureRdbmsServerNotPublic: StackRule = {
    kind: "stack",
    name: "azure-rdbms-server-not-public",
    description:
        "Azure Database for PostgreSQL / MySQL servers and Cosmos DB for PostgreSQL clusters must not be reachable from " +
        "the internet: private access, or no firewall rule admitting every address, Azure services (0.0.0.0-0.0.0.0) or a range broader than /8.",
    severity: "critical",
    remediationSteps:
        "Create the server with private access (`network.delegatedSubnetResourceId`) or set " +
        '`network.publicNetworkAccess: "Disabled"` and use a private endpoint; otherwise keep only firewall rules for ' +
        "the specific public addresses of your clients.",
    url: "https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-firewall-rules",
    catalog: "Azure: PostgreSQL / MySQL flexible server public",
    check(stack) {
        return firewalledServerFindings(stack, {
            label: "Database server",
            servers: anyOf(FLEXIBLE, SINGLE, CITUS),
            serverKeys: ["name", "serverName", "clusterName"],
            rules: anyOf(RDBMS_FIREWALL_RULES, CITUS_FIREWALL_RULES),
            endpoint: (server) => (CITUS.matches(server.type) ? citusEndpoint(server) : SINGLE.matches(server.type) ? singleEndpoint(server) : flexibleEndpoint(server)),
        });
    },
};
