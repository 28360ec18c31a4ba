import { awsRdsSnapshotNotPublic as rule } from "../../policies/aws/rds/aws-rds-snapshot-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const SNAPSHOT = "aws:rds/snapshot:Snapshot";
const CLUSTER_SNAPSHOT = "aws:rds/clusterSnapshot:ClusterSnapshot";
const COPY = "aws:rds/snapshotCopy:SnapshotCopy";
const CLUSTER_COPY = "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy";
const M = "mandatory" as const;

const snap = { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-2024" };
const clusterSnap = { dbClusterIdentifier: "orders", dbClusterSnapshotIdentifier: "orders-2024" };
const copy = { sourceDbSnapshotIdentifier: "arn:aws:rds:us-east-1:123456789012:snapshot:orders-2024", targetDbSnapshotIdentifier: "orders-copy" };
const clusterCopy = { sourceDbClusterSnapshotIdentifier: "orders-2024", targetDbClusterSnapshotIdentifier: "orders-copy" };

ruleTable(rule, [
    { kind: "pass", name: "snapshot not shared (sharedAccounts omitted)", resources: one(SNAPSHOT, snap), expect: [] },
    { kind: "pass", name: "cluster snapshot shared with one account", resources: one(CLUSTER_SNAPSHOT, { ...clusterSnap, sharedAccounts: ["210987654321"] }), expect: [] },
    { kind: "pass", name: "snapshot copy with an empty list", resources: one(COPY, { ...copy, sharedAccounts: [] }), expect: [] },
    { kind: "fail", name: "snapshot shared with all", resources: one(SNAPSHOT, { ...snap, sharedAccounts: ["all"] }), expect: [{ level: M, message: '`sharedAccounts[0]` is "all": the snapshot is public' }] },
    { kind: "fail", name: "cluster snapshot: all after an account", resources: one(CLUSTER_SNAPSHOT, { ...clusterSnap, sharedAccounts: ["210987654321", "all"] }), expect: [{ level: M, message: "`sharedAccounts[1]` is \"all\"" }] },
    { kind: "fail", name: "snapshot copy shared with ALL (any case)", resources: one(COPY, { ...copy, sharedAccounts: ["ALL"] }), expect: [{ level: M, message: '"ALL": the snapshot is public' }] },
    { kind: "fail", name: "cluster snapshot copy shared with all", resources: one(CLUSTER_COPY, { ...clusterCopy, sharedAccounts: ["all"] }), expect: [{ level: M, message: "any AWS account can copy it" }] },
    { kind: "not-applicable", name: "a Neptune cluster snapshot has no sharing property", resources: one("aws:neptune/clusterSnapshot:ClusterSnapshot", { sharedAccounts: ["all"] }), expect: [] },
    { kind: "not-applicable", name: "an RDS instance", resources: one("aws:rds/instance:Instance", { sharedAccounts: ["all"] }), expect: [] },
    { kind: "unknown", name: "sharedAccounts unknown at preview", resources: one(SNAPSHOT, { ...snap, sharedAccounts: UNKNOWN }), expect: [{ level: M, message: "`sharedAccounts` is unknown during preview" }] },
    { kind: "unknown", name: "one account unknown at preview", resources: one(CLUSTER_COPY, { ...clusterCopy, sharedAccounts: ["210987654321", UNKNOWN] }), expect: [{ level: M, message: "`sharedAccounts[1]` is unknown during preview" }] },
    { kind: "malformed", name: "sharedAccounts as a string", resources: one(SNAPSHOT, { ...snap, sharedAccounts: "all" }), expect: [{ level: M, message: '`sharedAccounts` is "all", which is not a list of account IDs' }] },
    { kind: "malformed", name: "an account as a number", resources: one(COPY, { ...copy, sharedAccounts: [210987654321] }), expect: [{ level: M, message: "`sharedAccounts[0]` is 210987654321, which is not an account ID string" }] },
]);
