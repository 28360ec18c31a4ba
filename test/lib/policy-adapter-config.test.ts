// The adapter with the platform team's config, through @pulumi/policy's real gRPC server started in this
// process: the engine's Configure sets the exemptions and `unknownValues`, then Analyze and AnalyzeStack
// report, exempt or downgrade findings. (The e2e tests do the same through the runner and a pack process;
// this one runs in-process so that mutation testing sees it.)

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CapturedResource } from "../../cli/captured";
import type { AnalyzerSession } from "../../cli/engine";
import { EXEMPTIONS_POLICY } from "../../policies/lib/exemptions";
import { toPolicies } from "../../policies/lib/policy-adapter";
import { unknownSwitchFinding, type ResourceRule, type StackRule } from "../../policies/lib/rule";
import { awsTypes } from "../../policies/lib/type-tokens";
import { isUnknown, UNKNOWN_STRING as UNKNOWN } from "../../policies/lib/unknown";
import { BUCKET, bucket, serveInProcess } from "../served-pack";

const meta = { severity: "high", remediationSteps: "fix", url: "https://example.test", catalog: "test" } as const;

/** Flags a public-read bucket (twice when `twice` is set); an unknown ACL is an unknown switch. */
const bucketAcl: ResourceRule = {
    ...meta,
    kind: "resource",
    name: "rule-acl",
    description: "Buckets are private.",
    appliesTo: awsTypes(BUCKET),
    check: ({ props }) => {
        if (isUnknown(props.acl)) return [unknownSwitchFinding("acl", "the bucket is public")];
        if (props.acl !== "public-read") return [];
        return props.twice ? [{ message: "ACL is public-read." }, { message: "ACL grants AllUsers." }] : [{ message: "ACL is public-read." }];
    },
};

/** The same check on two tokens: no typed fast path. */
const anyBucketAcl: ResourceRule = { ...bucketAcl, name: "rule-acl-any", appliesTo: awsTypes(BUCKET, "aws:s3/bucketV2:BucketV2") };

/** The first stack rule, so the leader that evaluates all of them; disabled by the config below. */
const leader: StackRule = {
    ...meta,
    kind: "stack",
    name: "rule-leader",
    description: "Disabled leader.",
    check: (stack) => stack.ofType(awsTypes(BUCKET)).map((n) => ({ urn: n.urn, message: "flagged by the leader" })),
};

/** Flags every public-read bucket of the stack, by URN; an unknown ACL is an unknown switch. */
const stackAcl: StackRule = {
    ...meta,
    kind: "stack",
    name: "rule-stack",
    description: "No public bucket in the stack.",
    check: (stack) =>
        stack.ofType(awsTypes(BUCKET)).flatMap((n) =>
            isUnknown(n.props.acl)
                ? [unknownSwitchFinding("acl", "the bucket is public", n.urn)]
                : n.props.acl === "public-read" ? [{ urn: n.urn, message: `${n.name} is public-read.` }] : [],
        ),
};

const active = {
    policies: ["rule-acl", "rule-stack"],
    resources: ["exempt-me", "also-exempt"],
    reason: "Marketing images for the public web site",
    approvedBy: "security@example.com",
    expires: "2999-12-31",
};
const expired = {
    policies: ["*"],
    resources: ["urn:pulumi:dev::adapter::aws:s3/bucket:Bucket::expired-*"],
    reason: "Temporary public share for a vendor demo",
    approvedBy: "security@example.com",
    expires: "2020-01-31",
};

let session: AnalyzerSession;

beforeAll(async () => {
    session = await serveInProcess(toPolicies([bucketAcl, anyBucketAcl, leader, stackAcl]), {
        // The policy's name as users write it in their config (README), not the constant: it is the contract.
        "customer-data-guard-exemptions": { properties: { exemptions: [active, expired] } },
        "rule-acl": { properties: { unknownValues: "warn" } },
        "rule-leader": { enforcementLevel: "disabled" },
    });
});

afterAll(() => session?.close());

const analyze = async (r: CapturedResource) => {
    const out = await session.analyzeResource(r, new Map([[r.urn, r]]));
    return {
        diagnostics: out.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message]),
        notApplicable: out.notApplicable.map((n) => [n.policyName, n.reason]),
    };
};

