// The engine's layering of policy-pack config, reproduced so the runner's --config behaves like
// `pulumi preview --policy-pack-config` (pulumi/pulumi pkg/resource/analyzer/config.go,
// ReconcilePolicyPackConfig):
//   1. every policy: its schema `default`s and its own enforcement level (from GetAnalyzerInfo);
//   2. the pack's initialConfig, then 3. the config file, each applied as: key "all" sets the level of
//      every policy (its properties are NOT spread), then per-policy keys set level and merge properties;
//   4. each policy's properties are validated against its schema; errors stop the run.

import Ajv from "ajv";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
const LEVELS: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicyConfigEntry {
    enforcementLevel?: Level;
    properties?: Record<string, unknown>;
}
export type PolicyPackConfig = Record<string, PolicyConfigEntry>;

export interface PolicyDescription {
    name: string;
    enforcementLevel: Level;
    configSchema?: { properties: Record<string, Record<string, unknown>>; required?: string[] };
}

export class PolicyConfigError extends Error {}

function isLevel(value: unknown): value is Level {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

/** Parses a config file's JSON the way the CLI does (LoadPolicyPackConfigFromFile). */
export function parsePolicyPackConfig(text: string): PolicyPackConfig {
    if (text.trim() === "") {
        return {};
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError(`the policy pack config is not valid JSON: ${(e as Error).message}`);
    }
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
        throw new PolicyConfigError("the policy pack config must be a JSON object keyed by policy name or \"all\"");
    }
    const result: PolicyPackConfig = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof value === "string") {
            if (!isLevel(value)) {
                throw new PolicyConfigError(`parsing enforcement level for "${key}": "${value}" is not a valid enforcement level`);
            }
            result[key] = { enforcementLevel: value };
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                throw new PolicyConfigError(`parsing enforcement level for "${key}": ${JSON.stringify(enforcementLevel)} is not a valid enforcement level`);
            }
            if (enforcementLevel === undefined && Object.keys(properties).length === 0) {
                continue;
            }
            result[key] = {
                enforcementLevel: enforcementLevel as Level | undefined,
                properties: Object.keys(properties).length > 0 ? properties : undefined,
            };
        } else {
            throw new PolicyConfigError(`parsing "${key}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return result;
}

function applyConfig(result: PolicyPackConfig, config: PolicyPackConfig): PolicyPackConfig {
    const all = config.all;
    if (all?.enforcementLevel) {
        for (const key of Object.keys(result)) {
            result[key] = { enforcementLevel: all.enforcementLevel, properties: result[key].properties };
        }
    }
    for (const [policy, given] of Object.entries(config)) {
        const current = result[policy] ?? {};
        const properties = given.properties && Object.keys(given.properties).length > 0
            ? { ...(current.properties ?? {}), ...given.properties }
            : current.properties;
        result[policy] = { enforcementLevel: given.enforcementLevel ?? current.enforcementLevel, properties };
    }
    return result;
}

/** Layers defaults, the pack's initial config and the user's config; throws on schema violations. */
export function reconcilePolicyPackConfig(
    policies: readonly PolicyDescription[],
    initialConfig: PolicyPackConfig,
    config: PolicyPackConfig,
): PolicyPackConfig {
    let result: PolicyPackConfig = {};
    for (const policy of policies) {
        let properties: Record<string, unknown> | undefined;
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if ("default" in schema) {
                properties = { ...(properties ?? {}), [key]: schema.default };
            }
        }
        result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties };
    }
    result = applyConfig(result, initialConfig);
    result = applyConfig(result, config);

    const ajv = new Ajv({ allErrors: true, strict: false });
    const errors: string[] = [];
    for (const policy of policies) {
        if (!policy.configSchema) continue;
        const schema: Record<string, unknown> = { type: "object", properties: policy.configSchema.properties };
        if (policy.configSchema.required && policy.configSchema.required.length > 0) {
            schema.required = policy.configSchema.required;
        }
        const validate = ajv.compile(schema);
        if (!validate(result[policy.name]?.properties ?? {})) {
            for (const e of validate.errors ?? []) {
                errors.push(`${policy.name}: ${e.instancePath ? `${e.instancePath.slice(1)}: ` : ""}${e.message}`);
            }
        }
    }
    if (errors.length > 0) {
        throw new PolicyConfigError(`the policy pack config is invalid:\n  ${errors.join("\n  ")}`);
    }
    return result;
}
