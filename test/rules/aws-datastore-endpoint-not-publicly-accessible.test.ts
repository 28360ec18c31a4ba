import { awsDatastoreEndpointNotPubliclyAccessible as rule } from "../../policies/aws/datastore/aws-datastore-endpoint-not-publicly-accessible";
import { one, ruleTable, UNKNOWN } from "../harness";

const NEPTUNE = "aws:neptune/clusterInstance:ClusterInstance";
const DMS = "aws:dms/replicationInstance:ReplicationInstance";
const DMS_PROFILE = "aws:dms/instanceProfile:InstanceProfile";
const LIGHTSAIL = "aws:lightsail/database:Database";
const MSK = "aws:msk/cluster:Cluster";
const MQ = "aws:mq/broker:Broker";
const GRAPH = "aws:neptunegraph/graph:Graph";
const INFLUX = "aws:timestreaminfluxdb/dbInstance:DbInstance";
const INFLUX_CLUSTER = "aws:timestreaminfluxdb/dbCluster:DbCluster";
const M = "mandatory" as const;

const dms = { replicationInstanceId: "migrate", replicationInstanceClass: "dms.t3.medium" };
const lightsail = { relationalDatabaseName: "shop", blueprintId: "postgres_16", bundleId: "micro_2_0", masterDatabaseName: "shop", masterUsername: "app", masterPassword: "x" };
const msk = (publicAccess?: unknown) => ({
    clusterName: "events",
    kafkaVersion: "3.6.0",
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: {
        instanceType: "kafka.m5.large",
        clientSubnets: ["subnet-a", "subnet-b", "subnet-c"],
        securityGroups: ["sg-0123"],
        ...(publicAccess === undefined ? {} : { connectivityInfo: { publicAccess } }),
    },
});
const influx = { name: "metrics", dbInstanceType: "db.influx.medium", allocatedStorage: 20, vpcSubnetIds: ["subnet-a"], vpcSecurityGroupIds: ["sg-1"] };

ruleTable(rule, [
    { kind: "pass", name: "Neptune instance omitted (default false)", resources: one(NEPTUNE, { clusterIdentifier: "graph", instanceClass: "db.r6g.large" }), expect: [] },
    { kind: "pass", name: "DMS replication instance publiclyAccessible false", resources: one(DMS, { ...dms, publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "DMS instance profile publiclyAccessible false", resources: one(DMS_PROFILE, { instanceProfileIdentifier: "p", publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "Lightsail database omitted (provider default false)", resources: one(LIGHTSAIL, lightsail), expect: [] },
    { kind: "pass", name: "MSK without connectivityInfo (DISABLED)", resources: one(MSK, msk()), expect: [] },
    { kind: "pass", name: "MSK public access DISABLED", resources: one(MSK, msk({ type: "DISABLED" })), expect: [] },
    { kind: "pass", name: "MQ broker omitted (API default false)", resources: one(MQ, { brokerName: "orders", engineType: "RabbitMQ" }), expect: [] },
    { kind: "pass", name: "Neptune Analytics graph omitted (disabled by default)", resources: one(GRAPH, { provisionedMemory: 128 }), expect: [] },
    { kind: "pass", name: "Timestream for InfluxDB publiclyAccessible false", resources: one(INFLUX, { ...influx, publiclyAccessible: false }), expect: [] },
    { kind: "fail", name: "Neptune instance publiclyAccessible true", resources: one(NEPTUNE, { clusterIdentifier: "graph", publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true: the Neptune instance gets a public IP address" }] },
    { kind: "fail", name: "DMS replication instance omitted: API default true", resources: one(DMS, dms), expect: [{ level: M, message: "`publiclyAccessible` is not set, and then the DMS replication instance is publicly accessible" }] },
    { kind: "fail", name: "DMS instance profile omitted: typings default true", resources: one(DMS_PROFILE, { instanceProfileIdentifier: "p" }), expect: [{ level: M, message: "the DMS instance profile is publicly accessible (\"Default is `true`.\"" }] },
    { kind: "fail", name: "DMS replication instance true", resources: one(DMS, { ...dms, publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true" }] },
    { kind: "fail", name: "Lightsail database true", resources: one(LIGHTSAIL, { ...lightsail, publiclyAccessible: true }), expect: [{ level: M, message: "the Lightsail database gets a public IP address" }] },
    { kind: "fail", name: "MSK SERVICE_PROVIDED_EIPS", resources: one(MSK, msk({ type: "SERVICE_PROVIDED_EIPS" })), expect: [{ level: M, message: '`brokerNodeGroupInfo.connectivityInfo.publicAccess.type` is "SERVICE_PROVIDED_EIPS": the brokers get Elastic IP addresses' }] },
    { kind: "fail", name: "MQ broker true", resources: one(MQ, { brokerName: "orders", publiclyAccessible: true }), expect: [{ level: M, message: "the Amazon MQ broker gets a public IP address" }] },
    { kind: "fail", name: "Neptune Analytics publicConnectivity true", resources: one(GRAPH, { provisionedMemory: 128, publicConnectivity: true }), expect: [{ level: M, message: "`publicConnectivity` is true" }] },
    { kind: "fail", name: "Timestream for InfluxDB omitted: no documented default", resources: one(INFLUX, influx), expect: [{ level: M, message: "`publiclyAccessible` is not set, and neither the typings nor CreateDbInstance document a default" }] },
    { kind: "fail", name: "Timestream for InfluxDB cluster true", resources: one(INFLUX_CLUSTER, { ...influx, publiclyAccessible: true }), expect: [{ level: M, message: "the Timestream for InfluxDB cluster gets a public IP address" }] },
    { kind: "not-applicable", name: "a Neptune cluster (no switch)", resources: one("aws:neptune/cluster:Cluster", { publiclyAccessible: true }), expect: [] },
    { kind: "not-applicable", name: "an MSK serverless cluster", resources: one("aws:msk/serverlessCluster:ServerlessCluster", { publiclyAccessible: true }), expect: [] },
    { kind: "unknown", name: "DMS publiclyAccessible unknown", resources: one(DMS, { ...dms, publiclyAccessible: UNKNOWN }), expect: [{ level: M, message: "`publiclyAccessible` is unknown during preview" }] },
    { kind: "unknown", name: "MSK public access type unknown", resources: one(MSK, msk({ type: UNKNOWN })), expect: [{ level: M, message: "`brokerNodeGroupInfo.connectivityInfo.publicAccess.type` is unknown during preview" }] },
    { kind: "unknown", name: "MSK connectivityInfo unknown", resources: one(MSK, { brokerNodeGroupInfo: { connectivityInfo: UNKNOWN } }), expect: [{ level: M, message: "`brokerNodeGroupInfo.connectivityInfo` is unknown during preview" }] },
    { kind: "malformed", name: "Lightsail publiclyAccessible as a string", resources: one(LIGHTSAIL, { ...lightsail, publiclyAccessible: "false" }), expect: [{ level: M, message: '`publiclyAccessible` is "false", which is not a boolean' }] },
    { kind: "malformed", name: "MSK public access type not a known value", resources: one(MSK, msk({ type: "PUBLIC" })), expect: [{ level: M, message: '"PUBLIC", which is not DISABLED or SERVICE_PROVIDED_EIPS' }] },
    { kind: "malformed", name: "MSK brokerNodeGroupInfo not an object", resources: one(MSK, { brokerNodeGroupInfo: "kafka.m5.large" }), expect: [{ level: M, message: '`brokerNodeGroupInfo` is "kafka.m5.large", which is not an object' }] },
]);
