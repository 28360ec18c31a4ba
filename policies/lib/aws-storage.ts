// Semantics shared by the AWS storage rules (S3 ACLs, public access blocks, S3 endpoints, and resource
// policies of data stores). Pure: no Pulumi or AWS imports, never throws.
//
// Sources:
//   [S3-ACL]    S3 User Guide, "Access control list (ACL) overview" (canned ACLs, predefined groups, and
//               "When you create a bucket or an object, Amazon S3 creates a default ACL that grants the
//               resource owner full control"): https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
//   [S3-BPA]    S3 User Guide, "Blocking public access to your Amazon S3 storage" (the four settings; "Amazon
//               S3 applies the most restrictive combination of the access point, bucket, and account
//               settings"): https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
//   [S3-WEB]    S3 User Guide, "Website endpoints" (website endpoints serve only publicly readable content
//               and "do not support HTTPS"): https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html
//   [S3-EP]     AWS General Reference, "Amazon S3 endpoints and quotas" (REST and website endpoint names):
//               https://docs.aws.amazon.com/general/latest/gr/s3.html
//   [KMS-KEYS]  AWS KMS Developer Guide, "AWS KMS condition keys", kms:CallerAccount ("the AWS account that
//               owns the principal making the request"): https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account

import { analyzePolicyDocument, type AnalyzeOptions } from "./iam-policy";
import { classifyCannedAcl, PUBLIC_ACCESS_BLOCK_FLAGS, publicGroupOf } from "./aws-s3";
import { policyDocumentFindings } from "./policy-document-findings";
import { boolField, isObject, stringField, type Field } from "./props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding } from "./rule";
import { isUnknown } from "./unknown";

// ---- ACLs ---------------------------------------------------------------------------------------

/**
 * A canned ACL field (`acl`). Absent means S3's default ACL, which grants the owner full control and
 * nobody else [S3-ACL]: the bucket and object resources document "Defaults to `private`".
 */
export function cannedAclFindings(field: Field<string>, path: string, consequence: string): Finding[] {
    switch (field.state) {
        case "absent":
            return [];
        case "unknown":
            return [unknownSwitchFinding(path, consequence)];
        case "invalid":
            return [invalidFieldFinding(path, field.raw, field.expected, consequence)];
        case "known": {
            const verdict = classifyCannedAcl(field.value);
            if (verdict.kind === "public") {
                return [{ message: `\`${path}\` is "${field.value}", which ${verdict.why}. Use "private".` }];
            }
            if (verdict.kind === "unrecognised") {
                return [invalidFieldFinding(path, field.value, "a canned ACL S3 accepts", consequence)];
            }
            return [];
        }
    }
}

/**
 * A grants list. Shapes: `[{ type, uri, id, permissions }]` (inline Bucket / BucketV2 grants, ObjectCopy
 * grants: the uri sits on the grant) and `[{ grantee: { type, uri, id }, permission }]` (BucketAcl:
 * `granteeOf` picks the grantee). A grant to the AllUsers or AuthenticatedUsers group is public [S3-ACL].
 */
export function grantFindings(
    grants: Field<unknown[]>,
    path: string,
    granteeOf: (grant: unknown) => unknown,
    consequence: string,
): Finding[] {
    if (grants.state === "absent") {
        return [];
    }
    if (grants.state === "unknown") {
        return [unknownSwitchFinding(path, consequence)];
    }
    if (grants.state === "invalid") {
        return [invalidFieldFinding(path, grants.raw, grants.expected, consequence)];
    }
    const findings: Finding[] = [];
    grants.value.forEach((grant, index) => {
        const grantPath = `${path}[${index}]`;
        if (isUnknown(grant)) {
            findings.push(unknownSwitchFinding(grantPath, consequence));
            return;
        }
        const grantee = granteeOf(grant);
        if (isUnknown(grantee)) {
            findings.push(unknownSwitchFinding(grantPath, consequence));
            return;
        }
        if (!isObject(grant) || !isObject(grantee)) {
            findings.push(invalidFieldFinding(grantPath, grant, "a grant object", consequence));
            return;
        }
        const uri = stringField(grantee, "uri");
        if (uri.state === "unknown") {
            findings.push(unknownSwitchFinding(`${grantPath}.uri`, consequence));
        } else if (uri.state === "invalid") {
            findings.push(invalidFieldFinding(`${grantPath}.uri`, uri.raw, uri.expected, consequence));
        } else if (uri.state === "known") {
            const group = publicGroupOf(uri.value);
            if (group) {
                const permissions = showValue(grant.permissions ?? grant.permission);
                findings.push({
                    message: `\`${grantPath}\` grants ${permissions} to ${group} (uri "${uri.value}"). Remove the grant.`,
                });
            }
        }
    });
    return findings;
}

