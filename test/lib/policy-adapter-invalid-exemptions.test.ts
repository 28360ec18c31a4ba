// An exemption list the engine's schema check lets through but the pack cannot use (a blank approver, a date
// that does not exist): the exemptions policy reports it, and nothing is exempted. Its own file: one served pack per process.

import { afterAll, beforeAll, expect, it } from "vitest";
import type { AnalyzerSession } from "../../cli/engine";
import { EXEMPTIONS_POLICY } from "../../policies/lib/exemptions";
import { toPolicies } from "../../policies/lib/policy-adapter";
import type { ResourceRule } from "../../policies/lib/rule";
import { awsTypes } from "../../policies/lib/type-tokens";
import { BUCKET, bucket, serveInProcess } from "../served-pack";

const bucketAcl: ResourceRule = {
    kind: "resource",
    name: "rule-acl",
    description: "Buckets are private.",
    severity: "high",
    remediationSteps: "fix",
    url: "https://example.test",
    catalog: "test",
    appliesTo: awsTypes(BUCKET),
    check: ({ props }) => (props.acl === "public-read" ? [{ message: "ACL is public-read." }] : []),
};

let session: AnalyzerSession;

beforeAll(async () => {
    const notADay = {
        policies: ["rule-acl"],
        resources: ["exempt-me"],
        reason: "Marketing images for the public web site",
        approvedBy: " ",
        expires: "2027-02-30",
    };
    session = await serveInProcess(toPolicies([bucketAcl]), { [EXEMPTIONS_POLICY]: { properties: { exemptions: [notADay] } } });
});

afterAll(() => session?.close());

it("reports the unusable list on the first resource, and exempts nothing", async () => {
    const r = bucket("exempt-me", "public-read");
    const out = await session.analyzeResource(r, new Map([[r.urn, r]]));
    expect(out.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message.split("\n").pop()])).toEqual([
        [EXEMPTIONS_POLICY, "mandatory", "The exemptions in the policy pack config cannot be used, so nothing is exempted: exemptions[0].approvedBy must name who approved it; exemptions[0].expires must be a real date, YYYY-MM-DD."],
        ["rule-acl", "mandatory", "ACL is public-read."],
    ]);
    expect(out.notApplicable).toEqual([]);
});

it("still exempts nothing on the next resource", async () => {
    const r = bucket("exempt-me", "public-read");
    const out = await session.analyzeResource(r, new Map([[r.urn, r]]));
    expect(out.diagnostics.map((d) => d.policyName)).toEqual(["rule-acl"]);
});
