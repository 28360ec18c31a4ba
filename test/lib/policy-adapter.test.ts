// The adapter through @pulumi/policy's real server functions: the single-pass evaluation of stack rules,
// per-rule reporting, unknown handling and a rule that throws.

import { describe, expect, it } from "vitest";
import { analyzeRequest, analyzeStackRequest, readDiagnostics, readNotApplicable } from "../../cli/protocol";
import { reconcilePolicyPackConfig, type PolicyDescription } from "../../cli/policy-config";
import type { CapturedResource } from "../../cli/captured";
import { EXEMPTIONS_POLICY, exemptionsSchema } from "../../policies/lib/exemptions";
import { configSchema, toPolicies } from "../../policies/lib/policy-adapter";
import type { ResourceRule, StackRule } from "../../policies/lib/rule";
import { unknownSwitchFinding } from "../../policies/lib/rule";
import { awsTypes } from "../../policies/lib/type-tokens";
import { captured, invoke } from "../harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

const meta = { description: "test requirement", severity: "high", remediationSteps: "fix", url: "https://example.test", catalog: "test" } as const;

/** A stack rule that flags every resource of one type, counting how often it runs. */
function flagsType(name: string, type: string, runs: { count: number }): StackRule {
    return {
        ...meta,
        kind: "stack",
        name,
        check(stack) {
            runs.count++;
            return stack.ofType(awsTypes(type)).map((n) => ({ urn: n.urn, message: `${n.name} flagged by ${name}` }));
        },
    };
}

function resource(type: string, name: string, props: Record<string, unknown> = {}): CapturedResource {
    return captured({ type, name, props }, `urn:pulumi:s::p::${type}::${name}`);
}

async function analyzeStack(policies: unknown[], resources: CapturedResource[]) {
    const fn = server.makeAnalyzeStackRpcFun("pack", "1.0.0", "mandatory", policies);
    const resp = await invoke(fn, analyzeStackRequest(resources, new Map(resources.map((r) => [r.urn, r]))));
    return { diagnostics: readDiagnostics(resp, "", "analyzeStack"), notApplicable: readNotApplicable(resp, "") };
}

describe("stack rules evaluated in one pass", () => {
    it("reports each rule's findings under its own name, and skips rules with nothing to report", async () => {
        const runs = { a: { count: 0 }, b: { count: 0 }, c: { count: 0 } };
        const policies = toPolicies([
            flagsType("rule-a", "aws:s3/bucket:Bucket", runs.a),
            flagsType("rule-b", "aws:rds/instance:Instance", runs.b),
            flagsType("rule-c", "aws:sqs/queue:Queue", runs.c),
        ]);
        const out = await analyzeStack(policies, [resource("aws:s3/bucket:Bucket", "b1"), resource("aws:sqs/queue:Queue", "q1")]);
        expect(out.diagnostics.map((d) => [d.policyName, d.urn.split("::").pop(), d.enforcementLevel])).toEqual([
            ["rule-a", "b1", "mandatory"],
            ["rule-c", "q1", "mandatory"],
        ]);
        expect(out.notApplicable.map((n) => n.policyName)).toEqual(["rule-b"]);
        // Each rule's check ran exactly once: the stack was evaluated in a single pass.
        expect([runs.a.count, runs.b.count, runs.c.count]).toEqual([1, 1, 1]);
    });

    it("re-evaluates for the next stack: a rule clean in one stack is not skipped in the next", async () => {
        const runs = { a: { count: 0 }, b: { count: 0 } };
        const policies = toPolicies([flagsType("rule-a", "aws:s3/bucket:Bucket", runs.a), flagsType("rule-b", "aws:rds/instance:Instance", runs.b)]);
        const first = await analyzeStack(policies, [resource("aws:s3/bucket:Bucket", "b1")]);
        expect(first.diagnostics.map((d) => d.policyName)).toEqual(["rule-a"]);
        const second = await analyzeStack(policies, [resource("aws:rds/instance:Instance", "db1")]);
        expect(second.diagnostics.map((d) => [d.policyName, d.urn.split("::").pop()])).toEqual([["rule-b", "db1"]]);
    });

    it("a non-leader rule called without the leader's evaluation evaluates the stack itself", async () => {
        const runs = { a: { count: 0 }, b: { count: 0 } };
        const policies = toPolicies([flagsType("rule-a", "aws:s3/bucket:Bucket", runs.a), flagsType("rule-b", "aws:rds/instance:Instance", runs.b)]);
        const ruleB = policies.find((p) => p.name === "rule-b")!;
        const out = await analyzeStack([ruleB], [resource("aws:rds/instance:Instance", "db2")]);
        expect(out.diagnostics.map((d) => d.policyName)).toEqual(["rule-b"]);
        expect(runs.a.count).toBe(0);
    });

    // The leader's evaluation is reused only for the stack it was made on (same size, same first and last
    // URN): a follower asked about another stack evaluates that stack itself.
    it.each<[string, string[], string[]]>([
        ["another first resource", ["db-a", "b-x", "b-z"], ["db-b", "b-x", "b-z"]],
        ["another last resource", ["b-x", "b-y", "db-a"], ["b-x", "b-y", "db-b"]],
        ["another size", ["b-x", "db-a", "b-z"], ["b-x", "db-b", "db-c", "b-z"]],
    ])("a follower does not reuse the evaluation of another stack: %s", async (_name, first, second) => {
        const runs = { a: { count: 0 }, b: { count: 0 } };
        const policies = toPolicies([flagsType("rule-a", "aws:s3/bucket:Bucket", runs.a), flagsType("rule-b", "aws:rds/instance:Instance", runs.b)]);
        const stack = (names: string[]) => names.map((n) => (n.startsWith("db-") ? resource("aws:rds/instance:Instance", n) : resource("aws:s3/bucket:Bucket", n)));
        await analyzeStack(policies, stack(first));
        const ruleB = policies.find((p) => p.name === "rule-b")!;
        const out = await analyzeStack([ruleB], stack(second));
        expect(out.diagnostics.map((d) => d.urn.split("::").pop())).toEqual(second.filter((n) => n.startsWith("db-")));
        expect(runs.b.count).toBe(2);
    });

    it("an empty stack has nothing to report", async () => {
        const runs = { a: { count: 0 }, b: { count: 0 } };
        const out = await analyzeStack(toPolicies([flagsType("rule-a", "aws:s3/bucket:Bucket", runs.a), flagsType("rule-b", "aws:rds/instance:Instance", runs.b)]), []);
        expect(out.diagnostics).toEqual([]);
        expect(out.notApplicable.map((n) => n.policyName)).toEqual(["rule-b"]);
    });

    it("a stack rule that throws becomes a violation, not a gRPC error", async () => {
        const broken: StackRule = { ...meta, kind: "stack", name: "rule-broken", check: () => { throw new Error("boom"); } };
        const out = await analyzeStack(toPolicies([broken]), [resource("aws:s3/bucket:Bucket", "b1")]);
        expect(out.diagnostics.map((d) => d.policyName)).toEqual(["rule-broken"]);
        expect(out.diagnostics[0].message).toBe(
            "test requirement\nThe rule could not evaluate the stack (boom). It is treated as non-compliant; report this to the owners of rule-broken.",
        );
    });
});

