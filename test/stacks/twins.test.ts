// The insecure twins of the sample stacks: the two Toyota incidents reproduced on each cloud. The pack
// must reject each one (exit code 1) and name the right policies, in a first preview and at update time.
//   twin-*-telemetry-public  the telemetry store set to public (2023: ~10 years, 2.15M customers' vehicle data)
//   twin-*-dealer-db-open    the dealer maintenance records store opened to the internet (2016-2023)

import { describe, expect, it } from "vitest";
import { fixtureFindings } from "../e2e/run-check";

const TIMEOUT = 240_000;

const TWINS: Array<{ fixture: string; incident: string; expected: string[] }> = [
    {
        fixture: "twin-aws-telemetry-public",
        incident: "S3 telemetry bucket: public access block switched off, bucket policy granting everyone read and list",
        expected: [
            "mandatory aws-s3-bucket-policy-not-public telemetry",
            "mandatory aws-s3-bucket-public-access-block-enabled telemetry", // one per flag set to false
            "mandatory aws-s3-bucket-public-access-block-enabled telemetry",
            "mandatory aws-s3-bucket-public-access-block-enabled telemetry",
            "mandatory aws-s3-bucket-public-access-block-enabled telemetry",
        ],
    },
    {
        fixture: "twin-aws-dealer-db-open",
        incident: "RDS dealer database: publicly accessible, in public subnets, PostgreSQL open to 0.0.0.0/0",
        expected: [
            "mandatory aws-ec2-security-group-datastore-port-not-public dealer-maintenance",
            "mandatory aws-rds-instance-not-publicly-accessible dealer-maintenance",
        ],
    },
    {
        fixture: "twin-azure-telemetry-public",
        incident: "Storage telemetry account: anonymous blob access on, all networks allowed, container public",
        expected: [
            "advisory azure-storage-account-shared-key-disabled telemetry",
            "mandatory azure-storage-account-blob-public-access-disabled telemetry",
            "mandatory azure-storage-account-network-restricted telemetry",
            "mandatory azure-storage-container-not-public raw-telemetry",
        ],
    },
    {
        fixture: "twin-azure-dealer-db-open",
        incident: "PostgreSQL dealer database: public network access on, firewall open to every address and every Azure tenant",
        expected: [
            "mandatory azure-datastore-firewall-rule-not-public allow-all",
            "mandatory azure-datastore-firewall-rule-not-public allow-azure-services",
            "mandatory azure-rdbms-server-not-public dealer-maintenance",
        ],
    },
];

describe.each(TWINS)("$fixture ($incident)", ({ fixture, expected }) => {
    it.each(["preview", "deployed"] as const)("is rejected in %s mode with the expected policies (exit code 1)", { timeout: TIMEOUT }, (mode) => {
        const { exitCode, lines, stderr } = fixtureFindings(fixture, mode);
        expect(lines, stderr).toEqual([...expected].sort());
        expect(exitCode).toBe(1);
    });
});
