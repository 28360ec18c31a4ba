import { policyDocumentFindings } from "../../lib/policy-document-findings";
import { enumEquals, isObject, stringField } from "../../lib/props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

const SERVERLESS_SECURITY_POLICY = "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy";
export const OPENSEARCH_DOMAIN_TOKENS = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"] as const;

const DOMAIN_CONSEQUENCE = "the domain's endpoint is on the internet";
const SERVERLESS_CONSEQUENCE = "the collection endpoints accept connections from the internet";

/**
 * Where a domain's endpoint lives: with `vpcOptions` it gets ENIs in the VPC's subnets and is reachable only
 * through them (and its security groups); without, it has a public endpoint (docs/aws-tokens.md §13, [S20]).
 * "You can't switch an existing domain from public access to VPC access or the other way around."
 */
export type DomainPlacement = { kind: "vpc" } | { kind: "public" } | { kind: "unknown" } | { kind: "invalid"; raw: unknown };

export function domainPlacement(props: Record<string, unknown>): DomainPlacement {
    const vpc = props.vpcOptions;
    if (vpc === undefined || vpc === null) return { kind: "public" };
    if (isUnknown(vpc)) return { kind: "unknown" };
    if (!isObject(vpc)) return { kind: "invalid", raw: vpc };
    // A vpcOptions block without subnets places nothing in a VPC: read it as a public domain (the
    // conservative reading; CreateDomain's VPCOptions needs SubnetIds to create VPC endpoints).
    const subnets = vpc.subnetIds;
    if (subnets === undefined || subnets === null || (Array.isArray(subnets) && subnets.length === 0)) return { kind: "public" };
    return { kind: "vpc" };
}

/**
 * The findings for a domain's access policy judged against the domain's placement. `where` names the domain
 * in field paths (" on domain \"x\""); `publicReason` says why the endpoint counts as internet-facing.
 */
export function domainPolicyFindings(
    placement: DomainPlacement,
    document: unknown,
    field: string,
    where: string,
    publicReason = `The domain has no \`vpcOptions\`${where}, so its endpoint is on the internet`,
): Finding[] {
    switch (placement.kind) {
        case "vpc":
            // Reachable only from the VPC: an open access policy there is AWS's documented pattern, with the
            // security groups as the network control (checked by the security-group rule).
            return [];
        case "unknown":
        case "invalid": {
            const docFindings = policyDocumentFindings(document, field);
            if (docFindings.length === 0 || docFindings.every((f) => f.advisory)) return docFindings;
            return placement.kind === "unknown"
                ? [unknownSwitchFinding(`vpcOptions${where}`, DOMAIN_CONSEQUENCE)]
                : [invalidFieldFinding(`vpcOptions${where}`, placement.raw, "an object", DOMAIN_CONSEQUENCE)];
        }
        case "public":
            return policyDocumentFindings(document, field).map((f) =>
                f.advisory ? f : { ...f, message: `${publicReason}, and ${f.message}` },
            );
    }
}

/** OpenSearch Serverless network policy: a JSON array of rules, public when one has "AllowFromPublic": true ([S19]). */
function checkServerlessPolicy(props: Record<string, unknown>): Finding[] {
    const type = stringField(props, "type");
    if (type.state === "unknown") return [unknownSwitchFinding("type", SERVERLESS_CONSEQUENCE)];
    if (type.state === "invalid") return [invalidFieldFinding("type", type.raw, type.expected, SERVERLESS_CONSEQUENCE)];
    if (type.state === "absent") return [{ message: `\`type\` is not set, so the pack cannot tell whether ${SERVERLESS_CONSEQUENCE}. Set \`type: "network"\` or \`"encryption"\`.` }];
    if (enumEquals(type.value.trim(), "encryption")) return [];
    if (!enumEquals(type.value.trim(), "network")) return [invalidFieldFinding("type", type.value, "network or encryption", SERVERLESS_CONSEQUENCE)];

    const raw = props.policy;
    if (raw === undefined || raw === null) return [{ message: "`policy` is not set on the network policy, so the pack cannot tell which collections it opens." }];
    if (isUnknown(raw)) {
        return [{
            advisory: true,
            message: "`policy` is not known during preview; it will be checked at update time, before the policy is created, and a public rule will fail the update then.",
        }];
    }
    let parsed: unknown = raw;
    if (typeof raw === "string") {
        try {
            parsed = JSON.parse(raw);
        } catch (e) {
            return [{ message: `\`policy\` cannot be read (not valid JSON: ${(e as Error)?.message ?? e}); a network policy the pack cannot read is treated as public.` }];
        }
    }
    const rules = Array.isArray(parsed) ? parsed : isObject(parsed) ? [parsed] : undefined;
    if (rules === undefined) {
        return [{ message: `\`policy\` is ${showValue(parsed)}, not a JSON array of network rules; a network policy the pack cannot read is treated as public.` }];
    }
    const findings: Finding[] = [];
    rules.forEach((rule, i) => {
        const at = `policy[${i}]`;
        if (!isObject(rule)) {
            findings.push({ message: `\`${at}\` is ${showValue(rule)}, not a network rule object; it is treated as public.` });
            return;
        }
        const allow = rule.AllowFromPublic;
        if (allow === undefined || allow === null || allow === false) return; // private: SourceVPCEs / SourceServices
        if (isUnknown(allow)) {
            findings.push(unknownSwitchFinding(`${at}.AllowFromPublic`, SERVERLESS_CONSEQUENCE));
        } else if (allow !== true) {
            findings.push(invalidFieldFinding(`${at}.AllowFromPublic`, allow, "a boolean", SERVERLESS_CONSEQUENCE));
        } else {
            const resources = Array.isArray(rule.Rules)
                ? rule.Rules.map((r) => (isObject(r) ? r.Resource : r)).flat()
                : rule.Rules;
            findings.push({
                message:
                    `\`${at}.AllowFromPublic\` is true: the endpoints of ${showValue(resources)} accept connections from any ` +
                    "internet address (only IAM and data access policies stand between them and the data).",
            });
        }
    });
    return findings;
}

export const awsOpensearchDomainNotPublic: ResourceRule = {
    kind: "resource",
    name: "aws-opensearch-domain-not-public",
    description:
        "OpenSearch and Elasticsearch domains outside a VPC must not have an access policy that grants everyone, and " +
        "OpenSearch Serverless network policies must not allow access from the public internet.",
    severity: "critical",
    remediationSteps:
        "Create the domain with `vpcOptions` (subnets and security groups), or limit `accessPolicies` to named IAM " +
        "principals or fixed `aws:SourceIp` ranges; for OpenSearch Serverless use `AllowFromPublic: false` with " +
        "`SourceVPCEs` (or `SourceServices`).",
    url: "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html",
    catalog: "AWS: OpenSearch / Elasticsearch outside a VPC with an open access policy; serverless AllowFromPublic",
    appliesTo: awsTypes(...OPENSEARCH_DOMAIN_TOKENS, SERVERLESS_SECURITY_POLICY),
    check(resource): Finding[] {
        if (resource.type === SERVERLESS_SECURITY_POLICY) {
            return checkServerlessPolicy(resource.props);
        }
        // opensearch Domain.accessPolicies is a string; elasticsearch Domain also accepts the object form
        // (docs/aws-tokens.md §0.11): policyDocumentFindings reads both.
        return domainPolicyFindings(domainPlacement(resource.props), resource.props.accessPolicies, "accessPolicies", "");
    },
};
