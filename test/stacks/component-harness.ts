// Runs sample-stack components in-process under Pulumi mocks and captures every child they register (type,
// name, parent, inputs, dependencies), the way the runner's program host does. The captured resources can
// then be sent through the real @pulumi/policy server code with every rule of the pack, exactly as the
// engine would send them (Analyze per resource, then AnalyzeStack).

import * as pulumi from "@pulumi/pulumi";
import type { CapturedResource } from "../../cli/captured";
import { captureRegistrations, mocksFor } from "../../cli/capture";
import { analyzeRequest, analyzeStackRequest, readDiagnostics, type Diagnostic } from "../../cli/protocol";
import { toPolicies } from "../../policies/lib/policy-adapter";
import { rules } from "../../policies/registry";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

export const PROJECT = "component-test";
export const STACK = "test";

/**
 * Runs `program` (which constructs components) under fresh mocks and returns what it registered, in
 * registration order. Deployed mode by default: every output known, as at update time.
 */
export async function capture(program: () => void, mode: "preview" | "deployed" = "deployed"): Promise<CapturedResource[]> {
    await pulumi.runtime.setMocks(mocksFor(mode), PROJECT, STACK, mode === "preview");
    const registered = captureRegistrations(settings.getMonitor());
    program();
    await settings.waitForRPCs();
    return registered();
}

/** The one registered resource of this type and name; fails loudly otherwise. */
export function child(resources: readonly CapturedResource[], type: string, name: string): CapturedResource {
    const found = resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1) {
        throw new Error(`expected one ${type} named "${name}", found ${found.length}: ${resources.map((r) => `${r.type}::${r.name}`).join(", ")}`);
    }
    return found[0];
}

/** Every registered resource of this type. */
export function ofType(resources: readonly CapturedResource[], type: string): CapturedResource[] {
    return resources.filter((r) => r.type === type);
}

// ---- the pack, in-process --------------------------------------------------------------------------

const policies = toPolicies(rules);
const analyzeAll = server.makeAnalyzeRpcFun("customer-data-guard", "0.0.0-test", "mandatory", policies);
const analyzeStackAll = server.makeAnalyzeStackRpcFun("customer-data-guard", "0.0.0-test", "mandatory", policies);

function invoke(fn: (call: unknown, cb: (err: Error | null, resp: unknown) => void) => unknown, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        void fn({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
}

/**
 * Every diagnostic of the pack on these resources: Analyze on each resource's inputs, then AnalyzeStack on
 * all of them, through @pulumi/policy's own server functions.
 */
export async function packDiagnostics(resources: readonly CapturedResource[]): Promise<Diagnostic[]> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const diagnostics: Diagnostic[] = [];
    for (const r of resources) {
        const resp = await invoke(analyzeAll, analyzeRequest(r, r.inputs, byUrn));
        diagnostics.push(...readDiagnostics(resp, r.urn, "analyze"));
    }
    const stackResp = await invoke(analyzeStackAll, analyzeStackRequest(resources, byUrn));
    diagnostics.push(...readDiagnostics(stackResp, "", "analyzeStack"));
    return diagnostics;
}

/** `"<level> <policy> <resource name>"` lines, sorted, as the e2e tests print them. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`).sort();
}
