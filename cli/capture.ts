// Running Pulumi code under mocks the way a first preview (or an update) sees it, and capturing what it
// registers: shared by the runner's program host and the component tests.

import type { CapturedResource } from "./captured";
import { deployedOutputs, invokeResult } from "./mock-values";

export type Mode = "preview" | "deployed";

interface MockResourceArgs {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    custom?: boolean;
}

/** Mocks: in preview, ids and computed outputs of new resources are unknown; deployed, plausible values. */
export function mocksFor(mode: Mode) {
    return {
        newResource(args: MockResourceArgs) {
            if (args.custom === false) {
                return { id: undefined, state: {} };
            }
            if (mode === "preview") {
                // A first preview: inputs are what the program gave; ids and computed outputs are unknown.
                return { id: undefined, state: { ...args.inputs } };
            }
            const { id, outputs } = deployedOutputs(args.type, args.name, `${args.type}::${args.name}`, args.inputs);
            return { id, state: { ...args.inputs, ...outputs } };
        },
        call(args: { token: string; inputs: Record<string, unknown> }) {
            return invokeResult(args.token, args.inputs);
        },
    };
}

function urnLists(map: { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void }): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    map.forEach((v, k) => {
        result[k] = v.getUrnsList();
    });
    return result;
}

/**
 * Wraps the mock monitor's registerResource / registerResourceOutputs (which, unlike the mocks callback,
 * see parents, dependencies and propertyDependencies) and returns the registrations in order.
 */
export function captureRegistrations(monitor: any): () => CapturedResource[] {
    const captured = new Map<string, CapturedResource>();
    const order: string[] = [];
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp: any) => void) => {
        registerResource(req, (err: unknown, resp: any) => {
            if (!err && resp) {
                const urn: string = resp.getUrn();
                const aliasSpecs = req.getAliasesList?.() ?? [];
                captured.set(urn, {
                    type: req.getType(),
                    name: req.getName(),
                    urn,
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    inputs: req.getObject()?.toJavaScript() ?? {},
                    outputs: resp.getObject()?.toJavaScript() ?? {},
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: urnLists(req.getPropertydependenciesMap()),
                    provider: req.getProvider() || undefined,
                    aliases: [...req.getAliasurnsList(), ...aliasSpecs.map((a: any) => a.getUrn?.() || a.getSpec?.()?.getName?.() || "").filter(Boolean)],
                    protect: Boolean(req.getProtect?.()),
                    ignoreChanges: req.getIgnorechangesList(),
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
                });
                order.push(urn);
            }
            callback(err, resp);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: unknown, resp: any) => void) => {
        const resource = captured.get(req.getUrn());
        if (resource) {
            resource.outputs = req.getOutputs()?.toJavaScript() ?? {};
        }
        registerOutputs(req, callback);
    };
    return () => order.map((urn) => captured.get(urn)!);
}
