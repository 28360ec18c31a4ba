// Is this IAM / resource policy document public, as AWS decides?
//
// The rule comes from the S3 User Guide, "Blocking public access to your Amazon S3 storage", section
// "The meaning of "public"" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html),
// cited below as [S3-PUBLIC]:
//   "When evaluating a bucket policy, Amazon S3 begins by assuming that the policy is public. It then
//    evaluates the policy to determine whether it qualifies as non-public. To be considered non-public, a
//    bucket policy must grant access only to fixed values (values that don't contain a wildcard or an AWS
//    Identity and Access Management Policy Variable) for one or more of the following: an AWS principal,
//    user, role, or service principal (e.g. aws:PrincipalOrgID); a set of CIDR blocks using aws:SourceIp;
//    aws:SourceArn; aws:SourceVpc; aws:SourceVpce; aws:SourceOwner; aws:SourceAccount; aws:userid, outside
//    the pattern "AROLEID:*"; s3:DataAccessPointArn; s3:DataAccessPointAccount."
// The same page's worked example: one public statement makes the whole policy public.
//
// Other AWS pages cited:
//   [IAM-EFFECT]    IAM JSON policy elements: Effect (reference_policies_elements_effect.html)
//   [IAM-PRINCIPAL] AWS JSON policy elements: Principal (reference_policies_elements_principal.html)
//   [IAM-NOTPRINC]  AWS JSON policy elements: NotPrincipal (reference_policies_elements_notprincipal.html)
//   [IAM-COND]      IAM JSON policy elements: Condition (reference_policies_elements_condition.html)
//   [IAM-OPS]       IAM JSON policy elements: Condition operators (reference_policies_elements_condition_operators.html)
//   [IAM-MULTI]     Single-valued vs. multivalued context keys (reference_policies_condition-single-vs-multi-valued-context-keys.html)
//   [IAM-VARS]      IAM policy elements: Variables and tags (reference_policies_variables.html)
//
// Pure: no Pulumi or AWS imports, never throws, always returns a verdict.

import { isBroaderThanAwsPublicThreshold, parseCidrOrAddress } from "./ip-ranges";
import { isUnknown, UNKNOWN_SENTINELS, unwrapProxy } from "./unknown";

export interface PublicStatement {
    /** Position in the Statement array (0 when Statement is a single object). */
    index: number;
    sid?: string;
    /** Short rendering of who is granted, e.g. '"*"', '{"AWS":"*"}', 'NotPrincipal {"AWS":"arn:..."}'. */
    principal: string;
    /** Short rendering of Action / NotAction. */
    actions: string;
    /** Why its conditions do not scope it, e.g. 'no Condition', 'aws:SourceVpc uses StringLike with wildcard "vpc-*"'. */
    why: string;
}

export type DocumentVerdict =
    | { kind: "public"; statements: PublicStatement[] }
    | { kind: "not-public" }
    | { kind: "unknown"; detail: string }
    | { kind: "malformed"; reason: string };

