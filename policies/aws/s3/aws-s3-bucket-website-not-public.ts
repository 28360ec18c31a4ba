import { readBlockFlags, type BlockFlag, type FlagState } from "../../lib/aws-storage";
import { isObject } from "../../lib/props";
import { showValue, type Finding, type StackRule } from "../../lib/rule";
import type { StackGraph, StackNode } from "../../lib/stack-graph";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

// Website hosting on a bucket (docs/aws-tokens.md §6). The decision, exactly:
//
//   A website configuration is a violation unless the bucket it serves is covered by a FULL public access
//   block: each of the four flags true on the bucket's own aws.s3.BucketPublicAccessBlock or on an
//   aws.s3.AccountPublicAccessBlock in the same stack ("Amazon S3 applies the most restrictive combination
//   of the access point, bucket, and account settings" [S3 Blocking public access]).
//
// Why the block alone decides: S3 website endpoints serve only anonymous requests ("Website endpoints":
// they do not support authenticated requests), so a website serves exactly what the bucket's ACLs and
// policy make public. With all four flags on, public ACLs are ignored and public policies restricted
// (ignorePublicAcls, restrictPublicBuckets) and new ones refused (blockPublicAcls, blockPublicPolicy): the
// website cannot expose anything, whatever the ACL or policy says. Without a full block, the bucket is
// either public already (a public ACL or policy: flagged on its own resource by aws-s3-bucket-acl-not-public
// and aws-s3-bucket-policy-not-public) or one ACL / policy change away from it, and the website is the
// intent to publish: a violation in both cases.
//
// Website configurations: aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration and its V2 token
// (`bucket` = the bucket name; linked by propertyDependencies, dependencies, then the known name), inline
// `website` (an object) on aws:s3/bucket:Bucket and `websites` (an array) on aws:s3/bucketV2:BucketV2.
// Blocks: a flag omitted on a BucketPublicAccessBlock / AccountPublicAccessBlock is false (provider
// default); an unknown flag fails closed. An account block counts for every bucket of the stack (a
// stack that targets several accounts with one account block is not told apart).

