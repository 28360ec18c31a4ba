// Remediations for fields whose private value is unambiguous. Each returns the resource's properties with
// the field fixed, or undefined when it is already private (nothing to change). They run only where the
// platform team set a policy's enforcement level to `remediate`; unknown values are left alone (the
// rule still reports them).

import { classifyCannedAcl, PUBLIC_ACCESS_BLOCK_FLAGS } from "./aws-s3";
import { enumEquals, isObject, type Props } from "./props";
import { isUnknown } from "./unknown";

/** Every public access block flag set to true, except unknown ones. */
export function blockAllFlags(props: Props): Props | undefined {
    const toSet = PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => props[flag] !== true && !isUnknown(props[flag]));
    return toSet.length === 0 ? undefined : { ...props, ...Object.fromEntries(toSet.map((flag) => [flag, true])) };
}

/** A public canned ACL becomes `private`; grants are left alone (which to drop is the owner's call). */
export function privateCannedAcl(props: Props): Props | undefined {
    const acl = props.acl;
    return typeof acl === "string" && classifyCannedAcl(acl).kind === "public" ? { ...props, acl: "private" } : undefined;
}

/** A boolean switch set to its private value when it is anything but that (including omitted). */
export function setSwitch(props: Props, field: string, privateValue: boolean): Props | undefined {
    return props[field] === privateValue || isUnknown(props[field]) ? undefined : { ...props, [field]: privateValue };
}

/** A boolean switch set to false only where it is explicitly true (its default is already private). */
export function clearSwitch(props: Props, field: string): Props | undefined {
    return props[field] === true ? { ...props, [field]: false } : undefined;
}

/**
 * An enum field (compared case-insensitively) set to its private value, at `path` (e.g. "properties"),
 * written in the case the program used (Key Vault's SDK writes "enabled", most others "Enabled").
 */
export function setEnum(props: Props, field: string, privateValue: string, path?: string): Props | undefined {
    const holder = path === undefined ? props : props[path];
    if (isUnknown(holder)) {
        return undefined;
    }
    if (!isObject(holder)) {
        // Only under a path (a missing or malformed holder): props itself is always an object.
        return { ...props, [path as string]: { [field]: privateValue } };
    }
    const current = (holder as Props)[field];
    if (isUnknown(current) || (typeof current === "string" && enumEquals(current, privateValue))) {
        return undefined;
    }
    const value = typeof current === "string" && current === current.toLowerCase() ? privateValue.toLowerCase() : privateValue;
    return path === undefined ? { ...props, [field]: value } : { ...props, [path]: { ...(holder as Props), [field]: value } };
}
