import { awsRdsInstanceNotPubliclyAccessible as rule } from "../../policies/aws/rds/aws-rds-instance-not-publicly-accessible";
import { one, ruleTable, UNKNOWN } from "../harness";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const M = "mandatory" as const;
const base = { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true };

ruleTable(rule, [
    { kind: "pass", name: "publiclyAccessible omitted (provider default false)", resources: one(INSTANCE, base), expect: [] },
    { kind: "pass", name: "publiclyAccessible false", resources: one(INSTANCE, { ...base, publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "Aurora cluster instance, false", resources: one(CLUSTER_INSTANCE, { clusterIdentifier: "c", publiclyAccessible: false }), expect: [] },
    { kind: "fail", name: "instance publiclyAccessible true", resources: one(INSTANCE, { ...base, publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "fail", name: "Aurora cluster instance publiclyAccessible true", resources: one(CLUSTER_INSTANCE, { clusterIdentifier: "c", publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "not-applicable", name: "an RDS cluster (no such switch)", resources: one("aws:rds/cluster:Cluster", { publiclyAccessible: true }), expect: [] },
    { kind: "not-applicable", name: "a DynamoDB table", resources: one("aws:dynamodb/table:Table", {}), expect: [] },
    { kind: "unknown", name: "publiclyAccessible unknown at preview fails closed", resources: one(INSTANCE, { ...base, publiclyAccessible: UNKNOWN }), expect: [{ level: M, message: "`publiclyAccessible` is unknown during preview" }] },
    { kind: "malformed", name: "publiclyAccessible as a string", resources: one(INSTANCE, { ...base, publiclyAccessible: "false" }), expect: [{ level: M, message: '`publiclyAccessible` is "false", which is not a boolean' }] },
    { kind: "malformed", name: "publiclyAccessible as a number", resources: one(CLUSTER_INSTANCE, { publiclyAccessible: 1 }), expect: [{ level: M, message: "`publiclyAccessible` is 1, which is not a boolean" }] },
]);
