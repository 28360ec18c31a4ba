import { azureMessagingNamespaceNotPublic as rule } from "../../policies/azure/messaging/azure-messaging-namespace-not-public";
import { ruleTable, UNKNOWN, urnOf, type TestResource } from "../harness";

const EH = "azure-native:eventhub:Namespace";
const EH_SET = "azure-native:eventhub:NamespaceNetworkRuleSet";
const SB = "azure-native:servicebus:Namespace";
const SB_SET = "azure-native:servicebus:NamespaceNetworkRuleSet";
const M = "mandatory" as const;

const ns = (type: string, name: string, props: Record<string, unknown> = {}): TestResource => ({ type, name, props: { resourceGroupName: "rg", sku: { name: "Standard" }, ...props } });
/** A rule set joined as in preview (namespaceName unknown, propertyDependencies recorded). */
const set = (type: string, name: string, nsType: string, nsName: string, props: Record<string, unknown>): TestResource => ({
    type,
    name,
    props: { resourceGroupName: "rg", namespaceName: UNKNOWN, ...props },
    propertyDependencies: { namespaceName: [urnOf(nsType, nsName)] },
    dependencies: [urnOf(nsType, nsName)],
});
const office = [{ ipMask: "203.0.113.0/24", action: "Allow" }];
const vnet = [{ subnet: { id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a" } }];

ruleTable(rule, [
    { kind: "pass", name: "Event Hubs namespace with publicNetworkAccess Disabled and no rule set", resources: [ns(EH, "eh", { publicNetworkAccess: "Disabled" })], expect: [] },
    { kind: "pass", name: "Event Hubs: Deny with a narrow IP rule (preview join)", resources: [ns(EH, "eh", { publicNetworkAccess: "Enabled" }), set(EH_SET, "eh", EH, "eh", { defaultAction: "Deny", publicNetworkAccess: "Enabled", ipRules: office })], expect: [] },
    { kind: "pass", name: "Service Bus: Deny with a virtual network rule only", resources: [ns(SB, "sb", { sku: { name: "Premium" } }), set(SB_SET, "sb", SB, "sb", { defaultAction: "Deny", virtualNetworkRules: vnet })], expect: [] },
    { kind: "pass", name: "Service Bus: Disabled on the namespace and the rule set", resources: [ns(SB, "sb", { publicNetworkAccess: "Disabled" }), set(SB_SET, "sb", SB, "sb", { publicNetworkAccess: "Disabled", defaultAction: "Allow" })], expect: [] },
    { kind: "pass", name: "rule set joined by known name (deployed), versioned tokens", resources: [ns("azure-native:eventhub/v20221001preview:Namespace", "eh", { name: "eh-1" }), { type: "azure-native:eventhub/v20221001preview:NamespaceNetworkRuleSet", name: "eh", props: { namespaceName: "eh-1", defaultAction: "Deny", ipRules: office } }], expect: [] },
    { kind: "fail", name: "Event Hubs namespace alone (SDK default Enabled, no rule set)", resources: [ns(EH, "eh", { publicNetworkAccess: "Enabled" })], expect: [{ level: M, message: 'Event Hubs namespace "eh" is reachable from the internet: `publicNetworkAccess` is "Enabled", and it has no network rule set, so every address is admitted.', resource: "eh" }] },
    { kind: "fail", name: "Service Bus namespace with the switch omitted", resources: [ns(SB, "sb")], expect: [{ level: M, message: 'Service Bus namespace "sb" is reachable from the internet: `publicNetworkAccess` is omitted (by default it is enabled)' }] },
    { kind: "fail", name: "default action Allow", resources: [ns(EH, "eh"), set(EH_SET, "eh", EH, "eh", { defaultAction: "Allow", ipRules: office })], expect: [{ level: M, message: 'network rule set "eh": `defaultAction` is "Allow", so every address is admitted' }] },
    { kind: "fail", name: "default action omitted (Allow from API 2021-06-01-preview)", resources: [ns(SB, "sb"), set(SB_SET, "sb", SB, "sb", { ipRules: office })], expect: [{ level: M, message: "network rule set \"sb\": `defaultAction` is omitted (the API default is Allow)" }] },
    { kind: "fail", name: "Deny with no rule still admits all traffic", resources: [ns(EH, "eh"), set(EH_SET, "eh", EH, "eh", { defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] })], expect: [{ level: M, message: 'network rule set "eh": `defaultAction` is "Deny" but there is no IP or virtual network rule, and then all traffic flows in' }] },
    { kind: "fail", name: "an IP mask broader than /8", resources: [ns(SB, "sb"), set(SB_SET, "sb", SB, "sb", { defaultAction: "Deny", ipRules: [{ ipMask: "0.0.0.0/1" }] })], expect: [{ level: M, message: 'network rule set "sb": `ipRules[0].ipMask` is "0.0.0.0/1", which holds 2,147,483,648 addresses' }] },
    { kind: "fail", name: "IPv6 ::/0 mask (Event Hubs accepts IPv6)", resources: [ns(EH, "eh"), set(EH_SET, "eh", EH, "eh", { defaultAction: "Deny", ipRules: [{ ipMask: "::/0" }] })], expect: [{ level: M, message: "covers every IPv6 address" }] },
    { kind: "fail", name: "the most open switch wins: namespace Disabled, rule set Enabled (the SDK's default on Event Hubs rule sets)", resources: [ns(EH, "eh", { publicNetworkAccess: "Disabled" }), set(EH_SET, "eh", EH, "eh", { publicNetworkAccess: "Enabled", defaultAction: "Allow" })], expect: [{ level: M, message: 'network rule set "eh": `publicNetworkAccess` is "Enabled", and' }] },
    { kind: "fail", name: "rule set publicNetworkAccess omitted reads as Enabled (by default it is enabled) and reopens a Disabled namespace", resources: [ns(SB, "sb", { publicNetworkAccess: "Disabled" }), set(SB_SET, "sb", SB, "sb", { defaultAction: "Allow" })], expect: [{ level: M, message: 'network rule set "sb": `publicNetworkAccess` is omitted (by default it is enabled), and network rule set "sb": `defaultAction` is "Allow"' }] },
    { kind: "fail", name: "Basic tier cannot filter: a restrictive rule set does not help", resources: [ns(EH, "eh", { sku: { name: "Basic" } }), set(EH_SET, "eh", EH, "eh", { defaultAction: "Deny", ipRules: office })], expect: [{ level: M, message: "the Basic tier cannot filter by IP address or virtual network" }] },
    { kind: "fail", name: "an orphan rule set (namespace outside the stack) with Allow", resources: [{ type: SB_SET, name: "ext", props: { namespaceName: "existing-ns", defaultAction: "Allow" } }], expect: [{ level: M, message: 'Network rule set "ext" (its namespace is not in this stack) leaves the namespace reachable from the internet', resource: "ext" }] },
    { kind: "fail", name: "an Event Hubs rule set does not restrict a Service Bus namespace", resources: [ns(SB, "x", { name: "x-1" }), { type: EH_SET, name: "x", props: { namespaceName: "x-1", defaultAction: "Deny", ipRules: office } }], expect: [{ level: M, message: 'Service Bus namespace "x"', resource: "x" }] },
    { kind: "not-applicable", name: "an event hub inside a namespace", resources: [{ type: "azure-native:eventhub:EventHub", name: "h", props: { namespaceName: "eh" } }], expect: [] },
    { kind: "unknown", name: "namespace switch unknown, no rule set", resources: [ns(EH, "eh", { publicNetworkAccess: UNKNOWN })], expect: [{ level: M, message: "`publicNetworkAccess` is unknown during preview" }] },
    { kind: "unknown", name: "default action unknown", resources: [ns(SB, "sb"), set(SB_SET, "sb", SB, "sb", { defaultAction: UNKNOWN })], expect: [{ level: M, message: '`defaultAction` is unknown during preview, so the pack cannot tell whether Service Bus namespace "sb" accepts connections from the internet (network rule set "sb")' }] },
    { kind: "unknown", name: "an IP mask unknown", resources: [ns(SB, "sb"), set(SB_SET, "sb", SB, "sb", { defaultAction: "Deny", ipRules: [{ ipMask: UNKNOWN }] })], expect: [{ level: M, message: "`ipRules[0].ipMask` is unknown during preview" }] },
    { kind: "malformed", name: "an IP mask that is not a CIDR", resources: [ns(EH, "eh"), set(EH_SET, "eh", EH, "eh", { defaultAction: "Deny", ipRules: [{ ipMask: "203.0.113.0/99" }] })], expect: [{ level: M, message: "prefix length must be a number from 0 to 32" }] },
    { kind: "malformed", name: "namespace switch outside the enum", resources: [ns(EH, "eh", { publicNetworkAccess: "Closed" })], expect: [{ level: M, message: '`publicNetworkAccess` is "Closed", which is not one of' }] },
]);