const EXEMPTED = 'exempt-me exempted: "Marketing images for the public web site" (approved by security@example.com, until 2999-12-31)';
const EXPIRED_NOTE =
    '\nAn exemption covered this until 2020-01-31 and has expired: "Temporary public share for a vendor demo" (approved by security@example.com, until 2020-01-31).';

describe("exemptions from the policy pack config", () => {
    it("an active exemption turns the finding into 'not applicable' with its evidence, once per resource", async () => {
        const out = await analyze(bucket("exempt-me", "public-read", true));
        // rule-acl-any is not exempted: the exemption names rule-acl and rule-stack only.
        expect(out.diagnostics).toEqual([
            ["rule-acl-any", "mandatory", "Buckets are private.\nACL is public-read."],
            ["rule-acl-any", "mandatory", "Buckets are private.\nACL grants AllUsers."],
        ]);
        expect(out.notApplicable).toEqual([["rule-acl", EXEMPTED]]);
    });

    it("an expired exemption applies no more, and the violation says since when", async () => {
        const out = await analyze(bucket("expired-share", "public-read"));
        expect(out.diagnostics).toEqual([
            ["rule-acl", "mandatory", `Buckets are private.\nACL is public-read.${EXPIRED_NOTE}`],
            ["rule-acl-any", "mandatory", `Buckets are private.\nACL is public-read.${EXPIRED_NOTE}`],
        ]);
    });

    it("a resource no exemption names is reported plainly", async () => {
        const out = await analyze(bucket("other", "public-read"));
        expect(out.diagnostics).toEqual([
            ["rule-acl", "mandatory", "Buckets are private.\nACL is public-read."],
            ["rule-acl-any", "mandatory", "Buckets are private.\nACL is public-read."],
        ]);
        expect(out.notApplicable.filter(([name]) => name === "rule-acl" || name === "rule-acl-any")).toEqual([]);
    });

    // rule-stack follows a disabled leader, so it evaluates the stack itself (the leader never ran in this process).
    it("stack findings are exempted the same way, by each finding's URN", async () => {
        const resources = [bucket("exempt-me", "public-read"), bucket("other", "public-read"), bucket("expired-share", "public-read"), bucket("also-exempt", "public-read")];
        const out = await session.analyzeStack(resources, new Map(resources.map((r) => [r.urn, r])));
        expect(out.diagnostics.map((d) => [d.policyName, d.urn.split("::").pop(), d.message])).toEqual([
            ["rule-stack", "other", "No public bucket in the stack.\nother is public-read."],
            ["rule-stack", "expired-share", `No public bucket in the stack.\nexpired-share is public-read.${EXPIRED_NOTE}`],
        ]);
        expect(out.notApplicable.map((n) => [n.policyName, n.reason])).toEqual([
            ["rule-stack", `${EXEMPTED}; ${EXEMPTED.replace("exempt-me", "also-exempt")}`],
        ]);
    });
});

describe("unknownValues", () => {
    it("warn (set for rule-acl) makes an unknown switch a warning; rules left at the default still fail", async () => {
        const out = await analyze(bucket("other", UNKNOWN));
        expect(out.diagnostics.map(([name, level]) => [name, level])).toEqual([
            ["rule-acl", "advisory"],
            ["rule-acl-any", "mandatory"],
        ]);
    });

    it("warn does not soften a known violation", async () => {
        const out = await analyze(bucket("other", "public-read"));
        expect(out.diagnostics.map(([name, level]) => [name, level])).toEqual([
            ["rule-acl", "mandatory"],
            ["rule-acl-any", "mandatory"],
        ]);
    });
});

describe("the typed fast path", () => {
    it("a rule on one exact token, and the exemptions policy once it has read its list, are skipped for other types by @pulumi/policy", async () => {
        await analyze(bucket("warm-up"));
        const queue: CapturedResource = { ...bucket("q"), type: "aws:sqs/queue:Queue", urn: "urn:pulumi:dev::adapter::aws:sqs/queue:Queue::q" };
        const out = await analyze(queue);
        expect(out.diagnostics).toEqual([]);
        expect(out.notApplicable).toEqual([
            [EXEMPTIONS_POLICY, "Policy only applies to resources of type 'customer-data-guard:index:NotAResourceType'"],
            ["rule-acl", `Policy only applies to resources of type '${BUCKET}'`],
        ]);
    });
});
