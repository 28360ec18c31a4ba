import { checkIpList, exposureFindings, judgeCidr, readAccessSwitch } from "../../lib/azure-network";
import { boolField, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { anyOf, azureType } from "../../lib/type-tokens";
import { setEnum } from "../../lib/remediation";

const CONSEQUENCE = "the account accepts connections from the internet";

// Azure Cosmos DB accounts (cosmosdb:DatabaseAccount; the v2 token documentdb:DatabaseAccount).
// "By default, your Azure Cosmos DB account is accessible from internet, as long as the request is
// accompanied by a valid authorization token"; "If IP firewall and VNET ACLs are not set up, the ... account
// can be accessed with the authorization token" (https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall).
// - publicNetworkAccess omitted: Enabled (same source). Disabled = private endpoints only. SecuredByPerimeter:
//   not proven private.
// - ipRules[].ipAddressOrRange: IPv4 address or CIDR; "0.0.0.0" means "accept connections from within Azure
//   datacenters", which includes "requests from the subscriptions of other customers": any tenant, public.
//   A CIDR over /8 is public. The legacy comma-separated `ipRangeFilter` (API versions before 2020-04-01,
//   reachable through versioned tokens) is read the same way.
// - isVirtualNetworkFilterEnabled true: only listed subnets (plus ipRules) are admitted. Omitted: false (no
//   documented default).
// - networkAclBypass / networkAclBypassResourceIds admit listed trusted resources: not public.
// Public: the switch is not Disabled and (a public IP rule, or no IP rule and no VNet filter).

export const azureCosmosdbAccountNetworkRestricted: ResourceRule = {
    kind: "resource",
    name: "azure-cosmosdb-account-network-restricted",
    description:
        "Cosmos DB accounts must not accept connections from the internet: disable public network access, or restrict it " +
        "with narrow IP rules (no \"0.0.0.0\" Azure-datacenters rule) or a virtual network filter.",
    severity: "critical",
    remediationSteps:
        'Set `publicNetworkAccess: "Disabled"` and use private endpoints, or set `ipRules` to the specific public ' +
        "addresses of your clients and/or `isVirtualNetworkFilterEnabled: true` with `virtualNetworkRules`; never " +
        'use the "0.0.0.0" rule.',
    url: "https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall",
    catalog: "Azure: Cosmos DB public / open IP rules",
    appliesTo: anyOf(azureType("cosmosdb", "DatabaseAccount"), azureType("documentdb", "DatabaseAccount")),
    check(resource) {
        const props = resource.props;
        const sw = readAccessSwitch(props, "publicNetworkAccess", "publicNetworkAccess", "Cosmos DB accounts are accessible from the internet by default");
        const evidence: string[] = [];
        const extra: Finding[] = [];

        const ips = checkIpList(props, "ipRules", "ipRules", { valueKey: "ipAddressOrRange", zeroMeansAzure: true, consequence: CONSEQUENCE });
        evidence.push(...ips.publicEvidence);
        extra.push(...ips.findings);
        let ipFilterEntries = ips.state === "known" ? ips.size : 0;

        const legacy = stringField(props, "ipRangeFilter");
        if (legacy.state === "unknown") {
            extra.push(unknownSwitchFinding("ipRangeFilter", CONSEQUENCE));
        } else if (legacy.state === "invalid") {
            extra.push(invalidFieldFinding("ipRangeFilter", legacy.raw, legacy.expected, CONSEQUENCE));
        } else if (legacy.state === "known") {
            const entries = legacy.value.split(",").map((e) => e.trim()).filter((e) => e !== "");
            ipFilterEntries += entries.length;
            entries.forEach((entry, i) => {
                const j = judgeCidr(entry, `ipRangeFilter[${i}]`, { zeroMeansAzure: true });
                if (j.verdict === "public") {
                    evidence.push(`\`ipRangeFilter\` entry ${j.text} ${j.reason}`);
                } else if (j.verdict === "invalid") {
                    extra.push({ message: `${j.reason}, so the pack cannot tell whether ${CONSEQUENCE}. It is treated as public: fix the value in the program.` });
                }
            });
        }

        const vnet = boolField(props, "isVirtualNetworkFilterEnabled");
        if (vnet.state === "invalid") {
            extra.push(invalidFieldFinding("isVirtualNetworkFilterEnabled", vnet.raw, vnet.expected, CONSEQUENCE));
        }
        const ipsUndecided = ips.state === "unknown" || ips.state === "invalid" || legacy.state === "unknown" || legacy.state === "invalid";
        if (ipFilterEntries === 0 && !ipsUndecided) {
            switch (vnet.state) {
                case "absent":
                    evidence.push("no IP rule is set and `isVirtualNetworkFilterEnabled` is omitted (false), so no filter applies");
                    break;
                case "known":
                    if (!vnet.value) evidence.push("no IP rule is set and `isVirtualNetworkFilterEnabled` is false, so no filter applies");
                    break;
                case "unknown":
                    extra.push(unknownSwitchFinding("isVirtualNetworkFilterEnabled", CONSEQUENCE));
                    break;
                case "invalid":
                    break; // reported above
            }
        }
        return exposureFindings(sw, evidence, extra, CONSEQUENCE);
    },
    remediate: (resource) => setEnum(resource.props, "publicNetworkAccess", "Disabled"),
};
