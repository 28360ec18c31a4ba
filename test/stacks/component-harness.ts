// Runs sample-stack components in-process under Pulumi mocks and captures every child they register (type,
// name, parent, inputs, dependencies), the way the runner's program host does. The captured resources can
// then be sent through the real @pulumi/policy server code with every rule of the pack, exactly as the
// engine would send them (Analyze per resource, then AnalyzeStack).

import * as pulumi from "@pulumi/pulumi";
import type { CapturedResource } from "../../cli/captured";
import { deployedOutputs, invokeResult } from "../../cli/mock-values";
import { analyzeRequest, analyzeStackRequest, readDiagnostics, type Diagnostic } from "../../cli/protocol";
import { toPolicies } from "../../policies/lib/policy-adapter";
import { rules } from "../../policies/registry";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

export const PROJECT = "component-test";
export const STACK = "test";

function toStringList(map: { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void }): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    map.forEach((v, k) => {
        result[k] = v.getUrnsList();
    });
    return result;
}

/**
 * Runs `program` (which constructs components) under fresh mocks and returns what it registered, in
 * registration order. Deployed mode by default: every output known, as at update time.
 */
export async function capture(program: () => void, mode: "preview" | "deployed" = "deployed"): Promise<CapturedResource[]> {
    const preview = mode === "preview";
    await pulumi.runtime.setMocks(
        {
            newResource(args: pulumi.runtime.MockResourceArgs) {
                if (args.custom === false) return { id: undefined, state: {} };
                if (preview) return { id: undefined, state: { ...args.inputs } };
                const { id, outputs } = deployedOutputs(args.type, args.name, `${args.type}::${args.name}`, args.inputs);
                return { id, state: { ...args.inputs, ...outputs } };
            },
            call(args: pulumi.runtime.MockCallArgs) {
                return invokeResult(args.token, args.inputs);
            },
        },
        PROJECT,
        STACK,
        preview,
    );

    const captured = new Map<string, CapturedResource>();
    const order: string[] = [];
    const monitor = settings.getMonitor();
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) => {
        registerResource(req, (err: unknown, resp: any) => {
            if (!err && resp) {
                const urn: string = resp.getUrn();
                captured.set(urn, {
                    type: req.getType(),
                    name: req.getName(),
                    urn,
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    inputs: req.getObject()?.toJavaScript() ?? {},
                    outputs: resp.getObject()?.toJavaScript() ?? {},
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: toStringList(req.getPropertydependenciesMap()),
                    provider: req.getProvider() || undefined,
                    aliases: [],
                    protect: false,
                    ignoreChanges: req.getIgnorechangesList(),
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                });
                order.push(urn);
            }
            callback(err, resp);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: unknown, resp: any) => void) => {
        const resource = captured.get(req.getUrn());
        if (resource) resource.outputs = req.getOutputs()?.toJavaScript() ?? {};
        registerOutputs(req, callback);
    };

    program();
    await settings.waitForRPCs();
    return order.map((urn) => captured.get(urn)!);
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
