import { checkIpList, exposureFindings, readAccessSwitch } from "../../lib/azure-network";
import { enumEquals, isObject, objectField, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";

const CONSEQUENCE = "the service accepts connections from the internet";

const KUSTO = azureType("kusto", "Cluster");
const SEARCH = azureType("search", "Service");
const DATA_FACTORY = azureType("datafactory", "Factory");

// Data Explorer clusters, AI Search services and Data Factories: the switch and the IP list are inline.
// - kusto:Cluster: "Public network access to the cluster is enabled by default" (typing); the SDK writes
//   "Enabled" and publicIPType "IPv4". allowedIpRangeList[]: CIDRs (IPv4, and IPv6 with DualStack); an
//   empty or omitted list: meaning not documented, fail-closed = every address.
//   trustedExternalTenants is about identities, not networks: not judged here.
// - search:Service: the SDK writes publicNetworkAccess "Enabled". networkRuleSet.ipRules[].value: IPv4 or
//   CIDR; the rules "are applied only when the 'publicNetworkAccess' ... is 'enabled'"; no rule = all
//   networks (fail-closed, not documented). The IP firewall needs Basic tier or higher: a free service
//   cannot be restricted (https://learn.microsoft.com/azure/search/service-configure-firewall).
//   bypass (AzurePortal / AzureServices) admits Microsoft services only: not public.
// - datafactory:Factory: publicNetworkAccess, "Whether or not public network access is allowed"; omitted:
//   not documented, fail-closed Enabled. The factory has no IP firewall, so Enabled is public.

export const azureAnalyticsServiceNetworkRestricted: ResourceRule = {
    kind: "resource",
    name: "azure-analytics-service-network-restricted",
    description:
        "Data Explorer clusters, AI Search services and Data Factories must not accept connections from the internet: " +
        "disable public network access, or (Data Explorer, Search) allow only narrow IP ranges.",
    severity: "high",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` and use private endpoints; for Data Explorer set `allowedIpRangeList`, ' +
        "for AI Search (Basic tier or higher) `networkRuleSet.ipRules`, to the specific public addresses of your clients.",
    url: "https://learn.microsoft.com/azure/search/service-configure-firewall",
    catalog: "Azure: Event Hubs / Service Bus / Synapse / Data Explorer / Search / Data Factory / managed disks",
    appliesTo: anyOf(KUSTO, SEARCH, DATA_FACTORY),
    check(resource) {
        const props = resource.props;
        const evidence: string[] = [];
        const extra: Finding[] = [];
        if (KUSTO.matches(resource.type)) {
            const sw = readAccessSwitch(props, "publicNetworkAccess", "publicNetworkAccess", "public network access to the cluster is enabled by default");
            const ips = checkIpList(props, "allowedIpRangeList", "allowedIpRangeList", { consequence: CONSEQUENCE });
            evidence.push(...ips.publicEvidence);
            extra.push(...ips.findings);
            if (ips.state === "absent" || (ips.state === "known" && ips.size === 0)) {
                evidence.push("`allowedIpRangeList` is empty, so no IP restriction applies");
            }
            return exposureFindings(sw, evidence, extra, CONSEQUENCE);
        }
        if (SEARCH.matches(resource.type)) {
            const sw = readAccessSwitch(props, "publicNetworkAccess", "publicNetworkAccess", "the SDK and API default is Enabled");
            const sku = isObject(props.sku) ? stringField(props.sku, "name") : undefined;
            if (sku?.state === "known" && enumEquals(sku.value, "free")) {
                evidence.push('`sku.name` is "free", and the Free tier cannot restrict IP addresses');
            }
            const rules = objectField(props, "networkRuleSet");
            if (rules.state === "unknown") {
                extra.push(unknownSwitchFinding("networkRuleSet", CONSEQUENCE));
            } else if (rules.state === "invalid") {
                extra.push(invalidFieldFinding("networkRuleSet", rules.raw, rules.expected, CONSEQUENCE));
            } else {
                const ips = checkIpList(rules.state === "known" ? rules.value : {}, "ipRules", "networkRuleSet.ipRules", { valueKey: "value", consequence: CONSEQUENCE });
                evidence.push(...ips.publicEvidence);
                extra.push(...ips.findings);
                if (ips.state === "absent" || (ips.state === "known" && ips.size === 0)) {
                    evidence.push("`networkRuleSet.ipRules` is empty, so no IP restriction applies");
                }
            }
            return exposureFindings(sw, evidence, extra, CONSEQUENCE);
        }
        const sw = readAccessSwitch(props, "publicNetworkAccess", "publicNetworkAccess", "not documented; treated as Enabled");
        return exposureFindings(sw, ["a data factory has no IP firewall, so every address is admitted"], [], CONSEQUENCE);
    },
};
