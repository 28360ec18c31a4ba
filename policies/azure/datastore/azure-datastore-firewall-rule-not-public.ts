import { ALL_FIREWALL_RULES, firewallRuleKind, judgeFirewallRule } from "../../lib/azure-network";
import { unknownSwitchFinding, type ResourceRule } from "../../lib/rule";

const CONSEQUENCE = "the rule opens its server to the internet";

// Every firewall-rule RESOURCE of every Azure data service, judged on its own range (lib/azure-network.ts
// FIREWALL_RULE_KINDS: sql FirewallRule and IPv6FirewallRule; dbforpostgresql FirewallRule,
// SingleServerFirewallRule and ServerGroupFirewallRule; dbformysql FirewallRule and SingleServerFirewallRule;
// dbformariadb FirewallRule; synapse IpFirewallRule; mongocluster FirewallRule, cosmosdb
// MongoClusterFirewallRule and the v2 documentdb tokens; redis FirewallRule / RedisFirewallRule and the v2
// cache:FirewallRule).
//
// Why a resource rule as well as the per-service stack rules (azure-sql-server-not-public,
// azure-rdbms-server-not-public, azure-mongocluster-cluster-not-public, azure-synapse-workspace-not-public,
// azure-redis-cache-not-public): during `pulumi up` only resource policies run before a resource is
// created; the stack rules run after the update, when the rule already admits the internet. A public range
// is a fact about the rule alone: a server that accepts the rule is reachable through it, and a server whose
// public access is disabled rejects it (SQL: error 42101, "Creating or editing firewall rules fails",
// https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings) or keeps it as dormant
// configuration that one switch re-opens. The stack rules give the server's verdict with its own switch,
// the union of all its rules, and (Redis) the "no rule = every address" case.
//
// Public: a range covering every address, more than an IPv4 /8 outside RFC 1918 or an IPv6 /32 (counted
// as end - start + 1, not rounded to a CIDR), and 0.0.0.0-0.0.0.0, the "Allow Azure services" rule, which
// admits "connections from the subscriptions of other customers"
// (https://learn.microsoft.com/azure/azure-sql/database/firewall-configure; PostgreSQL flexible
// .../postgresql/flexible-server/concepts-firewall-rules; Synapse .../synapse-workspace-ip-firewall). MySQL
// flexible, Cosmos DB for PostgreSQL and MongoDB vCore name the option but not its API form: the SQL
// encoding is assumed (fail-closed). Redis gives 0.0.0.0 no special meaning: there it is a literal address.
// A missing start or end address is malformed (the SQL and Synapse typings make both optional).

export const azureDatastoreFirewallRuleNotPublic: ResourceRule = {
    kind: "resource",
    name: "azure-datastore-firewall-rule-not-public",
    description:
        "Firewall rules of Azure data services must not admit the internet: no 0.0.0.0-0.0.0.0 \"Allow Azure services\" " +
        "rule and no range broader than /8 (IPv4) or /32 (IPv6).",
    severity: "critical",
    remediationSteps:
        "Replace the rule with the specific public addresses of your clients (or remove it), reach the server " +
        "through a private endpoint or VNet integration, and use managed identities or private endpoints " +
        "instead of \"Allow Azure services\".",
    url: "https://learn.microsoft.com/azure/azure-sql/database/firewall-configure",
    catalog: 'Azure: "Allow Azure services" rule 0.0.0.0-0.0.0.0 (allows every Azure tenant)',
    appliesTo: ALL_FIREWALL_RULES,
    check(resource) {
        const kind = firewallRuleKind(resource.type);
        if (kind === undefined) {
            return [];
        }
        const j = judgeFirewallRule(kind, resource.props);
        switch (j.verdict) {
            case "private":
                return [];
            case "public":
                return [{
                    message:
                        `The ${kind.service} firewall rule's range ${j.text} ${j.reason}` +
                        (kind.azureServicesPair === "analogy" && j.reason.includes("Allow Azure services")
                            ? " (this service documents the option but not its API form; the SQL encoding 0.0.0.0-0.0.0.0 is assumed)"
                            : "") +
                        ".",
                }];
            case "unknown":
                return [unknownSwitchFinding(j.field, CONSEQUENCE)];
            case "invalid":
                return [{ message: `${j.reason}, so the pack cannot tell whether ${CONSEQUENCE}. It is treated as public: fix the value in the program.` }];
        }
    },
};
