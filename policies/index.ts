// The only file that constructs the PolicyPack. Kept free of console output: the CLI reads the gRPC port
// from the first line this process prints.

import { PolicyPack } from "@pulumi/policy";
import { toPolicies } from "./lib/policy-adapter";
import { rules } from "./registry";

export const packName = "customer-data-guard";

new PolicyPack(packName, {
    description: "No stack can make a customer-data store public (AWS and Azure).",
    enforcementLevel: "mandatory",
    policies: toPolicies(rules),
});
