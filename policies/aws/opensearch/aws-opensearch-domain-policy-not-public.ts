import { showValue, type Finding, type StackRule } from "../../lib/rule";
import { isUnknown } from "../../lib/unknown";
import { awsTypes } from "../../lib/type-tokens";
import { domainPlacement, domainPolicyFindings, OPENSEARCH_DOMAIN_TOKENS } from "./aws-opensearch-domain-not-public";

const DOMAIN_POLICIES = awsTypes("aws:opensearch/domainPolicy:DomainPolicy", "aws:elasticsearch/domainPolicy:DomainPolicy");
const DOMAINS = awsTypes(...OPENSEARCH_DOMAIN_TOKENS);

/**
 * A separate DomainPolicy is public only when its domain is outside a VPC, a fact of another resource: a
 * stack rule. The domain is found through `domainName` (property dependency, then dependency, then the known
 * name). A policy whose domain is not in this stack cannot be placed: a public document then fails closed.
 */
export const awsOpensearchDomainPolicyNotPublic: StackRule = {
    kind: "stack",
    name: "aws-opensearch-domain-policy-not-public",
    description:
        "An OpenSearch or Elasticsearch domain policy must not grant everyone access to a domain that is outside a VPC.",
    severity: "critical",
    remediationSteps:
        "Limit `accessPolicies` to named IAM principals or fixed `aws:SourceIp` ranges, or create the domain with " +
        "`vpcOptions` so that it is reachable only from the VPC.",
    url: "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html",
    catalog: "AWS: OpenSearch / Elasticsearch outside a VPC with an open access policy; serverless AllowFromPublic",
    check(stack): Finding[] {
        const findings: Finding[] = [];
        for (const policy of stack.ofType(DOMAIN_POLICIES)) {
            const domains = stack.linked(policy, "domainName", DOMAINS, ["domainName", "id", "arn"]);
            const document = policy.props.accessPolicies;
            const emit = (f: Finding) =>
                findings.push({
                    ...f,
                    urn: policy.urn,
                    // A stack rule runs after the update too: say so instead of "before the resource is created".
                    message: f.advisory
                        ? "`accessPolicies` is not known during preview; the stack is analyzed again with known values after " +
                          "the update, and a public document on a domain outside a VPC fails then."
                        : f.message,
                });
            if (domains.length === 0) {
                const reason =
                    `The domain ${isUnknown(policy.props.domainName) ? "(name unknown during preview)" : showValue(policy.props.domainName ?? null)} is not in this stack, so the pack cannot ` +
                    "tell whether it is in a VPC";
                domainPolicyFindings({ kind: "public" }, document, "accessPolicies", "", reason).forEach(emit);
                continue;
            }
            for (const domain of domains) {
                domainPolicyFindings(domainPlacement(domain.props), document, "accessPolicies", ` on domain "${domain.name}"`).forEach(emit);
            }
        }
        return findings;
    },
};
