// Turns pure Rules into the @pulumi/policy policy objects the PolicyPack serves. This is the one place
// that knows @pulumi/policy's calling conventions: unwrapping its unknown-checking proxy, reading config,
// reporting with the rule's metadata, and turning a rule that throws into a violation instead of a gRPC
// error ("failed to run policy") that would make teams switch the pack off.

import type {
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import {
    describeExemption,
    EXEMPTIONS_POLICY,
    exemptionsSchema,
    findExemption,
    parseExemptions,
    type Exemption,
    type ParsedExemptions,
} from "./exemptions";
import type { Finding, ResourceRule, Rule, StackRule } from "./rule";
import { StackGraph } from "./stack-graph";
import { unwrapProxy } from "./unknown";

export const configSchema: PolicyConfigSchema = {
    properties: {
        unknownValues: {
            type: "string",
            enum: ["fail", "warn"],
            default: "fail",
            description:
                "What an exposure switch that is unknown during preview does: fail (mandatory violation) or warn.",
        },
    },
};

// ---- exemptions -----------------------------------------------------------------------------------
//
// The exemptions policy reads the platform team's list from its config on the first Analyze request (it
// is the first policy of the pack); the config is fixed for the life of the pack process, set once by the
// engine's Configure before any Analyze. It then marks itself with a type no resource has, so
// @pulumi/policy stops calling it (and deserializing every resource for it). Until the list has been read,
// and whenever it is invalid, nothing is exempted: a finding is reported rather than dropped.

/** Marks a validation so @pulumi/policy skips it as "not applicable" without deserializing anything. */
const NEVER_A_RESOURCE_TYPE = "customer-data-guard:index:NotAResourceType";
type PulumiTyped = { __pulumiType?: string };

/** Undefined until the exemptions policy has read the config. */
let exemptions: ParsedExemptions | undefined;

function exemptionsPolicy(ruleNames: readonly string[]): ResourceValidationPolicy {
    return {
        name: EXEMPTIONS_POLICY,
        description:
            "Holds the platform team's exemptions (policy, resources, reason, approver, expiry) from the policy " +
            "pack config; reports only an exemption list that cannot be used.",
        enforcementLevel: "mandatory",
        severity: "high",
        remediationSteps: "Fix the `exemptions` list in the policy pack config: every entry needs policies, resources, a reason of at least 20 characters, approvedBy and a real expiry date.",
        configSchema: { properties: { exemptions: exemptionsSchema(ruleNames) } },
        validateResource,
    };

    function validateResource(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
        exemptions = parseExemptions(unwrapProxy((args.getConfig() as Record<string, unknown>).exemptions), ruleNames);
        (validateResource as PulumiTyped).__pulumiType = NEVER_A_RESOURCE_TYPE;
        if (!exemptions.ok) {
            reportViolation(`The exemptions in the policy pack config cannot be used, so nothing is exempted: ${exemptions.errors.join("; ")}.`);
        }
    }
}

/** Reports the rule's findings, minus those exempted; exempted ones end as "not applicable" with their evidence. */
function reportAll(
    rule: Rule,
    findings: readonly Finding[],
    defaultUrn: string | undefined,
    args: { getConfig(): object; notApplicable(reason?: string): never },
    reportViolation: ReportViolation,
): void {
    const config = args.getConfig() as Record<string, unknown>;
    const list: readonly Exemption[] = exemptions?.ok ? exemptions.exemptions : [];
    const now = new Date();
    const exempted: string[] = [];
    for (const finding of findings) {
        // Stryker disable next-line StringLiteral: a stack-wide finding is matched as an empty URN; another placeholder differs only for a glob aimed at it
        const urn = finding.urn ?? defaultUrn ?? "";
        // Stryker disable next-line ConditionalExpression,EqualityOperator: saves a call; an empty list finds no exemption either way
        const match = list.length > 0 ? findExemption(list, rule.name, urn, now) : undefined;
        if (match?.status === "active") {
            exempted.push(`${urn.slice(urn.lastIndexOf("::") + 2)} exempted: ${describeExemption(match.exemption)}`);
            continue;
        }
        const expiredNote = match ? `\nAn exemption covered this until ${match.exemption.expires} and has expired: ${describeExemption(match.exemption)}.` : "";
        const advisory = finding.advisory === true || (finding.unknown === true && config.unknownValues === "warn");
        // The object form lets one finding be a warning while the rule stays mandatory; the message is laid
        // out as @pulumi/policy lays out the string form (description, then the finding).
        const violation = {
            message: `${rule.description}\n${finding.message}${expiredNote}`,
            urn: finding.urn,
            enforcementLevel: advisory ? "advisory" : undefined,
        };
        (reportViolation as unknown as (v: typeof violation) => void)(violation);
    }
    if (exempted.length > 0) {
        args.notApplicable([...new Set(exempted)].join("; "));
    }
}

function runSafely(rule: Rule, subject: string, check: () => Finding[]): Finding[] {
    try {
        return check();
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return [{
            message:
                `The rule could not evaluate ${subject} (${reason.slice(0, 300)}). ` +
                `It is treated as non-compliant; report this to the owners of ${rule.name}.`,
        }];
    }
}

function metadata(rule: Rule) {
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel ?? "mandatory",
        severity: rule.severity,
        remediationSteps: rule.remediationSteps,
        url: rule.url,
        configSchema,
    } as const;
}

