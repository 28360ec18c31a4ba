import * as pulumi from "@pulumi/pulumi";

/**
 * What a store holds, written to its `data-classification` tag. The tag documents the store for people
 * and inventories; it never makes a public store acceptable (the policy pack ignores tags on purpose).
 */
export type DataClassification =
    | "customer-pii" // names, addresses, phone numbers, e-mail addresses, VINs tied to a person
    | "vehicle-telemetry" // terminal IDs, VINs, GPS positions, timestamps
    | "vehicle-registry" // terminal ID -> VIN -> customer mapping
    | "key-material"; // keys and secrets that protect the stores above

/** Tags every store carries. Callers' tags come first; the classification and owner are applied last. */
export function storeTags(
    extra: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
    classification: pulumi.Input<DataClassification>,
    owner: pulumi.Input<string>,
): pulumi.Output<Record<string, string>> {
    return pulumi.all([pulumi.output(extra ?? {}), classification, owner]).apply(
        ([tags, c, o]): Record<string, string> => ({ ...(tags as Record<string, string>), "data-classification": c, owner: o }),
    );
}
