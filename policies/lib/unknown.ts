// Values the engine cannot know during preview arrive as sentinel strings (see ../shared/PROTOCOL.md).
// @pulumi/policy wraps resource properties in a proxy that throws on these sentinels, which makes an
// unknown exposure switch an ADVISORY "can't run policy" diagnostic: it fails open. Rules in this pack
// read the raw properties instead and decide what an unknown means themselves.

export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The sentinel the engine uses for an unknown string; what the runner sends for any unknown input. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    // Stryker disable next-line ConditionalExpression: the set holds only strings, so the type test only spares a lookup
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

// @pulumi/policy's proxy answers this property name with the object it wraps (proxy.ts, getSpecialProxyTarget).
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The plain object behind @pulumi/policy's unknown-checking proxy (or the value itself when not proxied). */
export function unwrapProxy<T>(value: T): T {
    if (value !== null && typeof value === "object") {
        const target = (value as Record<string, unknown>)[PROXY_TARGET];
        if (target !== null && typeof target === "object") {
            return target as T;
        }
    }
    return value;
}
