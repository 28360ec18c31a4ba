// Reading one property of a raw property bag, with the four outcomes a rule must handle: absent (the
// provider's or API's default applies), unknown during preview, a value of the expected type, or a value
// of the wrong type (malformed input: a clear violation, never a crash).

import { isUnknown } from "./unknown";

export type Field<T> =
    | { readonly state: "absent" }
    | { readonly state: "unknown" }
    | { readonly state: "known"; readonly value: T }
    | { readonly state: "invalid"; readonly raw: unknown; readonly expected: string };

export type Props = Record<string, unknown>;

export function isObject(value: unknown): value is Props {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

function read<T>(bag: unknown, key: string, expected: string, accept: (v: unknown) => v is T): Field<T> {
    if (!isObject(bag)) {
        return { state: "absent" };
    }
    const raw = Object.prototype.hasOwnProperty.call(bag, key) ? bag[key] : undefined;
    if (raw === undefined || raw === null) {
        return { state: "absent" };
    }
    if (isUnknown(raw)) {
        return { state: "unknown" };
    }
    return accept(raw) ? { state: "known", value: raw } : { state: "invalid", raw, expected };
}

export const boolField = (bag: unknown, key: string): Field<boolean> =>
    read(bag, key, "a boolean", (v): v is boolean => typeof v === "boolean");

export const stringField = (bag: unknown, key: string): Field<string> =>
    read(bag, key, "a string", (v): v is string => typeof v === "string");

export const objectField = (bag: unknown, key: string): Field<Props> =>
    read(bag, key, "an object", isObject);

export const arrayField = (bag: unknown, key: string): Field<unknown[]> =>
    read(bag, key, "an array", (v): v is unknown[] => Array.isArray(v));

/** Enum comparison as the cloud APIs do it: case-insensitive (`disabled` equals `Disabled`). */
export function enumEquals(value: string, expected: string): boolean {
    return value.toLowerCase() === expected.toLowerCase();
}
