import { azureSqlManagedInstancePublicEndpointDisabled as rule } from "../../policies/azure/sql/azure-sql-managed-instance-public-endpoint-disabled";
import { one, ruleTable, UNKNOWN } from "../harness";

const TOKENS = [
    "azure-native:sql:ManagedInstance",
    "azure-native:sql/v20211101:ManagedInstance",
    "azure-native:sql/v20230201preview:ManagedInstance",
    "azure-native_sql_v20230801:sql/v20230801:ManagedInstance",
    "azure-native_sql_v20230801:sql:ManagedInstance",
];
const M = "mandatory" as const;
const base = { resourceGroupName: "rg", subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/mi", proxyOverride: "Redirect" };

ruleTable(rule, [
    { kind: "pass", name: "omitted: the public endpoint is off unless enabled", resources: one(TOKENS[0], base), expect: [] },
    ...TOKENS.map((t) => ({ kind: "pass" as const, name: `publicDataEndpointEnabled false (${t})`, resources: one(t, { ...base, publicDataEndpointEnabled: false }), expect: [] })),
    ...TOKENS.map((t) => ({ kind: "fail" as const, name: `publicDataEndpointEnabled true (${t})`, resources: one(t, { ...base, publicDataEndpointEnabled: true }), expect: [{ level: M, message: "`publicDataEndpointEnabled` is true: the instance gets a public endpoint on port 3342" }] })),
    { kind: "not-applicable", name: "a logical SQL server", resources: one("azure-native:sql:Server", { publicDataEndpointEnabled: true }), expect: [] },
    { kind: "not-applicable", name: "classic provider managed instance", resources: one("azure:mssql/managedInstance:ManagedInstance", { publicDataEndpointEnabled: true }), expect: [] },
    { kind: "unknown", name: "unknown at preview fails closed", resources: one(TOKENS[0], { ...base, publicDataEndpointEnabled: UNKNOWN }), expect: [{ level: M, message: "`publicDataEndpointEnabled` is unknown during preview" }] },
    { kind: "malformed", name: "string instead of boolean", resources: one(TOKENS[0], { ...base, publicDataEndpointEnabled: "true" }), expect: [{ level: M, message: "which is not a boolean" }] },
]);
