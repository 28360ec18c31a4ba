import {
    checkIpList,
    gateFindings,
    readAccessSwitch,
    readDefaultAction,
    type AccessSwitch,
} from "../../lib/azure-network";
import { arrayField, enumEquals, isObject, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type StackRule } from "../../lib/rule";
import type { StackGraph, StackNode } from "../../lib/stack-graph";
import { azureType, type TypeMatcher } from "../../lib/type-tokens";

// Event Hubs and Service Bus namespaces and their network rule sets (a separate NamespaceNetworkRuleSet
// resource joined through `namespaceName`). "By default, Event Hubs namespaces are accessible from internet
// as long as the request comes with valid authentication and authorization"; the same for Service Bus
// (https://learn.microsoft.com/azure/event-hubs/event-hubs-ip-filtering,
// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-ip-filtering).
// - publicNetworkAccess (namespace and rule set) omitted: Enabled ("By default it is enabled", typings; the
//   SDK writes "Enabled" on eventhub Namespace / NamespaceNetworkRuleSet and servicebus Namespace). Both
//   resources write the same setting, so the most open value wins (the order of the writes is not known).
// - rule set defaultAction omitted: Allow from API 2021-06-01-preview (Deny before, not enforced without
//   rules). "If there are no IP and virtual network rules, all the traffic flows into the namespace even if
//   you set the defaultAction to deny": Deny with no rule is public.
// - ipRules[].ipMask: a CIDR, public above /8 (IPv4) or /32 (IPv6). trustedServiceAccessEnabled admits
//   trusted Microsoft services only: not public.
// - Tier: the Event Hubs IP firewall "isn't supported in the basic tier"; for Service Bus "The Standard SKU
//   supports IP filtering", Basic is not documented: a Basic namespace is treated as unfilterable.
// A rule set whose namespace is not in the stack is judged alone (its namespace presumed open).

interface Family {
    readonly label: string;
    readonly namespaces: TypeMatcher;
    readonly ruleSets: TypeMatcher;
}

const FAMILIES: readonly Family[] = [
    { label: "Event Hubs namespace", namespaces: azureType("eventhub", "Namespace"), ruleSets: azureType("eventhub", "NamespaceNetworkRuleSet") },
    { label: "Service Bus namespace", namespaces: azureType("servicebus", "Namespace"), ruleSets: azureType("servicebus", "NamespaceNetworkRuleSet") },
];

const RANK: Record<AccessSwitch["state"], number> = { closed: 0, unknown: 1, open: 2, invalid: 3 };

/** The most open of the namespace's and its rule sets' switches (a malformed one wins: it is a violation). */
function mostOpen(switches: readonly AccessSwitch[]): AccessSwitch {
    return switches.reduce((a, b) => (RANK[b.state] > RANK[a.state] ? b : a));
}

/**
 * What one rule set admits: public evidence (prefixed with `label`, e.g. 'network rule set "x": '), and
 * findings for its unknown or malformed parts.
 */
function ruleSetExposure(rs: StackNode, label: string, consequence: string): { evidence: string[]; extra: Finding[] } {
    const evidence: string[] = [];
    const extra: Finding[] = [];
    const action = readDefaultAction(rs.props, "defaultAction", "defaultAction", "the API default is Allow");
    switch (action.state) {
        case "allow":
            evidence.push(`${label}${action.text}, so every address is admitted`);
            break;
        case "unknown":
            extra.push(unknownSwitchFinding(action.field, consequence));
            break;
        case "invalid":
            extra.push(invalidFieldFinding(action.field, action.raw, action.expected, consequence));
            break;
        case "deny": {
            const ips = checkIpList(rs.props, "ipRules", "ipRules", { valueKey: "ipMask", consequence });
            evidence.push(...ips.publicEvidence.map((e) => `${label}${e}`));
            extra.push(...ips.findings);
            const vnets = arrayField(rs.props, "virtualNetworkRules");
            if (vnets.state === "unknown") {
                extra.push(unknownSwitchFinding("virtualNetworkRules", consequence));
            } else if (vnets.state === "invalid") {
                extra.push(invalidFieldFinding("virtualNetworkRules", vnets.raw, vnets.expected, consequence));
            } else if (ips.state !== "unknown" && ips.state !== "invalid" && ips.size === 0 && (vnets.state === "absent" || vnets.value.length === 0)) {
                evidence.push(`${label}\`defaultAction\` is "Deny" but there is no IP or virtual network rule, and then all traffic flows in`);
            }
            break;
        }
    }
    return { evidence, extra };
}

