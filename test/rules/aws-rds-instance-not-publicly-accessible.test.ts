import { awsRdsInstanceNotPubliclyAccessible as rule } from "../../policies/aws/rds/aws-rds-instance-not-publicly-accessible";
import { one, ruleTable, UNKNOWN } from "../harness";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const SHARD_GROUP = "aws:rds/shardGroup:ShardGroup";
const shard = { dbClusterIdentifier: "limitless", dbShardGroupIdentifier: "shards", maxAcu: 768 };
const M = "mandatory" as const;
const base = { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true };

ruleTable(rule, [
    { kind: "pass", name: "publiclyAccessible omitted (provider default false)", resources: one(INSTANCE, base), expect: [] },
    { kind: "pass", name: "publiclyAccessible false", resources: one(INSTANCE, { ...base, publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "Aurora cluster instance, false", resources: one(CLUSTER_INSTANCE, { clusterIdentifier: "c", publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "Aurora cluster instance, omitted (provider default false)", resources: one(CLUSTER_INSTANCE, { clusterIdentifier: "c", engine: "aurora-postgresql" }), expect: [] },
    { kind: "pass", name: "shard group publiclyAccessible false", resources: one(SHARD_GROUP, { ...shard, publiclyAccessible: false }), expect: [] },
    { kind: "fail", name: "shard group publiclyAccessible omitted (no default; RDS decides from the subnets)", resources: one(SHARD_GROUP, shard), expect: [{ level: M, message: "`publiclyAccessible` is not set on the shard group" }] },
    { kind: "fail", name: "shard group publiclyAccessible true", resources: one(SHARD_GROUP, { ...shard, publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "fail", name: "instance publiclyAccessible true", resources: one(INSTANCE, { ...base, publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "fail", name: "Aurora cluster instance publiclyAccessible true", resources: one(CLUSTER_INSTANCE, { clusterIdentifier: "c", publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "not-applicable", name: "an RDS cluster (no such switch)", resources: one("aws:rds/cluster:Cluster", { publiclyAccessible: true }), expect: [] },
    { kind: "not-applicable", name: "a DynamoDB table", resources: one("aws:dynamodb/table:Table", {}), expect: [] },
    { kind: "unknown", name: "publiclyAccessible unknown at preview fails closed", resources: one(INSTANCE, { ...base, publiclyAccessible: UNKNOWN }), expect: [{ level: M, message: "`publiclyAccessible` is unknown during preview" }] },
    { kind: "malformed", name: "publiclyAccessible as a string", resources: one(INSTANCE, { ...base, publiclyAccessible: "false" }), expect: [{ level: M, message: '`publiclyAccessible` is "false", which is not a boolean' }] },
    { kind: "unknown", name: "shard group publiclyAccessible unknown", resources: one(SHARD_GROUP, { ...shard, publiclyAccessible: UNKNOWN }), expect: [{ level: M, message: "`publiclyAccessible` is unknown during preview" }] },
    { kind: "malformed", name: "publiclyAccessible as a number", resources: one(CLUSTER_INSTANCE, { publiclyAccessible: 1 }), expect: [{ level: M, message: "`publiclyAccessible` is 1, which is not a boolean" }] },
]);
