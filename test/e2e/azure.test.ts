// The Azure rules end to end: fixture programs written with the real @pulumi/azure-native SDK (its
// constructors add their defaults, e.g. Key Vault publicNetworkAccess "enabled", Event Hubs "Enabled")
// through the runner, the compiled pack and the real analyzer protocol, in preview (names unknown:
// firewall rules and rule sets joined to their server by property dependencies) and deployed mode (every
// name known). The v3 SDK has no versioned submodules, so v2 / versioned tokens are registered directly in
// the fixtures, and local-package tokens are covered in the rule tables.

import { describe, expect, it } from "vitest";
import { fixtureFindings } from "./run-check";

describe("azure exposure", () => {
    it.each(["preview", "deployed"] as const)("every family configured privately passes every rule (%s)", (mode) => {
        const result = fixtureFindings("azure-private", mode);
        expect(result.lines, result.stderr).toEqual([]);
        expect(result.exitCode).toBe(0);
    });

    it.each(["preview", "deployed"] as const)("one exposure per family is rejected by name (%s)", (mode) => {
        const result = fixtureFindings("azure-exposed", mode);
        expect(result.lines, result.stderr).toEqual([
            "mandatory azure-compute-disk-network-access-restricted os-image",
            "mandatory azure-cosmosdb-account-network-restricted legacy-cosmos",
            "mandatory azure-cosmosdb-account-network-restricted profiles",
            "mandatory azure-datastore-firewall-rule-not-public allow-all",
            "mandatory azure-datastore-firewall-rule-not-public allow-azure-services",
            "mandatory azure-keyvault-vault-network-restricted keys",
            "mandatory azure-messaging-namespace-not-public telemetry-events",
            "mandatory azure-rdbms-server-not-public dealer-pg",
            "mandatory azure-redis-cache-not-public legacy-cache",
            "mandatory azure-sql-server-not-public dealer-sql",
            "mandatory azure-storage-account-network-restricted open-telemetry",
            "mandatory azure-storage-account-static-website-disabled site-web",
        ]);
        expect(result.exitCode).toBe(1);
    });
});
