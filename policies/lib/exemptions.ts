// Exemptions: the only way a store may be public, owned by the platform team in the policy-pack config.
// Each names the policies, the resources (URN or name globs), why, who approved it and until when.
// An exempted finding is reported as "not applicable" with that evidence, never silently dropped; an
// expired exemption no longer applies and the violation says when it expired. Tags never exempt anything.
//
// Where they live: the engine gives each policy only its own config properties, and "all" carries levels
// only (pulumi/pulumi pkg/resource/analyzer/config.go). So the list is the config of one policy,
// EXEMPTIONS_POLICY, whose JSON schema the engine validates before anything runs: a malformed exemption
// (no reason, a short reason, a bad date, an unknown policy name) stops the preview with the engine's
// "policy pack configuration is invalid" error instead of exempting anything.

export const EXEMPTIONS_POLICY = "customer-data-guard-exemptions";

export interface Exemption {
    readonly policies: readonly string[];
    readonly resources: readonly string[];
    readonly reason: string;
    readonly approvedBy: string;
    /** Last day the exemption applies (ISO date, UTC). */
    readonly expires: string;
}

const ISO_DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/** The JSON schema of the `exemptions` property, naming the policies an exemption may refer to. */
export function exemptionsSchema(policyNames: readonly string[]): Record<string, unknown> {
    return {
        type: "array",
        description: "Resources allowed to break named policies: who approved it, why, and until when.",
        default: [],
        items: {
            type: "object",
            additionalProperties: false,
            required: ["policies", "resources", "reason", "approvedBy", "expires"],
            properties: {
                policies: { type: "array", minItems: 1, items: { type: "string", enum: [...policyNames, "*"] } },
                resources: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
                reason: { type: "string", minLength: 20 },
                approvedBy: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: ISO_DATE },
            },
        },
    };
}

export type ParsedExemptions = { ok: true; exemptions: Exemption[] } | { ok: false; errors: string[] };

function isRealDate(text: string): boolean {
    if (!new RegExp(ISO_DATE).test(text)) return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * Checks what the schema cannot (calendar dates such as 2027-02-30) and anything that reaches the pack
 * without the engine's validation. Any error invalidates the whole list: nothing is exempted.
 */
export function parseExemptions(raw: unknown, policyNames: readonly string[]): ParsedExemptions {
    if (raw === undefined || raw === null) return { ok: true, exemptions: [] };
    if (!Array.isArray(raw)) return { ok: false, errors: ["`exemptions` must be a list"] };
    const known = new Set([...policyNames, "*"]);
    const errors: string[] = [];
    const exemptions: Exemption[] = [];
    raw.forEach((entry, i) => {
        const where = `exemptions[${i}]`;
        if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            errors.push(`${where} must be an object`);
            return;
        }
        const e = entry as Record<string, unknown>;
        const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === "string" && s.length > 0);
        if (!strings(e.policies)) errors.push(`${where}.policies must be a non-empty list of policy names or "*"`);
        else for (const p of e.policies as string[]) if (!known.has(p)) errors.push(`${where}.policies names "${p}", which is not a policy of this pack`);
        if (!strings(e.resources)) errors.push(`${where}.resources must be a non-empty list of URN or name globs`);
        if (typeof e.reason !== "string" || e.reason.trim().length < 20) errors.push(`${where}.reason must say why, in at least 20 characters`);
        if (typeof e.approvedBy !== "string" || e.approvedBy.trim() === "") errors.push(`${where}.approvedBy must name who approved it`);
        if (typeof e.expires !== "string" || !isRealDate(e.expires)) errors.push(`${where}.expires must be a real date, YYYY-MM-DD`);
        exemptions.push(e as unknown as Exemption);
    });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, exemptions };
}

function globToRegExp(glob: string): RegExp {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`);
}

/** A resource pattern matches the whole URN or the resource's name; `*` and `?` are wildcards. */
export function matchesResource(pattern: string, urn: string): boolean {
    const name = urn.slice(urn.lastIndexOf("::") + 2);
    const re = globToRegExp(pattern);
    return re.test(urn) || re.test(name);
}

export type ExemptionMatch = { status: "active" | "expired"; exemption: Exemption };

/** The exemption covering this policy and resource, preferring one still in force. */
export function findExemption(exemptions: readonly Exemption[], policy: string, urn: string, now: Date): ExemptionMatch | undefined {
    let expired: Exemption | undefined;
    for (const e of exemptions) {
        if (!(e.policies.includes("*") || e.policies.includes(policy))) continue;
        if (!e.resources.some((r) => matchesResource(r, urn))) continue;
        const endOfLastDay = new Date(`${e.expires}T23:59:59.999Z`);
        if (now.getTime() <= endOfLastDay.getTime()) return { status: "active", exemption: e };
        expired ??= e;
    }
    return expired ? { status: "expired", exemption: expired } : undefined;
}

export function describeExemption(e: Exemption): string {
    return `"${e.reason}" (approved by ${e.approvedBy}, until ${e.expires})`;
}
