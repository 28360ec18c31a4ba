// AWS network-exposure rules: databases with public endpoints, public snapshots and images, search
// domains, Lambda front doors, and security groups open to the internet on a data store.

import type { Rule } from "../lib/rule";
import { awsRdsInstanceNotPubliclyAccessible } from "./rds/aws-rds-instance-not-publicly-accessible";

export const awsNetworkRules: readonly Rule[] = [awsRdsInstanceNotPubliclyAccessible];
