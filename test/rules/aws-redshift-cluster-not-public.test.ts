import { awsRedshiftClusterNotPublic as rule } from "../../policies/aws/redshift/aws-redshift-cluster-not-public";
import { one, ruleTable, UNKNOWN } from "../harness";

const CLUSTER = "aws:redshift/cluster:Cluster";
const WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup";
const POLICY = "aws:redshift/resourcePolicy:ResourcePolicy";
const SERVERLESS_POLICY = "aws:redshiftserverless/resourcePolicy:ResourcePolicy";
const M = "mandatory" as const;
const A = "advisory" as const;

const cluster = { clusterIdentifier: "telemetry", nodeType: "ra3.xlplus", encrypted: true };
const workgroup = { namespaceName: "telemetry", workgroupName: "telemetry" };
const arn = "arn:aws:redshift:us-east-1:123456789012:namespace:abc";
const doc = (principal: unknown, condition?: unknown) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "redshift:AuthorizeInboundIntegration", Resource: arn, ...(condition ? { Condition: condition } : {}) }] });

ruleTable(rule, [
    { kind: "pass", name: "cluster publiclyAccessible omitted (default false)", resources: one(CLUSTER, cluster), expect: [] },
    { kind: "pass", name: "cluster publiclyAccessible false", resources: one(CLUSTER, { ...cluster, publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "workgroup publiclyAccessible false", resources: one(WORKGROUP, { ...workgroup, publiclyAccessible: false }), expect: [] },
    { kind: "pass", name: "resource policy for one account", resources: one(POLICY, { resourceArn: arn, policy: doc({ AWS: "arn:aws:iam::210987654321:root" }) }), expect: [] },
    { kind: "pass", name: "serverless snapshot policy for the organization", resources: one(SERVERLESS_POLICY, { resourceArn: arn, policy: doc("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }) }), expect: [] },
    { kind: "fail", name: "cluster publiclyAccessible true", resources: one(CLUSTER, { ...cluster, publiclyAccessible: true }), expect: [{ level: M, message: "`publiclyAccessible` is true: the cluster endpoint resolves to a public IP" }] },
    { kind: "fail", name: "workgroup publiclyAccessible true", resources: one(WORKGROUP, { ...workgroup, publiclyAccessible: true }), expect: [{ level: M, message: "the workgroup endpoint resolves to a public IP" }] },
    { kind: "fail", name: "workgroup publiclyAccessible omitted (no documented default: fail closed)", resources: one(WORKGROUP, workgroup), expect: [{ level: M, message: "`publiclyAccessible` is not set on the workgroup" }] },
    { kind: "fail", name: "resource policy granting *", resources: one(POLICY, { resourceArn: arn, policy: doc("*") }), expect: [{ level: M, message: '`policy` statement index 0 allows "redshift:AuthorizeInboundIntegration" to "*"' }] },
    { kind: "fail", name: "serverless resource policy granting {AWS: *}", resources: one(SERVERLESS_POLICY, { resourceArn: arn, policy: doc({ AWS: "*" }) }), expect: [{ level: M, message: "anyone can use it" }] },
    { kind: "not-applicable", name: "a Redshift snapshot schedule", resources: one("aws:redshift/snapshotSchedule:SnapshotSchedule", { publiclyAccessible: true }), expect: [] },
    { kind: "not-applicable", name: "a Redshift Serverless namespace", resources: one("aws:redshiftserverless/namespace:Namespace", { publiclyAccessible: true }), expect: [] },
    { kind: "unknown", name: "cluster publiclyAccessible unknown", resources: one(CLUSTER, { ...cluster, publiclyAccessible: UNKNOWN }), expect: [{ level: M, message: "`publiclyAccessible` is unknown during preview" }] },
    { kind: "unknown", name: "resource policy unknown at preview: a warning, checked at update time", resources: one(POLICY, { resourceArn: UNKNOWN, policy: UNKNOWN }), expect: [{ level: A, message: "`policy` is not known during preview" }] },
    { kind: "malformed", name: "workgroup publiclyAccessible as a string", resources: one(WORKGROUP, { ...workgroup, publiclyAccessible: "no" }), expect: [{ level: M, message: '`publiclyAccessible` is "no", which is not a boolean' }] },
    { kind: "malformed", name: "resource policy that is not JSON", resources: one(POLICY, { resourceArn: arn, policy: "{not json" }), expect: [{ level: M, message: "`policy` cannot be read" }] },
]);
