// S3 semantics shared by several rules. Source: S3 User Guide, "Access control list (ACL) overview"
// (canned ACLs, predefined groups) and "Blocking public access to your Amazon S3 storage".

import { enumEquals } from "./props";

/** Canned ACLs that grant to the AllUsers or AuthenticatedUsers group. */
export const PUBLIC_CANNED_ACLS: ReadonlyMap<string, string> = new Map([
    ["public-read", "grants READ to AllUsers (anyone on the internet)"],
    ["public-read-write", "grants READ and WRITE to AllUsers (anyone on the internet)"],
    ["authenticated-read", "grants READ to AuthenticatedUsers (any AWS account)"],
]);

/** Every canned ACL S3 accepts. */
export const CANNED_ACLS: readonly string[] = [
    "private",
    "public-read",
    "public-read-write",
    "aws-exec-read",
    "authenticated-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
    "log-delivery-write",
];

export type CannedAclVerdict = { kind: "public"; why: string } | { kind: "private" } | { kind: "unrecognised" };

export function classifyCannedAcl(acl: string): CannedAclVerdict {
    const canned = CANNED_ACLS.find((c) => enumEquals(c, acl));
    if (canned === undefined) {
        return { kind: "unrecognised" };
    }
    const why = PUBLIC_CANNED_ACLS.get(canned);
    return why ? { kind: "public", why } : { kind: "private" };
}

const PUBLIC_GROUPS: ReadonlyArray<[suffix: string, label: string]> = [
    ["acs.amazonaws.com/groups/global/allusers", "AllUsers (anyone on the internet)"],
    ["acs.amazonaws.com/groups/global/authenticatedusers", "AuthenticatedUsers (any AWS account)"],
];

/** The public group a grantee URI names, if any (http://acs.amazonaws.com/groups/global/AllUsers ...). */
export function publicGroupOf(uri: string): string | undefined {
    const normalised = uri.trim().toLowerCase();
    return PUBLIC_GROUPS.find(([suffix]) => normalised.endsWith(suffix))?.[1];
}

/** The four flags of a public access block; the Pulumi resources default every one to false. */
export const PUBLIC_ACCESS_BLOCK_FLAGS = [
    "blockPublicAcls",
    "ignorePublicAcls",
    "blockPublicPolicy",
    "restrictPublicBuckets",
] as const;
