// The shape of a rule. Rules are pure: they read plain property bags and return findings. The adapter
// (policy-adapter.ts) turns them into @pulumi/policy policies; the pack, the tests and the docs all read
// the same objects from registry.ts.

import type { StackGraph } from "./stack-graph";
import type { TypeMatcher } from "./type-tokens";

export type Severity = "low" | "medium" | "high" | "critical";
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface RuleMetadata {
    /** `<cloud>-<service>-<resource>-<assertion>`: the rule's id forever. Never rename or reuse. */
    readonly name: string;
    /** The requirement, one sentence. */
    readonly description: string;
    readonly severity: Severity;
    /** How to fix a violation. */
    readonly remediationSteps: string;
    /** Where the semantics come from (provider or cloud documentation). */
    readonly url: string;
    /** The row(s) of ../shared/CATALOG.md this rule covers. */
    readonly catalog: string;
    /** Defaults to mandatory: public exposure blocks the deployment. */
    readonly enforcementLevel?: EnforcementLevel;
}

export interface Finding {
    /** What is wrong on this resource, in which field, with the evidence. */
    readonly message: string;
    /** The resource the finding is about; resource rules default to the analyzed resource. */
    readonly urn?: string;
    /** Report as a warning whatever the rule's level (e.g. a policy document decided at update time). */
    readonly advisory?: boolean;
    /**
     * An exposure switch unknown during preview: mandatory by default, a warning where the platform team
     * configured `unknownValues: warn`. Applied when the finding is reported, with the rule's own config.
     */
    readonly unknown?: boolean;
}

/** One resource as a resource rule sees it: raw properties, unknowns still as sentinels. */
export interface ResourceSubject {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly props: Record<string, unknown>;
}

export interface ResourceRule extends RuleMetadata {
    readonly kind: "resource";
    readonly appliesTo: TypeMatcher;
    check(resource: ResourceSubject): Finding[];
    /**
     * The resource's properties with the violation fixed, for fields where the private value is unambiguous;
     * undefined when there is nothing to fix. Runs only at enforcement level `remediate`.
     */
    remediate?(resource: ResourceSubject): Record<string, unknown> | undefined;
}

export interface StackRule extends RuleMetadata {
    readonly kind: "stack";
    check(stack: StackGraph): Finding[];
}

export type Rule = ResourceRule | StackRule;

/**
 * The finding for an exposure switch whose value is unknown during preview. Fails closed unless the
 * platform team configured `unknownValues: warn`.
 */
export function unknownSwitchFinding(field: string, consequence: string, urn?: string): Finding {
    return {
        message:
            `\`${field}\` is unknown during preview, so the pack cannot tell whether ${consequence}. ` +
            "An unknown exposure switch is treated as public: set it to a literal value in the program.",
        urn,
        unknown: true,
    };
}

/** Renders a property value for a message: JSON, cut short. */
export function showValue(value: unknown, max = 160): string {
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max)}...(${text.length} characters)` : text;
}

/** The finding for a property whose value is of the wrong type: malformed input is never a silent pass. */
export function invalidFieldFinding(field: string, raw: unknown, expected: string, consequence: string): Finding {
    return {
        message:
            `\`${field}\` is ${showValue(raw)}, which is not ${expected}, so the pack cannot tell whether ` +
            `${consequence}. It is treated as public: fix the value in the program.`,
    };
}