export interface AnalyzeOptions {
    /**
     * The document is an S3 access point policy rather than a bucket (or other resource) policy. The only
     * documented difference [S3-PUBLIC, "Access points"]: "An access point policy that grants access to a
     * set of access points using s3:DataAccessPointArn is considered public", whereas a bucket policy may
     * wildcard the access point name as long as the account ID is fixed. (The other access point
     * difference, "An access point that has a VPC network origin is always considered non-public", is about
     * the access point resource, not its document: the caller decides that.)
     */
    accessPointContext?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** Thrown inside the analysis for an unreadable document; turned into a "malformed" verdict at the top. */
class MalformedError extends Error {}

type Tri = "yes" | "no" | "unknown";

const MAX_RENDER = 160;

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasOwn(o: Record<string, unknown>, key: string): boolean {
    return Object.prototype.hasOwnProperty.call(o, key);
}

/** An unknown sentinel, or a string that embeds one (e.g. an ARN interpolated from an unknown output). */
function holdsUnknown(v: string): boolean {
    for (const s of UNKNOWN_SENTINELS) if (v.includes(s)) return true;
    return false;
}

function truncate(s: string, max = MAX_RENDER): string {
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/** Compact JSON for messages; never throws (cycles, BigInt, huge depth) and never returns a huge string. */
function render(v: unknown): string {
    if (isUnknown(v)) return "<unknown>";
    try {
        const s = JSON.stringify(v, (_k, x) => (isUnknown(x) ? "<unknown>" : x));
        return truncate(s === undefined ? String(v) : s);
    } catch {
        return "<unprintable>";
    }
}

/** A short description of a value's type for malformed reasons. */
function describe(v: unknown): string {
    if (v === null) return "null";
    if (Array.isArray(v)) return "an array";
    if (typeof v === "object") return "an object";
    if (typeof v === "string") return `the string ${render(v)}`;
    return `${typeof v} ${render(v)}`;
}

function where(index: number, single: boolean): string {
    return single ? "Statement" : `Statement[${index}]`;
}

// ---------------------------------------------------------------------------------------------------
// Principal / NotPrincipal

/**
 * Principal types AWS accepts in a resource policy [IAM-PRINCIPAL]: "AWS" (accounts, users, roles,
 * sessions), "Service", "Federated" (web identity and SAML providers), "CanonicalUser" (S3 only).
 */
const PRINCIPAL_TYPES = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

interface PrincipalResult {
    /** Does the principal element grant to the public (anyone, or anyone outside a fixed set)? */
    isPublic: Tri;
    rendering: string;
}

/** Validates the shape of a Principal / NotPrincipal value and returns its string entries (or throws). */
function principalEntries(value: unknown, at: string, element: string): Array<{ type: string; value: string }> | "star" | "unknown" {
    if (isUnknown(value)) return "unknown";
    if (value === "*") return "star";
    if (!isObject(value)) {
        throw new MalformedError(`${at} ${element} must be "*" or an object such as {"AWS": "..."}, got ${describe(value)}`);
    }
    const keys = Object.keys(value);
    if (keys.length === 0) throw new MalformedError(`${at} ${element} is an empty object`);
    const out: Array<{ type: string; value: string }> = [];
    for (const type of keys) {
        if (!PRINCIPAL_TYPES.has(type)) {
            throw new MalformedError(`${at} ${element} has principal type ${render(type)}; AWS accepts only "AWS", "Service", "Federated" or "CanonicalUser"`);
        }
        const raw = value[type];
        const list = Array.isArray(raw) ? raw : [raw];
        if (list.length === 0) throw new MalformedError(`${at} ${element} ${type} is an empty array`);
        for (const item of list) {
            if (typeof item !== "string") {
                throw new MalformedError(`${at} ${element} ${type} values must be strings, got ${describe(item)}`);
            }
            if (item.length === 0 && !isUnknown(item)) {
                throw new MalformedError(`${at} ${element} ${type} contains an empty string`);
            }
            out.push({ type, value: item });
        }
    }
    return out;
}

/**
 * Principal: public when it is "*" or {"AWS": "*"} (equivalent per [IAM-PRINCIPAL] "All principals"), when
 * any value holds a wildcard or policy variable (not a FIXED value [S3-PUBLIC]; [IAM-PRINCIPAL] also says
 * "You cannot use a wildcard to match part of a principal name or ARN", so "arn:aws:iam::*:root" is
 * treated as the wildcard it looks like), or when it is Federated. Federated: the S3 page's public
 * examples include {"Federated": "graph.facebook.com"} (in the version of [S3-PUBLIC] published in
 * awsdocs/amazon-s3-developer-guide, doc_source/access-control-block-public-access.md): a web identity or
 * SAML provider is not an AWS principal, user, role or service principal of a fixed account, so every
 * Federated principal is public unless a condition scopes the statement.
 */
function analyzePrincipal(value: unknown, at: string): PrincipalResult {
    const entries = principalEntries(value, at, "Principal");
    if (entries === "unknown") return { isPublic: "unknown", rendering: "<unknown>" };
    if (entries === "star") return { isPublic: "yes", rendering: '"*"' };
    let sawUnknown = false;
    for (const { type, value: v } of entries) {
        if (holdsUnknown(v)) {
            sawUnknown = true;
            continue;
        }
        if (type === "Federated" || v.includes("*") || v.includes("?") || v.includes("${")) {
            return { isPublic: "yes", rendering: render(value) };
        }
    }
    return { isPublic: sawUnknown ? "unknown" : "no", rendering: render(value) };
}

/**
 * NotPrincipal with Allow grants to everyone except the listed principals [IAM-NOTPRINC]; whatever the list
 * holds (even an unknown), that is the public. Only the shape is checked.
 */
function analyzeNotPrincipal(value: unknown, at: string): PrincipalResult {
    principalEntries(value, at, "NotPrincipal");
    return { isPublic: "yes", rendering: `NotPrincipal ${render(value)}` };
}

// ---------------------------------------------------------------------------------------------------
// Condition

/** Every base operator [IAM-OPS] lists, lower-cased; anything else is not a condition AWS accepts. */
const OPERATORS: ReadonlyMap<string, string> = new Map(
    [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
    ].map((op) => [op.toLowerCase(), op]),
);

const NEGATED = new Set(["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike"]);

/** Operators that can pin a string / ARN key to a set of values. */
const STRING_MATCH = new Set(["StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"]);

/**
 * Condition keys that scope a public principal when pinned to fixed values, lower-cased because "Context
 * key names are not case-sensitive" [IAM-COND] (so "AWS:SourceArn" in CloudFront's OAC example counts).
 * From [S3-PUBLIC], plus:
 *  - s3:x-amz-server-side-encryption-aws-kms-key-id: in the list in earlier versions of [S3-PUBLIC]
 *    (awsdocs/amazon-s3-developer-guide) and in the S3 API reference for PublicAccessBlockConfiguration
 *    ("A fixed value of s3:x-amz-server-side-encryption-aws-kms-key-id"); the current page no longer
 *    lists it.
 *  - aws:PrincipalAccount and aws:PrincipalArn: not named on the page, which lists "An AWS principal,
 *    user, role, or service principal (e.g. aws:PrincipalOrgID)", i.e. principal-identifying condition
 *    keys count as principals. A fixed account or principal ARN is exactly that (DESIGN.md §1: access
 *    limited to fixed principals or accounts is not public).
 */
const SCOPING_KEYS: ReadonlyMap<string, string> = new Map(
    [
        "aws:SourceIp", "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceOwner", "aws:SourceAccount",
        "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:userid",
        "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
    ].map((k) => [k.toLowerCase(), k]),
);

interface ParsedOperator {
    name: string; // as written
    base: string; // canonical base operator, e.g. "StringEquals"
    /** Written with the ForAllValues: prefix. (ForAnyValue: scopes like the plain operator and needs no flag.) */
    forAllValues: boolean;
    ifExists: boolean;
}

/**
 * "[ForAnyValue:|ForAllValues:]<Operator>[IfExists]". Matched case-insensitively: accepting a spelling AWS
 * would reject can only hide a document AWS refuses to store, never a public one.
 */
function parseOperator(name: string, at: string): ParsedOperator {
    let rest = name;
    let forAllValues = false;
    const colon = rest.indexOf(":");
    if (colon !== -1) {
        const prefix = rest.slice(0, colon).toLowerCase();
        if (prefix === "forallvalues") forAllValues = true;
        else if (prefix !== "foranyvalue") throw new MalformedError(`${at} Condition operator ${render(name)} has an unknown set prefix; AWS accepts only ForAnyValue: or ForAllValues:`);
        rest = rest.slice(colon + 1);
    }
    let ifExists = false;
    let base = OPERATORS.get(rest.toLowerCase());
    // No base operator name ends in "IfExists", so this only runs for names that are not a base operator.
    if (rest.toLowerCase().endsWith("ifexists")) {
        base = OPERATORS.get(rest.slice(0, -"IfExists".length).toLowerCase());
        ifExists = true;
        if (base === "Null") base = undefined; // "You can add IfExists to the end of any condition operator name except the Null condition" [IAM-OPS]
    }
    if (base === undefined) {
        throw new MalformedError(`${at} Condition uses unknown operator ${render(name)}`);
    }
    return { name, base, forAllValues, ifExists };
}

/** The condition values as strings (numbers and booleans are accepted as AWS does); throws on other types. */
function conditionValues(raw: unknown, at: string, op: string, key: string): string[] {
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) throw new MalformedError(`${at} Condition ${op} ${render(key)} has no values`);
    return list.map((v) => {
        if (typeof v === "string") return v;
        if (typeof v === "number" || typeof v === "boolean") return String(v);
        throw new MalformedError(`${at} Condition ${op} ${render(key)} values must be strings, numbers or booleans, got ${describe(v)}`);
    });
}

/**
 * One (operator, key, values) entry: does it pin the request to fixed values of a scoping key? `note` says
 * why it does not scope ("no") or what is unknown ("unknown").
 */
type EntryResult = { scopes: "yes" } | { scopes: "no" | "unknown"; note: string };

/**
 * s3:DataAccessPointArn in a bucket policy may wildcard the access point name "as long as the account ID is
 * fixed. For example, allowing access to arn:aws:s3:us-west-2:123456789012:accesspoint/* ... without
 * rendering the bucket policy public" [S3-PUBLIC]. Only the name part may hold wildcards here; partition,
 * region and account must be literal (the page's example fixes the region too).
 */
const ACCESS_POINT_ARN = /^arn:aws[a-z-]*:s3:[a-z0-9-]+:[0-9]{12}:accesspoint\/.+$/;

function analyzeEntry(op: ParsedOperator, key: string, values: string[], options: AnalyzeOptions): EntryResult {
    const canonicalKey = SCOPING_KEYS.get(key.toLowerCase());
    if (canonicalKey === undefined) {
        // [S3-PUBLIC]: only the listed keys make a policy non-public (aws:SecureTransport, aws:Referer,
        // aws:UserAgent, aws:CurrentTime ... limit how or when, not who).
        return { scopes: "no", note: `${key} does not limit who can call` };
    }
    if (NEGATED.has(op.base)) {
        // A negated operator matches everything outside the listed values, and is true when the key is
        // absent [IAM-OPS, "Important"].
        return { scopes: "no", note: `${op.name} is a negated operator and does not scope` };
    }
    if (op.ifExists) {
        // [IAM-OPS] "...IfExists": "If the key is not present, evaluate the condition element as true." A
        // request without the key (any request from outside AWS lacks aws:SourceVpce, aws:SourceArn ...) passes.
        return { scopes: "no", note: `${op.name} passes when ${key} is absent from the request, so it does not scope` };
    }
    if (op.forAllValues) {
        // [IAM-MULTI] ForAllValues "also returns true if there are no context keys in the request".
        // ForAnyValue returns false when the key is absent, so it scopes like the plain operator.
        return { scopes: "no", note: `${op.name} passes when ${key} is absent from the request (ForAllValues), so it does not scope` };
    }
    const isSourceIp = canonicalKey === "aws:SourceIp";
    if (isSourceIp ? op.base !== "IpAddress" : !STRING_MATCH.has(op.base)) {
        return { scopes: "no", note: `${op.name} cannot pin ${key} to fixed values` };
    }

    let sawUnknown = false;
    for (const v of values) {
        if (holdsUnknown(v)) {
            sawUnknown = true;
            continue;
        }
        if (isSourceIp) {
            // Already validated by validateIpValues; here only the size matters.
            const parsed = parseCidrOrAddress(v);
            if (parsed.ok && isBroaderThanAwsPublicThreshold(parsed.range)) {
                const limit = parsed.range.family === "ipv4" ? "/8" : "/32";
                return { scopes: "no", note: `${key} ${v} is broader than ${limit}` };
            }
            continue;
        }
        if (v.includes("${")) {
            // [S3-PUBLIC]: fixed values contain no "IAM Policy Variable" [IAM-VARS]. The ${*} ${?} ${$}
            // escapes are treated as variables too (conservative: they only ever appear in patterns).
            return { scopes: "no", note: `${key} uses policy variable ${render(v)}` };
        }
        if (v.includes("*") || v.includes("?")) {
            if (canonicalKey === "s3:DataAccessPointArn") {
                if (options.accessPointContext) {
                    return { scopes: "no", note: `${key} uses wildcard ${render(v)}, which makes an access point policy public` };
                }
                if (ACCESS_POINT_ARN.test(v)) {
                    continue; // only the access point name is wildcarded, account fixed: allowed in a bucket policy
                }
                return { scopes: "no", note: `${key} uses ${op.name} with wildcard ${render(v)} outside the access point name` };
            }
            if (canonicalKey === "aws:userid" && /^[A-Za-z0-9]+:\*$/.test(v)) {
                return { scopes: "no", note: `aws:userid ${render(v)} matches the "AROLEID:*" pattern (any session of a role)` };
            }
            // Any * or ? counts as a wildcard, whatever the operator: [S3-PUBLIC] speaks of values that
            // "don't contain a wildcard", and ArnEquals matches wildcards like ArnLike [IAM-OPS].
            return { scopes: "no", note: `${key} uses ${op.name} with wildcard ${render(v)}` };
        }
    }
    if (sawUnknown) return { scopes: "unknown", note: `${key} value is unknown` };
    return { scopes: "yes" };
}

/** IpAddress / NotIpAddress values must be addresses or CIDRs whatever the statement's effect. */
function validateIpValues(op: ParsedOperator, key: string, values: string[], at: string): void {
    if (op.base !== "IpAddress" && op.base !== "NotIpAddress") return;
    for (const v of values) {
        if (holdsUnknown(v)) continue;
        const parsed = parseCidrOrAddress(v);
        if (!parsed.ok) throw new MalformedError(`${at} Condition ${op.name} ${key}: ${parsed.reason}`);
    }
}

type ConditionResult =
    | { scoped: "yes" }
    /** why: the reason it does not scope, shown in the finding of a public statement. */
    | { scoped: "no"; why: string }
    /** detail: what is unknown, shown when the statement cannot be decided yet. */
    | { scoped: "unknown"; detail: string };

/**
 * The statement is scoped when ANY entry pins a scoping key to fixed values: operators and keys in a
 * Condition block are ANDed [IAM-COND], so one fixed scoping key limits the whole statement. Values of one
 * key are ORed, so every value must be fixed.
 */
function analyzeCondition(condition: unknown, at: string, options: AnalyzeOptions): ConditionResult {
    if (condition === undefined) return { scoped: "no", why: "no Condition" };
    if (isUnknown(condition)) return { scoped: "unknown", detail: `${at} Condition is unknown` };
    if (!isObject(condition)) {
        throw new MalformedError(`${at} Condition must be an object, got ${describe(condition)}`);
    }
    const operators = Object.keys(condition);
    if (operators.length === 0) return { scoped: "no", why: "empty Condition" };

    const notes: string[] = [];
    const unknowns: string[] = [];
    let scoped = false;
    for (const name of operators) {
        const op = parseOperator(name, at);
        const block = condition[name];
        if (isUnknown(block)) {
            unknowns.push(`${at} Condition ${name} is unknown`);
            continue;
        }
        if (!isObject(block)) {
            throw new MalformedError(`${at} Condition ${name} must be an object of condition keys, got ${describe(block)}`);
        }
        const keys = Object.keys(block);
        if (keys.length === 0) throw new MalformedError(`${at} Condition ${name} has no condition keys`);
        for (const key of keys) {
            const values = conditionValues(block[key], at, name, key);
            validateIpValues(op, key, values, at);
            const r = analyzeEntry(op, key, values, options);
            if (r.scopes === "yes") scoped = true;
            else if (r.scopes === "unknown") unknowns.push(`${at} Condition ${name} ${r.note}`);
            else notes.push(r.note);
        }
    }
    if (scoped) return { scoped: "yes" };
    if (unknowns.length > 0) return { scoped: "unknown", detail: unknowns.join("; ") };
    return { scoped: "no", why: notes.join("; ") };
}

// ---------------------------------------------------------------------------------------------------
// Statement

type StatementResult =
    | { kind: "public"; statement: PublicStatement }
    | { kind: "not-public" }
    | { kind: "unknown"; detail: string };

function renderActions(stmt: Record<string, unknown>): string {
    if (hasOwn(stmt, "Action")) return render(stmt.Action);
    if (hasOwn(stmt, "NotAction")) return `NotAction ${render(stmt.NotAction)}`;
    return "(no Action)";
}

function analyzeStatement(stmt: unknown, index: number, single: boolean, options: AnalyzeOptions): StatementResult {
    const at = where(index, single);
    if (isUnknown(stmt)) return { kind: "unknown", detail: `${at} is unknown` };
    if (!isObject(stmt)) throw new MalformedError(`${at} must be an object, got ${describe(stmt)}`);

    // Effect: required, exactly "Allow" or "Deny" ("The Effect value is case sensitive" [IAM-EFFECT]).
    if (!hasOwn(stmt, "Effect")) throw new MalformedError(`${at} has no Effect`);
    const effect = stmt.Effect;
    let effectIs: "Allow" | "Deny" | "unknown";
    if (isUnknown(effect)) effectIs = "unknown";
    else if (effect === "Allow" || effect === "Deny") effectIs = effect;
    else throw new MalformedError(`${at} has Effect ${render(effect)}; AWS accepts only "Allow" or "Deny" (case-sensitive)`);

    const hasPrincipal = hasOwn(stmt, "Principal");
    const hasNotPrincipal = hasOwn(stmt, "NotPrincipal");
    if (hasPrincipal && hasNotPrincipal) throw new MalformedError(`${at} has both Principal and NotPrincipal`);

    // Shapes are checked for Deny statements too: AWS rejects the whole document either way.
    let principal: PrincipalResult | undefined;
    if (hasPrincipal) principal = analyzePrincipal(stmt.Principal, at);
    else if (hasNotPrincipal) principal = analyzeNotPrincipal(stmt.NotPrincipal, at);
    const condition = analyzeCondition(stmt.Condition, at, options);

    if (principal === undefined) {
        // A resource policy must name its principal, in a Deny too [IAM-PRINCIPAL: "You must use the Principal
        // element in resource-based policies"]; AWS refuses the document.
        throw new MalformedError(`${at} has neither Principal nor NotPrincipal; a resource policy must name who it applies to`);
    }
    // Only Allow can grant access; Deny never makes a policy public [S3-PUBLIC].
    if (effectIs === "Deny") return { kind: "not-public" };
    if (principal.isPublic === "no" || condition.scoped === "yes") return { kind: "not-public" };

    const unknownParts: string[] = [];
    if (effectIs === "unknown") unknownParts.push(`${at} Effect is unknown`);
    if (principal.isPublic === "unknown") unknownParts.push(`${at} Principal is unknown`);
    if (condition.scoped === "unknown") return { kind: "unknown", detail: [...unknownParts, condition.detail].join("; ") };
    if (unknownParts.length > 0) return { kind: "unknown", detail: unknownParts.join("; ") };

    const sid = typeof stmt.Sid === "string" && !isUnknown(stmt.Sid) ? stmt.Sid : undefined;
    return {
        kind: "public",
        statement: {
            index,
            ...(sid !== undefined ? { sid } : {}),
            principal: principal.rendering,
            actions: renderActions(stmt),
            why: condition.why,
        },
    };
}

// ---------------------------------------------------------------------------------------------------
// Document

/**
 * Decides whether a policy document (a JSON string, as pulumi.jsonStringify / JSON.stringify /
 * aws.iam.getPolicyDocument produce, or an already-parsed object) is public as AWS defines it.
 * Never throws.
 */
export function analyzePolicyDocument(doc: unknown, options: AnalyzeOptions = {}): DocumentVerdict {
    try {
        return analyze(doc, options ?? {});
    } catch (e) {
        if (e instanceof MalformedError) return { kind: "malformed", reason: e.message };
        // Getters that throw, proxies, stack exhaustion: the document cannot be read.
        let message: string;
        try {
            message = e instanceof Error ? e.message : String(e);
        } catch {
            message = "unreadable error";
        }
        return { kind: "malformed", reason: `the policy document could not be read: ${truncate(message)}` };
    }
}

function analyze(doc: unknown, options: AnalyzeOptions): DocumentVerdict {
    let value: unknown = doc;
    if (typeof value === "string") {
        if (isUnknown(value)) return { kind: "unknown", detail: "the policy document is unknown at preview" };
        if (value.trim() === "") return { kind: "malformed", reason: "the policy document is an empty string" };
        try {
            value = JSON.parse(value);
        } catch (e) {
            return { kind: "malformed", reason: `the policy document is not valid JSON: ${truncate((e as Error).message)}` };
        }
    }
    value = unwrapProxy(value);
    if (isUnknown(value)) return { kind: "unknown", detail: "the policy document is unknown at preview" };
    if (!isObject(value)) {
        return { kind: "malformed", reason: `the policy document must be a JSON object, got ${describe(value)}` };
    }
    if (!hasOwn(value, "Statement")) return { kind: "malformed", reason: "the policy document has no Statement" };
    const statement = value.Statement;
    if (isUnknown(statement)) return { kind: "unknown", detail: "Statement is unknown at preview" };

    let statements: unknown[];
    let single = false;
    if (Array.isArray(statement)) statements = statement;
    else if (isObject(statement)) {
        statements = [statement];
        single = true;
    } else {
        return { kind: "malformed", reason: `Statement must be an object or an array of objects, got ${describe(statement)}` };
    }

    const found: PublicStatement[] = [];
    const unknowns: string[] = [];
    for (let i = 0; i < statements.length; i++) {
        const r = analyzeStatement(statements[i], i, single, options);
        if (r.kind === "public") found.push(r.statement);
        else if (r.kind === "unknown") unknowns.push(r.detail);
    }
    // One public statement makes the whole policy public [S3-PUBLIC, worked example]. A statement that
    // cannot be decided yet only matters when nothing known is public.
    if (found.length > 0) return { kind: "public", statements: found };
    if (unknowns.length > 0) return { kind: "unknown", detail: truncate(unknowns.join("; "), 1000) };
    return { kind: "not-public" };
}
