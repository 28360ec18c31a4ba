// Runs sample-stack components in-process under Pulumi mocks and captures every child they register (type,
// name, parent, inputs, dependencies), the way the runner's program host does. The captured resources can
// then be sent through the real @pulumi/policy server code with every rule of the pack, exactly as the
// engine would send them (Analyze per resource, then AnalyzeStack).

import * as pulumi from "@pulumi/pulumi";
import { expect } from "vitest";
import type { CapturedResource } from "../../cli/captured";
import { captureRegistrations, mocksFor } from "../../cli/capture";
import type { Diagnostic } from "../../cli/protocol";
import { analyzeCaptured, analyzeStackCaptured } from "../harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings");

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

/**
 * Every resource below the component is parented inside it and named from the component's name, nothing
 * was created outside it, and the component registered its outputs.
 */
export function expectOwnedChildren(resources: CapturedResource[], componentType: string, name: string): void {
    const component = child(resources, componentType, name);
    const inside = new Set([component.urn]);
    for (const r of resources) {
        if (r.parent !== undefined && inside.has(r.parent)) inside.add(r.urn);
    }
    const children = resources.filter((r) => r.urn !== component.urn && inside.has(r.urn));
    expect(children.length).toBeGreaterThan(0);
    for (const r of children) {
        expect(r.name.startsWith(name), `${r.type} "${r.name}" is not named from "${name}"`).toBe(true);
    }
    expect(resources.filter((r) => !inside.has(r.urn)).map((r) => r.type)).toEqual([]);
    expect(component.outputs).not.toEqual({});
}

/** Every registered resource of this type. */
export function ofType(resources: readonly CapturedResource[], type: string): CapturedResource[] {
    return resources.filter((r) => r.type === type);
}

// ---- the pack, in-process --------------------------------------------------------------------------

/**
 * Every diagnostic of the pack on these resources: Analyze on each resource's inputs, then AnalyzeStack on
 * all of them, through @pulumi/policy's own server functions.
 */
export async function packDiagnostics(resources: readonly CapturedResource[]): Promise<Diagnostic[]> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const diagnostics: Diagnostic[] = [];
    for (const r of resources) {
        diagnostics.push(...(await analyzeCaptured(r, byUrn)).diagnostics);
    }
    diagnostics.push(...(await analyzeStackCaptured(resources)).diagnostics);
    return diagnostics;
}

/** `"<level> <policy> <resource name>"` lines, sorted, as the e2e tests print them. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map((d) => `${d.enforcementLevel} ${d.policyName} ${d.urn.split("::").pop()}`).sort();
}