describe("resource rules", () => {
    const rule: ResourceRule = {
        ...meta,
        kind: "resource",
        name: "rule-r",
        appliesTo: awsTypes("aws:s3/bucket:Bucket"),
        check: (r) => {
            if (r.props.explode) throw new TypeError("cannot read properties of undefined");
            return r.props.acl === "x" ? [unknownSwitchFinding("acl", "it is public")] : [{ message: "always", advisory: r.props.advisory === true }];
        },
    };
    const analyze = async (props: Record<string, unknown>, type = "aws:s3/bucket:Bucket") => {
        const fn = server.makeAnalyzeRpcFun("pack", "1.0.0", "mandatory", toPolicies([rule]));
        const r = resource(type, "b", props);
        const resp = await invoke(fn, analyzeRequest(r, props, new Map()));
        return readDiagnostics(resp, r.urn, "analyze");
    };

    it("reports at the rule's level unless the finding is advisory", async () => {
        expect((await analyze({})).map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        expect((await analyze({ advisory: true })).map((d) => d.enforcementLevel)).toEqual(["advisory"]);
    });

    it("an unknown switch is mandatory without config (unknownValues defaults to fail)", async () => {
        expect((await analyze({ acl: "x" })).map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
    });

    it("ignores resources of other types", async () => {
        expect(await analyze({}, "aws:sqs/queue:Queue")).toEqual([]);
    });

    it("a rule on one exact token lets @pulumi/policy skip other types (its typed fast path); one on several tokens does not", async () => {
        const several: ResourceRule = { ...rule, name: "rule-several", appliesTo: awsTypes("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2") };
        const fn = server.makeAnalyzeRpcFun("pack", "1.0.0", "mandatory", toPolicies([rule, several]));
        const r = resource("aws:sqs/queue:Queue", "q");
        const resp = await invoke(fn, analyzeRequest(r, {}, new Map()));
        expect(readDiagnostics(resp, r.urn, "analyze")).toEqual([]);
        expect(readNotApplicable(resp, r.urn).map((n: { policyName: string; reason: string }) => [n.policyName, n.reason])).toEqual([
            ["rule-r", "Policy only applies to resources of type 'aws:s3/bucket:Bucket'"],
        ]);
    });

    it("a rule that throws becomes a violation naming the resource", async () => {
        const ds = await analyze({ explode: true });
        expect(ds).toHaveLength(1);
        expect(ds[0].message).toBe(
            "test requirement\nThe rule could not evaluate urn:pulumi:s::p::aws:s3/bucket:Bucket::b (cannot read properties of undefined). " +
                "It is treated as non-compliant; report this to the owners of rule-r.",
        );
    });

    it("cuts a very long error message short", async () => {
        const verbose: ResourceRule = { ...rule, check: () => { throw new Error("x".repeat(5000)); } };
        const fn = server.makeAnalyzeRpcFun("pack", "1.0.0", "mandatory", toPolicies([verbose]));
        const r = resource("aws:s3/bucket:Bucket", "b");
        const resp = await invoke(fn, analyzeRequest(r, {}, new Map()));
        const [d] = readDiagnostics(resp, r.urn, "analyze");
        expect(d.message).toContain(`(${"x".repeat(300)}). It is treated as non-compliant`);
    });
});

describe("the policies served", () => {
    const resourceRule: ResourceRule = { ...meta, kind: "resource", name: "rule-r", appliesTo: awsTypes("aws:s3/bucket:Bucket"), check: () => [] };
    const stackRule: StackRule = { ...meta, kind: "stack", name: "rule-s", check: () => [] };

    it("are the exemptions policy, then resource rules, then stack rules, each once", () => {
        const policies = toPolicies([stackRule, resourceRule]);
        expect(policies.map((p) => [p.name, "validateResource" in p ? "resource" : "stack"])).toEqual([
            [EXEMPTIONS_POLICY, "resource"],
            ["rule-r", "resource"],
            ["rule-s", "stack"],
        ]);
    });

    it("the exemptions policy is mandatory, and its config schema names every rule", () => {
        const [exemptionsPolicy] = toPolicies([resourceRule, stackRule]);
        expect(exemptionsPolicy).toMatchObject({
            name: EXEMPTIONS_POLICY,
            description:
                "Holds the platform team's exemptions (policy, resources, reason, approver, expiry) from the policy " +
                "pack config; reports only an exemption list that cannot be used.",
            enforcementLevel: "mandatory",
            severity: "high",
            remediationSteps:
                "Fix the `exemptions` list in the policy pack config: every entry needs policies, resources, a reason of " +
                "at least 20 characters, approvedBy and a real expiry date.",
        });
        expect(exemptionsPolicy.configSchema).toEqual({ properties: { exemptions: exemptionsSchema(["rule-r", "rule-s"]) } });
    });

    it("each rule keeps its metadata and takes the unknownValues setting", () => {
        const [, served] = toPolicies([{ ...resourceRule, enforcementLevel: "advisory" }]);
        const { catalog: _catalog, ...published } = meta;
        expect(served).toMatchObject({ ...published, name: "rule-r", enforcementLevel: "advisory", configSchema });
        expect(toPolicies([stackRule])[1]).toMatchObject({ name: "rule-s", enforcementLevel: "mandatory", configSchema });
    });
});

describe("unknownValues, as the engine validates each rule's config", () => {
    // Built inside each test: the schema is a module-level constant, mutated at load under Stryker.
    // As the engine reads it from GetAnalyzerInfo (plain JSON; @pulumi/policy's schema type is narrower than the engine's).
    const rulePolicy = () =>
        toPolicies([{ ...meta, kind: "resource", name: "rule-r", appliesTo: awsTypes("aws:s3/bucket:Bucket"), check: () => [] }])[1] as unknown as PolicyDescription;
    const configure = (properties: Record<string, unknown>) =>
        reconcilePolicyPackConfig([rulePolicy()], {}, { "rule-r": { properties } })["rule-r"].properties;

    it("is documented, defaults to fail and accepts warn", () => {
        expect(rulePolicy().configSchema).toEqual({
            properties: {
                unknownValues: {
                    type: "string",
                    enum: ["fail", "warn"],
                    default: "fail",
                    description: "What an exposure switch that is unknown during preview does: fail (mandatory violation) or warn.",
                },
            },
        });
        expect(reconcilePolicyPackConfig([rulePolicy()], {}, {})["rule-r"].properties).toEqual({ unknownValues: "fail" });
        expect(configure({ unknownValues: "warn" })).toEqual({ unknownValues: "warn" });
        expect(configure({ unknownValues: "fail" })).toEqual({ unknownValues: "fail" });
    });

    it.each([
        ["a value outside fail and warn", "ignore", "unknownValues: must be equal to one of the allowed values"],
        ["a value that is not a string", false, "unknownValues: must be string"],
    ])("rejects %s", (_case, unknownValues, error) => {
        expect(() => configure({ unknownValues })).toThrow(`the policy pack config is invalid:\n  rule-r: ${error}`);
    });
});