export function toResourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
    const validateResource: ResourceValidationPolicy["validateResource"] = (args, reportViolation) => {
        if (!rule.appliesTo.matches(args.type)) {
            return;
        }
        const subject = { type: args.type, name: args.name, urn: args.urn, props: unwrapProxy(args.props) };
        reportAll(rule, runSafely(rule, args.urn, () => rule.check(subject)), args.urn, args, reportViolation);
    };
    // One exact token: @pulumi/policy skips other resource types without deserializing them (the mechanism
    // validateResourceOfType uses). Undefined (a rule over several tokens) counts as untyped (getPulumiType).
    (validateResource as PulumiTyped).__pulumiType = rule.appliesTo.exactToken;
    return {
        ...metadata(rule),
        validateResource,
        remediateResource: rule.remediate
            ? (args) => {
                  if (!rule.appliesTo.matches(args.type)) {
                      return undefined;
                  }
                  const subject = { type: args.type, name: args.name, urn: args.urn, props: unwrapProxy(args.props) };
                  return rule.remediate!(subject);
              }
            : undefined,
    };
}

// ---- stack rules: one pass over the stack for all of them ------------------------------------------
//
// @pulumi/policy deserializes every resource of the stack again for each stack policy it calls: on
// 10,000 resources that is a few hundred milliseconds per policy, the whole budget of the pack. So the
// first stack rule (the leader) builds the stack graph once and evaluates every stack rule on it. Each
// other stack rule is still its own policy, so that it keeps its name, metadata, enforcement level and
// config; when the leader found nothing for it, its validation is marked with a resource type that no
// stack contains, and @pulumi/policy skips it without deserializing anything ("not applicable"). A rule
// with findings runs and reports them with its own level and config.
//
// Safety: the marks are rewritten by the leader at the start of every AnalyzeStack request, and a rule
// that runs without a matching evaluation (the leader disabled, another stack) evaluates the stack itself.
// The engine sends one AnalyzeStack request per run, so requests never interleave.


interface Evaluation {
    key: string;
    findings: ReadonlyMap<string, Finding[]>;
}

let lastEvaluation: Evaluation | undefined;

function stackKey(resources: readonly PolicyResource[]): string {
    // Stryker disable next-line StringLiteral: the placeholder for an empty stack only has to be the same every time
    return `${resources.length}|${resources[0]?.urn ?? ""}|${resources[resources.length - 1]?.urn ?? ""}`;
}

function evaluate(rules: readonly StackRule[], resources: readonly PolicyResource[]): Map<string, Finding[]> {
    let graph: StackGraph | undefined;
    const findings = new Map<string, Finding[]>();
    for (const rule of rules) {
        findings.set(rule.name, runSafely(rule, "the stack", () => rule.check((graph ??= StackGraph.fromPolicyResources(resources)))));
    }
    return findings;
}

export function toStackPolicies(rules: readonly StackRule[]): StackValidationPolicy[] {
    const policies: StackValidationPolicy[] = [];
    rules.forEach((rule, index) => {
        const isLeader = index === 0;
        const validateStack: StackValidationPolicy["validateStack"] = (args, reportViolation) => {
            const key = stackKey(args.resources);
            let findings: Finding[] | undefined;
            if (isLeader) {
                const all = evaluate(rules, args.resources);
                lastEvaluation = { key, findings: all };
                policies.forEach((p, i) => {
                    if (i > 0) {
                        (p.validateStack as PulumiTyped).__pulumiType = all.get(rules[i].name)!.length > 0 ? undefined : NEVER_A_RESOURCE_TYPE;
                    }
                });
                findings = all.get(rule.name);
            } else if (lastEvaluation?.key === key) {
                findings = lastEvaluation.findings.get(rule.name);
            }
            findings ??= evaluate([rule], args.resources).get(rule.name)!;
            reportAll(rule, findings, undefined, args, reportViolation);
        };
        policies.push({ ...metadata(rule), validateStack });
    });
    return policies;
}

/**
 * Every rule as a policy: the exemptions policy first (it reads the exemption list before any rule
 * reports), resource rules in registry order, then stack rules with the leader first.
 */
export function toPolicies(rules: readonly Rule[]): Array<ResourceValidationPolicy | StackValidationPolicy> {
    const resourceRules = rules.filter((r): r is ResourceRule => r.kind === "resource");
    const stackRules = rules.filter((r): r is StackRule => r.kind === "stack");
    return [
        exemptionsPolicy(rules.map((r) => r.name)),
        ...resourceRules.map(toResourcePolicy),
        ...toStackPolicies(stackRules),
    ];
}