function isBasic(ns: StackNode): boolean {
    const sku = ns.props.sku;
    if (!isObject(sku)) return false;
    const name = stringField(sku, "name");
    const tier = stringField(sku, "tier");
    return (name.state === "known" && enumEquals(name.value, "Basic")) || (tier.state === "known" && enumEquals(tier.value, "Basic"));
}

function familyFindings(stack: StackGraph, family: Family): Finding[] {
    const namespaces = stack.ofType(family.namespaces);
    const ruleSets = stack.ofType(family.ruleSets);
    if (namespaces.length === 0 && ruleSets.length === 0) {
        return [];
    }
    const setsByNamespace = new Map<string, StackNode[]>();
    const orphans: StackNode[] = [];
    for (const rs of ruleSets) {
        const linked = stack.linked(rs, "namespaceName", family.namespaces, ["name", "namespaceName"]);
        if (linked.length === 0) orphans.push(rs);
        for (const ns of linked) {
            setsByNamespace.set(ns.urn, [...(setsByNamespace.get(ns.urn) ?? []), rs]);
        }
    }
    const findings: Finding[] = [];
    for (const ns of namespaces) {
        const subject = `${family.label} "${ns.name}"`;
        const consequence = `${subject} accepts connections from the internet`;
        const sets = setsByNamespace.get(ns.urn) ?? [];
        const sw = mostOpen([
            readAccessSwitch(ns.props, "publicNetworkAccess", "publicNetworkAccess", "by default it is enabled"),
            ...sets.map((rs) => {
                const sw = readAccessSwitch(rs.props, "publicNetworkAccess", "publicNetworkAccess", "by default it is enabled");
                return sw.state === "open" || sw.state === "closed" ? { ...sw, text: `network rule set "${rs.name}": ${sw.text}` } : sw;
            }),
        ]);
        if (sw.state === "closed") continue;
        if (sw.state === "invalid") {
            findings.push({ ...invalidFieldFinding(sw.field, sw.raw, sw.expected, consequence), urn: ns.urn });
            continue;
        }
        const evidence: string[] = [];
        const extra: Finding[] = [];
        if (isBasic(ns)) {
            evidence.push("the Basic tier cannot filter by IP address or virtual network, so every address is admitted");
        } else if (sets.length === 0) {
            evidence.push("it has no network rule set, so every address is admitted");
        } else {
            for (const rs of sets) {
                const r = ruleSetExposure(rs, `network rule set "${rs.name}": `, `${consequence} (network rule set "${rs.name}")`);
                evidence.push(...r.evidence);
                extra.push(...r.extra.map((f) => ({ ...f, urn: ns.urn })));
            }
        }
        findings.push(...(evidence.length > 0 ? gateFindings(sw, evidence, consequence, ns.urn, `${subject} is reachable from the internet: `) : extra));
    }
    for (const rs of orphans) {
        const consequence = `the namespace of network rule set "${rs.name}" accepts connections from the internet`;
        const sw = readAccessSwitch(rs.props, "publicNetworkAccess", "publicNetworkAccess", "by default it is enabled");
        if (sw.state === "closed") continue;
        if (sw.state === "invalid") {
            findings.push({ ...invalidFieldFinding(sw.field, sw.raw, sw.expected, consequence), urn: rs.urn });
            continue;
        }
        const r = ruleSetExposure(rs, "", consequence);
        findings.push(
            ...(r.evidence.length > 0
                ? gateFindings(sw, r.evidence, consequence, rs.urn, `Network rule set "${rs.name}" (its namespace is not in this stack) leaves the namespace reachable from the internet: `)
                : r.extra.map((f) => ({ ...f, urn: rs.urn }))),
        );
    }
    return findings;
}

export const azureMessagingNamespaceNotPublic: StackRule = {
    kind: "stack",
    name: "azure-messaging-namespace-not-public",
    description:
        "Event Hubs and Service Bus namespaces must not accept connections from the internet: public network access " +
        "disabled, or a network rule set with default action Deny and at least one narrow IP or virtual network rule.",
    severity: "high",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` on the namespace AND its NamespaceNetworkRuleSet and use private endpoints, ' +
        'or add a NamespaceNetworkRuleSet with `defaultAction: "Deny"` and IP rules (no broader than /8) or virtual network rules.',
    url: "https://learn.microsoft.com/azure/event-hubs/event-hubs-ip-filtering",
    catalog: "Azure: Event Hubs / Service Bus / Synapse / Data Explorer / Search / Data Factory / managed disks",
    check(stack) {
        return FAMILIES.flatMap((family) => familyFindings(stack, family));
    },
};
