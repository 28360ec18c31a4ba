// The AWS network-exposure rules end to end: fixture programs through the runner, the compiled pack and the
// real analyzer protocol, in preview (ids unknown, links by property dependencies) and deployed mode (every
// id known).

import { describe, expect, it } from "vitest";
import { fixtureFindings } from "./run-check";

const SG_RULE = "aws-ec2-security-group-datastore-port-not-public";

describe("aws network exposure", () => {
    it.each(["preview", "deployed"] as const)("a private PostgreSQL database passes every rule (%s)", (mode) => {
        const result = fixtureFindings("aws-network-private", mode);
        expect(result.lines, result.stderr).toEqual([]);
        expect(result.exitCode).toBe(0);
    });

    it.each(["preview", "deployed"] as const)("the Toyota dealer-database pattern is rejected three ways (%s)", (mode) => {
        const result = fixtureFindings("aws-network-exposed", mode);
        expect(result.lines, result.stderr).toEqual([
            `mandatory ${SG_RULE} dealer-db-ingress-rule`,
            `mandatory ${SG_RULE} dealer-db-inline`,
            `mandatory ${SG_RULE} dealer-db-rule`,
            "mandatory aws-rds-instance-not-publicly-accessible dealer-db-inline",
        ]);
        expect(result.exitCode).toBe(1);
    });
});
