// Resource type tokens, in every form a user's program can produce.
//
// AWS: exact tokens; a rule lists every alias it covers (v7 names and the deprecated V2 ones).
// azure-native: the same resource type reaches the engine as
//   azure-native:storage:StorageAccount                               (default API version)
//   azure-native:storage/v20230101:StorageAccount                     (explicit API version, incl. ...preview)
//   azure-native_storage_v20240101:storage:StorageAccount             (local package from `pulumi package add`)
//   azure-native_storage_v20240101:storage/v20240101:StorageAccount   (the same, older generators)
// Module names are matched case-insensitively; the type name exactly.

export interface TypeMatcher {
    /** Human-readable list of what the matcher covers, for messages and docs. */
    readonly describe: string;
    /** Tokens the matcher accepts, one per form (for generated tests and docs). */
    readonly examples: readonly string[];
    /** Set when the matcher accepts exactly one token and nothing else. */
    readonly exactToken?: string;
    matches(token: string): boolean;
}

export function awsTypes(...tokens: string[]): TypeMatcher {
    const set = new Set(tokens);
    return {
        describe: tokens.join(", "),
        examples: tokens,
        exactToken: set.size === 1 ? tokens[0] : undefined,
        matches: (token) => set.has(token),
    };
}

export interface AzureNativeToken {
    /** Lower-cased module, e.g. "storage". */
    module: string;
    /** API version when the token names one, e.g. "v20230101" or "v20230101preview". */
    version?: string;
    /** Resource type name, e.g. "StorageAccount". */
    typeName: string;
}

// azure-native[_<module>_<version>]:<module>[/<version>]:<Type>. The provider's local packages put the
// version in the package name only (`azure-native_storage_v20240101:storage:StorageAccount`); older
// generators repeated it in the module (`...:storage/v20240101:StorageAccount`).
const AZURE_NATIVE_TOKEN =
    /^azure-native(?:_([A-Za-z][A-Za-z0-9]*)_(v[0-9][A-Za-z0-9]*))?:([A-Za-z][A-Za-z0-9]*)(?:\/(v[0-9][A-Za-z0-9]*))?:([A-Za-z][A-Za-z0-9]*)$/;

const parsedAzureTokens = new Map<string, AzureNativeToken | null>();

/** Parses an azure-native type token in any of its three forms; undefined for anything else. */
export function parseAzureNativeToken(token: string): AzureNativeToken | undefined {
    let parsed = parsedAzureTokens.get(token);
    // Stryker disable next-line ConditionalExpression: the cache only saves time; parsing again gives the same answer
    if (parsed === undefined) {
        const m = AZURE_NATIVE_TOKEN.exec(token);
        parsed = m ? { module: m[3].toLowerCase(), version: m[4] ?? m[2], typeName: m[5] } : null;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a memory bound on the cache, not behaviour
        if (parsedAzureTokens.size < 10_000) {
            parsedAzureTokens.set(token, parsed);
        }
    }
    return parsed ?? undefined;
}

/** Matches `azure-native:<module>:<TypeName>` in all token forms. */
export function azureType(module: string, typeName: string): TypeMatcher {
    const wantedModule = module.toLowerCase();
    return {
        describe: `azure-native:${module}:${typeName} (any API version)`,
        examples: [
            `azure-native:${module}:${typeName}`,
            `azure-native:${module}/v20230101:${typeName}`,
            `azure-native:${module}/v20220801preview:${typeName}`,
            `azure-native_${module}_v20240101:${module}:${typeName}`,
            `azure-native_${module}_v20240101:${module}/v20240101:${typeName}`,
        ],
        matches: (token) => {
            const t = parseAzureNativeToken(token);
            return t !== undefined && t.module === wantedModule && t.typeName === typeName;
        },
    };
}

export function anyOf(...matchers: TypeMatcher[]): TypeMatcher {
    return {
        describe: matchers.map((m) => m.describe).join("; "),
        examples: matchers.flatMap((m) => m.examples),
        matches: (token) => matchers.some((m) => m.matches(token)),
    };
}
