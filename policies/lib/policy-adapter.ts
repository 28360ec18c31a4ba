// Turns a pure Rule into the @pulumi/policy policy object the PolicyPack serves. This is the one place
// that knows @pulumi/policy's calling conventions: unwrapping its unknown-checking proxy, reading config,
// reporting with the rule's metadata, and turning a rule that throws into a violation instead of a gRPC
// error ("failed to run policy") that would make teams switch the pack off.

import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { Finding, ResourceRule, Rule, RuleContext, StackRule, UnknownValuesMode } from "./rule";
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

function contextFrom(config: Record<string, unknown>): RuleContext {
    const mode: UnknownValuesMode = config.unknownValues === "warn" ? "warn" : "fail";
    return { unknownValues: mode };
}

function report(rule: Rule, reportViolation: ReportViolation, finding: Finding, defaultUrn?: string): void {
    // The object form lets one finding be a warning while the rule stays mandatory; the message is laid out
    // as @pulumi/policy lays out the string form (description, then the finding).
    const violation = {
        message: `${rule.description}\n${finding.message}`,
        urn: finding.urn ?? defaultUrn,
        enforcementLevel: finding.advisory ? "advisory" : undefined,
    };
    (reportViolation as unknown as (v: typeof violation) => void)(violation);
}

function failureFinding(rule: Rule, subject: string, error: unknown): Finding {
    const reason = error instanceof Error ? error.message : String(error);
    return {
        message:
            `The rule could not evaluate ${subject} (${reason.slice(0, 300)}). ` +
            `It is treated as non-compliant; report this to the owners of ${rule.name}.`,
    };
}

function runSafely(rule: Rule, subject: string, check: () => Finding[]): Finding[] {
    try {
        return check();
    } catch (error) {
        return [failureFinding(rule, subject, error)];
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
    return {
        ...metadata(rule),
        validateResource: (args, reportViolation) => {
            if (!rule.appliesTo.matches(args.type)) {
                return;
            }
            const subject = {
                type: args.type,
                name: args.name,
                urn: args.urn,
                props: unwrapProxy(args.props),
            };
            const context = contextFrom(args.getConfig());
            for (const finding of runSafely(rule, args.urn, () => rule.check(subject, context))) {
                report(rule, reportViolation, finding);
            }
        },
    };
}

export function toStackPolicy(rule: StackRule): StackValidationPolicy {
    return {
        ...metadata(rule),
        validateStack: (args, reportViolation) => {
            const context = contextFrom(args.getConfig());
            const findings = runSafely(rule, "the stack", () =>
                rule.check(StackGraph.fromPolicyResources(args.resources), context),
            );
            for (const finding of findings) {
                report(rule, reportViolation, finding);
            }
        },
    };
}

export function toPolicy(rule: Rule): ResourceValidationPolicy | StackValidationPolicy {
    return rule.kind === "resource" ? toResourcePolicy(rule) : toStackPolicy(rule);
}