// ---- public access block flags ------------------------------------------------------------------

export type BlockFlag = (typeof PUBLIC_ACCESS_BLOCK_FLAGS)[number];

/** What one flag of a public access block amounts to. */
export type FlagState =
    | { readonly flag: BlockFlag; readonly state: "on" | "off" | "omitted-off" | "omitted-on" | "unknown" }
    | { readonly flag: BlockFlag; readonly state: "invalid"; readonly raw: unknown; readonly expected: string };

/**
 * Reads the four flags of a public access block object. `omittedMeans` is the documented default:
 * false for aws.s3.BucketPublicAccessBlock and AccountPublicAccessBlock ("Defaults to `false`"), true for
 * an access point's and a multi-Region access point's block ("Defaults to `true`").
 */
export function readBlockFlags(block: unknown, omittedMeans: boolean): FlagState[] {
    return PUBLIC_ACCESS_BLOCK_FLAGS.map((flag): FlagState => {
        const field = boolField(block, flag);
        switch (field.state) {
            case "absent":
                return { flag, state: omittedMeans ? "omitted-on" : "omitted-off" };
            case "unknown":
                return { flag, state: "unknown" };
            case "invalid":
                return { flag, state: "invalid", raw: field.raw, expected: field.expected };
            case "known":
                return { flag, state: field.value ? "on" : "off" };
        }
    });
}

/**
 * Findings for a public access block whose flags must all be on. `prefix` is the property path of the
 * block object ("" when the flags are top-level properties), `what` names the guardrail in messages.
 */
export function blockFlagFindings(block: unknown, omittedMeans: boolean, prefix: string, extra = ""): Finding[] {
    const findings: Finding[] = [];
    for (const s of readBlockFlags(block, omittedMeans)) {
        const path = `${prefix}${s.flag}`;
        const consequence = `the ${s.flag} guardrail is on`;
        switch (s.state) {
            // Stryker disable next-line StringLiteral: a state no case matches pushes nothing, the same as this break
            case "on":
            // Stryker disable next-line StringLiteral: a state no case matches pushes nothing, the same as this break
            case "omitted-on":
                break;
            case "omitted-off":
                findings.push({ message: `\`${path}\` is omitted, and the resource defaults it to false. Set it to true.${extra}` });
                break;
            case "off":
                findings.push({ message: `\`${path}\` is false. Set it to true.${extra}` });
                break;
            case "unknown":
                findings.push(unknownSwitchFinding(path, consequence));
                break;
            case "invalid":
                findings.push(invalidFieldFinding(path, s.raw, s.expected, consequence));
                break;
        }
    }
    return findings;
}

// ---- S3 endpoints -------------------------------------------------------------------------------

/**
 * Website endpoints [S3-EP]: `<bucket>.s3-website-<region>.amazonaws.com` (older regions) and
 * `<bucket>.s3-website.<region>.amazonaws.com` (newer regions), `.amazonaws.com.cn` in China.
 */
const S3_WEBSITE_HOST = /^(.+)\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;

/**
 * REST endpoints [S3-EP] in virtual-hosted style, which is what a CloudFront S3 origin uses: the global
 * `<bucket>.s3.amazonaws.com`, regional `<bucket>.s3.<region>.amazonaws.com` and legacy
 * `<bucket>.s3-<region>.amazonaws.com`, dual-stack and FIPS forms, and the access point and Object
 * Lambda access point hosts (`<name>-<account>.s3-accesspoint.<region>.amazonaws.com`,
 * `...s3-object-lambda...`).
 */
const S3_REST_HOST =
    /^(.+)\.s3(?:-fips|-accesspoint|-accesspoint-fips|-object-lambda|-external-1)?(?:\.dualstack)?(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

export type S3Endpoint = { kind: "website" | "rest"; bucket: string } | undefined;

/** Which kind of S3 endpoint a host name is, if any (case-insensitive; a scheme or trailing dot is tolerated). */
export function classifyS3Endpoint(domain: string): S3Endpoint {
    const host = domain.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/[/:].*/, "").replace(/\.$/, "");
    const website = S3_WEBSITE_HOST.exec(host);
    if (website) {
        return { kind: "website", bucket: website[1] };
    }
    const rest = S3_REST_HOST.exec(host);
    if (rest) {
        return { kind: "rest", bucket: rest[1] };
    }
    return undefined;
}

// ---- resource policy documents ------------------------------------------------------------------

