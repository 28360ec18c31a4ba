// Runs the pack's policies through @pulumi/policy's real server code in-process: the same
// Analyze / AnalyzeStack RPC functions the gRPC server registers, fed protobuf requests built exactly as the
// runner's engine builds them. Nothing here imitates @pulumi/policy's argument objects.

import type { Policy } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import type { CapturedResource } from "../cli/captured";
import { analyzeRequest, analyzeStackRequest, readDiagnostics, readNotApplicable, type Diagnostic } from "../cli/protocol";
import { toPolicies } from "../policies/lib/policy-adapter";
import type { Rule } from "../policies/lib/rule";
import { rules } from "../policies/registry";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const PACK = "customer-data-guard";
const VERSION = "0.0.0-test";

const allPolicies: Policy[] = toPolicies(rules);
const analyzeAll = server.makeAnalyzeRpcFun(PACK, VERSION, "mandatory", allPolicies);
const analyzeStackAll = server.makeAnalyzeStackRpcFun(PACK, VERSION, "mandatory", allPolicies);

export interface TestResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::customer-data-guard-test::${type}::${name}`;
}

/** Drops undefined members, as a program's serializer does: the engine never sends undefined. */
function defined(value: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The resource as the runner captures it from a program; `urn` defaults to this harness's stack. */
export function captured(r: TestResource, urn = urnOf(r.type, r.name)): CapturedResource {
    const props = defined(r.props);
    return {
        type: r.type,
        name: r.name,
        urn,
        parent: r.parent,
        custom: true,
        inputs: props,
        outputs: props,
        dependencies: r.dependencies ?? [],
        propertyDependencies: r.propertyDependencies ?? {},
        aliases: [],
        protect: false,
        ignoreChanges: [],
        additionalSecretOutputs: [],
    };
}

/** Calls one of @pulumi/policy's server RPC functions with a request; rejects on a gRPC error. */
export function invoke(fn: (call: unknown, cb: (err: Error | null, resp: unknown) => void) => unknown, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        void fn({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
}

export interface Outcome {
    diagnostics: Diagnostic[];
    notApplicable: string[];
}

/** Analyze one captured resource's inputs with every policy of the pack. Throws on a gRPC error. */
export async function analyzeCaptured(c: CapturedResource, byUrn: ReadonlyMap<string, CapturedResource> = new Map()): Promise<Outcome> {
    const resp = await invoke(analyzeAll, analyzeRequest(c, c.inputs, byUrn));
    return {
        diagnostics: readDiagnostics(resp, c.urn, "analyze"),
        notApplicable: readNotApplicable(resp, c.urn).map((n) => n.policyName),
    };
}

/** AnalyzeStack over captured resources' outputs with every policy of the pack. */
export async function analyzeStackCaptured(list: readonly CapturedResource[]): Promise<Outcome> {
    const resp = await invoke(analyzeStackAll, analyzeStackRequest(list, new Map(list.map((r) => [r.urn, r]))));
    return {
        diagnostics: readDiagnostics(resp, "", "analyzeStack"),
        notApplicable: readNotApplicable(resp, "").map((n) => n.policyName),
    };
}

/** Analyze one resource's inputs with every policy of the pack. */
export function analyze(resource: TestResource): Promise<Outcome> {
    return analyzeCaptured(captured(resource));
}

/** AnalyzeStack over the given resources' outputs with every policy of the pack. */
export function analyzeStack(resources: TestResource[]): Promise<Outcome> {
    return analyzeStackCaptured(resources.map((r) => captured(r)));
}

/** One row of a rule's table. `expect` lists the exact violations of THIS rule: [level, message fragment]. */
export interface Row {
    name: string;
    kind: "pass" | "fail" | "not-applicable" | "unknown" | "malformed";
    /** For resource rules: the resource; for stack rules: the whole stack. */
    resources: TestResource[];
    expect: Array<{ level: "mandatory" | "advisory"; message: string; resource?: string }>;
}

export const REQUIRED_ROW_KINDS: ReadonlyArray<Row["kind"]> = ["pass", "fail", "not-applicable", "unknown", "malformed"];

/** Runs a row through the real server and asserts the exact set of this rule's violations. */
export async function checkRow(rule: Rule, row: Row): Promise<void> {
    const outcome =
        rule.kind === "resource"
            ? { diagnostics: (await Promise.all(row.resources.map(analyze))).flatMap((o) => o.diagnostics) }
            : await analyzeStack(row.resources);
    const mine = outcome.diagnostics.filter((d) => d.policyName === rule.name);
    expect(mine.map((d) => d.enforcementLevel)).toEqual(row.expect.map((e) => e.level));
    mine.forEach((d, i) => {
        const wanted = row.expect[i];
        expect(d.message).toContain(rule.description);
        expect(d.message).toContain(wanted.message);
        if (wanted.resource) {
            expect(d.urn).toContain(`::${wanted.resource}`);
        }
    });
}

/** Asserts a table has every kind of row the project requires. */
export function assertTableComplete(rows: readonly Row[]): void {
    const kinds = new Set(rows.map((r) => r.kind));
    expect(REQUIRED_ROW_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
}

/** Declares a rule's table: a completeness check plus one test per row, named by kind and verdict. */
export function ruleTable(rule: Rule, rows: Row[]): void {
    describe(`${rule.name} (${rule.kind} policy)`, () => {
        it("has a pass, fail, not-applicable, unknown and malformed row", () => assertTableComplete(rows));
        it.each(rows.map((row) => [`${row.kind}: ${row.name}`, row] as const))("%s", async (_label, row) => {
            await checkRow(rule, row);
        });
    });
}

/** A single-resource row. */
export function one(type: string, props: Record<string, unknown>, name = "subject"): TestResource[] {
    return [{ type, name, props }];
}