const BUCKETS = awsTypes("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2");
const BLOCKS = awsTypes("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
const ACCOUNT_BLOCKS = awsTypes("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
const WEBSITES = awsTypes(
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
);

const EXPOSURE =
    "S3 website endpoints serve anonymous requests, so the bucket's content is public as soon as an ACL or " +
    "bucket policy allows reads, and nothing in the program prevents that";

type Coverage = { kind: "full" } | { kind: "none" } | { kind: "partial"; gaps: string[]; unknownOnly: boolean };

/** The effective block of a bucket: each flag on if any of its blocks or an account block turns it on. */
function coverage(blocks: readonly StackNode[], accountBlocks: readonly StackNode[]): Coverage {
    if (blocks.length === 0 && accountBlocks.length === 0) {
        return { kind: "none" };
    }
    const states: FlagState[][] = [...blocks, ...accountBlocks].map((b) => readBlockFlags(b.props, false));
    const gaps: string[] = [];
    let unknownOnly = true;
    const flags = states[0].map((s) => s.flag);
    flags.forEach((flag: BlockFlag, i) => {
        const all = states.map((s) => s[i]);
        if (all.some((s) => s.state === "on")) {
            return;
        }
        if (all.some((s) => s.state === "unknown")) {
            gaps.push(`${flag} (unknown during preview)`);
            return;
        }
        unknownOnly = false;
        const s = all[0];
        gaps.push(`${flag} (${s.state === "omitted-off" ? "omitted, so false" : s.state === "invalid" ? `invalid: ${showValue(s.raw)}` : "false"})`);
    });
    return gaps.length === 0 ? { kind: "full" } : { kind: "partial", gaps, unknownOnly };
}

function finding(urn: string, what: string, bucketLabel: string, c: Coverage, hasBucketBlock: boolean): Finding[] {
    if (c.kind === "full") {
        return [];
    }
    if (c.kind === "none") {
        return [{
            urn,
            message:
                `${what} hosts a static website on ${bucketLabel}, which has no BucketPublicAccessBlock (and there is no ` +
                `AccountPublicAccessBlock) in this stack: ${EXPOSURE}.`,
        }];
    }
    const which = hasBucketBlock ? "its public access block" : "the account public access block";
    return [{
        urn,
        unknown: c.unknownOnly,
        message: `${what} hosts a static website on ${bucketLabel}, and ${which} leaves ${c.gaps.join(", ")} off: ${EXPOSURE}.`,
    }];
}

/** Inline website on a bucket: "yes", "no" or "unknown". */
function inlineWebsite(bucket: StackNode): "yes" | "no" | "unknown" {
    const key = bucket.type === "aws:s3/bucketV2:BucketV2" ? "websites" : "website";
    const raw = bucket.props[key];
    if (raw === undefined || raw === null) return "no";
    if (isUnknown(raw)) return "unknown";
    if (Array.isArray(raw)) return raw.some((w) => w !== null && w !== undefined && !(isObject(w) && Object.keys(w).length === 0)) ? "yes" : "no";
    if (isObject(raw)) return Object.values(raw).some((v) => v !== null && v !== undefined) ? "yes" : "no";
    return "yes"; // a value of another type: the provider would reject it; fail closed
}

function evaluate(stack: StackGraph): Finding[] {
    const blocksByBucket = new Map<string, StackNode[]>();
    const blocksByName = new Map<string, StackNode[]>();
    for (const block of stack.ofType(BLOCKS)) {
        for (const bucket of stack.linked(block, "bucket", BUCKETS, ["id", "bucket"])) {
            blocksByBucket.set(bucket.urn, [...(blocksByBucket.get(bucket.urn) ?? []), block]);
        }
        const name = block.props.bucket;
        if (typeof name === "string" && !isUnknown(name)) {
            blocksByName.set(name, [...(blocksByName.get(name) ?? []), block]);
        }
    }
    const accountBlocks = stack.ofType(ACCOUNT_BLOCKS);
    const findings: Finding[] = [];

    for (const website of stack.ofType(WEBSITES)) {
        const what = `${website.type.split(":").pop()} "${website.name}"`;
        const buckets = stack.linked(website, "bucket", BUCKETS, ["id", "bucket"]);
        if (buckets.length > 0) {
            for (const bucket of buckets) {
                const blocks = blocksByBucket.get(bucket.urn) ?? [];
                findings.push(...finding(website.urn, what, `bucket "${bucket.name}"`, coverage(blocks, accountBlocks), blocks.length > 0));
            }
            continue;
        }
        // The bucket is not in this stack: look for a block on the same known bucket name.
        const name = website.props.bucket;
        const known = typeof name === "string" && !isUnknown(name) ? name : undefined;
        const blocks = known === undefined ? [] : (blocksByName.get(known) ?? []);
        const label = known === undefined ? "a bucket the pack cannot identify (its `bucket` is unknown and not linked)" : `bucket "${known}"`;
        findings.push(...finding(website.urn, what, label, coverage(blocks, accountBlocks), blocks.length > 0));
    }

    for (const bucket of stack.ofType(BUCKETS)) {
        const inline = inlineWebsite(bucket);
        if (inline === "no") {
            continue;
        }
        const key = bucket.type === "aws:s3/bucketV2:BucketV2" ? "websites" : "website";
        const blocks = blocksByBucket.get(bucket.urn) ?? [];
        const c = coverage(blocks, accountBlocks);
        const what = inline === "yes" ? `The inline \`${key}\` of bucket "${bucket.name}"` : `The inline \`${key}\` of bucket "${bucket.name}" (unknown during preview, so possibly)`;
        const found = finding(bucket.urn, what, "it", c, blocks.length > 0);
        findings.push(...(inline === "unknown" ? found.map((f) => ({ ...f, unknown: true })) : found));
    }
    return findings;
}

export const awsS3BucketWebsiteNotPublic: StackRule = {
    kind: "stack",
    name: "aws-s3-bucket-website-not-public",
    description:
        "An S3 bucket that hosts a static website must be covered by a public access block with all four flags " +
        "true (its own, or the account's in the same stack), so that the website endpoint cannot serve its data.",
    severity: "critical",
    remediationSteps:
        "Do not host websites on buckets that hold data: remove the website configuration and serve the content " +
        "through CloudFront with an origin access control from a private bucket. A bucket that keeps a website " +
        "configuration needs an aws.s3.BucketPublicAccessBlock with blockPublicAcls, ignorePublicAcls, " +
        "blockPublicPolicy and restrictPublicBuckets all true (the website then serves nothing anonymously).",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html",
    catalog: "AWS: Website hosting on a bucket holding data",
    check: evaluate,
};
