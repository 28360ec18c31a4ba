// An AnalyzeStack that comes before any Analyze (the exemptions policy has not read its list yet): nothing is
// exempted and nothing crashes; once a resource has been analyzed, the same stack finding is exempted. Its
// own file: one served pack per process, and the exemption list is read once per pack process.

import { afterAll, beforeAll, expect, it } from "vitest";
import type { AnalyzerSession } from "../../cli/engine";
import { toPolicies } from "../../policies/lib/policy-adapter";
import type { StackRule } from "../../policies/lib/rule";
import { awsTypes } from "../../policies/lib/type-tokens";
import { BUCKET, bucket, serveInProcess } from "../served-pack";

const stackAcl: StackRule = {
    kind: "stack",
    name: "rule-stack",
    description: "No public bucket in the stack.",
    severity: "high",
    remediationSteps: "fix",
    url: "https://example.test",
    catalog: "test",
    check: (stack) => stack.ofType(awsTypes(BUCKET)).flatMap((n) => (n.props.acl === "public-read" ? [{ urn: n.urn, message: `${n.name} is public-read.` }] : [])),
};

const exemption = {
    policies: ["rule-stack"],
    resources: ["exempt-me"],
    reason: "Marketing images for the public web site",
    approvedBy: "security@example.com",
    expires: "2999-12-31",
};

let session: AnalyzerSession;

beforeAll(async () => {
    session = await serveInProcess(toPolicies([stackAcl]), { "customer-data-guard-exemptions": { properties: { exemptions: [exemption] } } });
});

afterAll(() => session?.close());

const resources = [bucket("exempt-me", "public-read")];
const byUrn = new Map(resources.map((r) => [r.urn, r]));

it("before any Analyze, the stack finding is reported: an exemption list not yet read exempts nothing", async () => {
    const out = await session.analyzeStack(resources, byUrn);
    expect(out.diagnostics.map((d) => [d.policyName, d.message])).toEqual([["rule-stack", "No public bucket in the stack.\nexempt-me is public-read."]]);
    expect(out.notApplicable).toEqual([]);
});

it("after an Analyze has read the list, the same finding is exempted", async () => {
    await session.analyzeResource(resources[0], byUrn);
    const out = await session.analyzeStack(resources, byUrn);
    expect(out.diagnostics).toEqual([]);
    expect(out.notApplicable.map((n) => n.policyName)).toEqual(["rule-stack"]);
});
