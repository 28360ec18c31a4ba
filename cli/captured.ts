// What the program host captures for each registered resource: what the engine would hand an analyzer.

export interface CapturedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    /** Serialized inputs as registered (unknowns as the engine's sentinels, secrets as secret envelopes). */
    inputs: Record<string, unknown>;
    /** Serialized outputs: state returned by the mocks, or registerOutputs for components. */
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Provider reference `urn::id` when the resource names an explicit provider. */
    provider?: string;
    aliases: string[];
    protect: boolean;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    deleteBeforeReplace?: boolean;
}

export type HostResult =
    | { ok: true; project: string; stack: string; entry: string; resources: CapturedResource[] }
    | { ok: false; reason: string };
