// Every policy of the pack, in one list: what the pack, the tests and the docs import.

import { awsNetworkRules } from "./aws/network-rules";
import { awsStorageRules } from "./aws/storage-rules";
import { azureRules } from "./azure/rules";
import type { Rule } from "./lib/rule";

export const rules: readonly Rule[] = [...awsStorageRules, ...awsNetworkRules, ...azureRules];