export interface ResourcePolicyOptions extends AnalyzeOptions {
    /**
     * The document is a KMS key policy: a fixed `kms:CallerAccount` scopes a statement like
     * `aws:PrincipalAccount` does. Both name the account of the calling principal [KMS-KEYS]; the
     * AWS-managed key policies grant `{"AWS": "*"}` limited by `kms:CallerAccount` + `kms:ViaService`, and
     * treating that as public would be a false positive (prowler#970). The shared analyzer only knows the
     * global keys, so the key is renamed to `aws:PrincipalAccount` before analysis and named back in the
     * messages.
     */
    kmsKeyPolicy?: boolean;
    /**
     * An optional inline property (Bucket.policy, Queue.policy, Secret.policy, AccessPoint.policy ...): an
     * empty string or an empty object `{}` means "no policy" (the provider documents `"{}"` as the way to
     * remove an access point's or a secret's policy).
     */
    inlineOptional?: boolean;
}

const CALLER_ACCOUNT = "kms:calleraccount";
const PRINCIPAL_ACCOUNT = "aws:principalaccount";

interface Rewritten {
    document: unknown;
    renamed: boolean;
    hadPrincipalAccount: boolean;
}

function rewriteConditionBlock(block: unknown, state: Rewritten): unknown {
    if (!isObject(block)) {
        return block;
    }
    const keys = Object.keys(block);
    const lower = keys.map((k) => k.toLowerCase());
    if (lower.includes(PRINCIPAL_ACCOUNT)) {
        state.hadPrincipalAccount = true;
        return block; // both keys in one block: leave it; a fixed aws:PrincipalAccount scopes on its own.
    }
    if (!lower.includes(CALLER_ACCOUNT)) {
        return block;
    }
    state.renamed = true;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
        out[key.toLowerCase() === CALLER_ACCOUNT ? "aws:PrincipalAccount" : key] = block[key];
    }
    return out;
}

function rewriteStatement(statement: unknown, state: Rewritten): unknown {
    if (!isObject(statement) || !isObject(statement.Condition)) {
        return statement;
    }
    const condition: Record<string, unknown> = {};
    for (const [operator, block] of Object.entries(statement.Condition)) {
        condition[operator] = rewriteConditionBlock(block, state);
    }
    return { ...statement, Condition: condition };
}

/** Renames kms:CallerAccount to aws:PrincipalAccount in every condition block (a copy; the input is not touched). */
export function rewriteKmsCallerAccount(document: unknown): Rewritten {
    const state: Rewritten = { document, renamed: false, hadPrincipalAccount: false };
    let value = document;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            // Not JSON (every unknown sentinel included): the string fails the object test below, and the
            // analyzer reports the JSON error on the original string.
        }
    }
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, "Statement")) {
        return state;
    }
    const statement = value.Statement;
    const rewritten = Array.isArray(statement)
        ? statement.map((s) => rewriteStatement(s, state))
        : rewriteStatement(statement, state);
    if (state.renamed) {
        state.document = { ...value, Statement: rewritten };
    }
    return state;
}

/** Is this value "no policy" for an optional inline property: "", whitespace, or `{}` (string or object)? */
export function isEmptyInlinePolicy(value: unknown): boolean {
    let parsed = value;
    if (typeof value === "string") {
        const text = value.trim();
        if (text === "") {
            return true;
        }
        try {
            parsed = JSON.parse(text);
        } catch {
            // Not JSON (every unknown sentinel included): a string, which is not an empty policy.
        }
    }
    return isObject(parsed) && Object.keys(parsed).length === 0;
}

export type PolicyVerdictKind = "public" | "not-public" | "unknown" | "malformed" | "absent";

/**
 * Findings for one resource-policy property, as policyDocumentFindings reports them (public -> violation
 * per statement with its evidence; malformed -> violation; wholly or partly unknown -> advisory "checked at
 * update time"), with the storage options above. Returns the verdict kind too, so that a rule can add
 * context (for example Secrets Manager's blockPublicPolicy).
 */
export function resourcePolicyFindings(
    document: unknown,
    field: string,
    options: ResourcePolicyOptions = {},
): { kind: PolicyVerdictKind; findings: Finding[] } {
    if (document === undefined || document === null) {
        return { kind: "absent", findings: [] };
    }
    if (options.inlineOptional && isEmptyInlinePolicy(document)) {
        return { kind: "absent", findings: [] };
    }
    const analyzeOptions: AnalyzeOptions = options.accessPointContext ? { accessPointContext: true } : {};
    let subject: unknown = document;
    let rename = false;
    if (options.kmsKeyPolicy) {
        const rewritten = rewriteKmsCallerAccount(document);
        subject = rewritten.document;
        rename = rewritten.renamed && !rewritten.hadPrincipalAccount;
    }
    const kind = analyzePolicyDocument(subject, analyzeOptions).kind;
    let findings = policyDocumentFindings(subject, field, analyzeOptions);
    if (rename) {
        findings = findings.map((f) => ({ ...f, message: f.message.split("aws:PrincipalAccount").join("kms:CallerAccount") }));
    }
    return { kind, findings };
}
