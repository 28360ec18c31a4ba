import { boolField, enumEquals, isObject, stringField } from "../../lib/props";
import { invalidFieldFinding, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";
import { isUnknown } from "../../lib/unknown";

/** What leaving the switch out means, and where that comes from. */
type WhenAbsent =
    | { readonly means: "private"; readonly source: string }
    | { readonly means: "public"; readonly source: string }
    | { readonly means: "undocumented"; readonly source: string };

interface Switch {
    /** "the Neptune instance" */
    readonly what: string;
    /** Path to the switch, outermost first. */
    readonly path: readonly string[];
    readonly kind: "boolean" | "msk-public-access";
    readonly absent: WhenAbsent;
}

/**
 * One table, type -> public-endpoint switch and its default (docs/aws-tokens.md §17 unless noted). The
 * CATALOG row names Neptune, DMS, MSK and Lightsail; the other stores with a public-endpoint switch that the
 * catalog misses (docs/aws-tokens.md §0.14) are covered here too.
 */
const SWITCHES: Readonly<Record<string, Switch>> = {
    "aws:neptune/clusterInstance:ClusterInstance": {
        what: "the Neptune instance",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "private", source: "\"Default is `false`.\" (@pulumi/aws neptune/clusterInstance.d.ts)" },
    },
    "aws:dms/replicationInstance:ReplicationInstance": {
        what: "the DMS replication instance",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "public", source: "the typings give no default and the DMS API's is true (\"The default value is true\", docs/aws-tokens.md [S16])" },
    },
    "aws:dms/instanceProfile:InstanceProfile": {
        what: "the DMS instance profile",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "public", source: "\"Default is `true`.\" (@pulumi/aws dms/instanceProfile.d.ts)" },
    },
    "aws:lightsail/database:Database": {
        what: "the Lightsail database",
        path: ["publiclyAccessible"],
        kind: "boolean",
        // The AWS API documents no default [S6]; the provider's schema has `Default: false` (terraform-provider-aws
        // internal/service/lightsail/database.go, `publicly_accessible`), so leaving it out means false.
        absent: { means: "private", source: "the provider schema default false (terraform-provider-aws lightsail/database.go)" },
    },
    "aws:msk/cluster:Cluster": {
        what: "the MSK cluster",
        path: ["brokerNodeGroupInfo", "connectivityInfo", "publicAccess", "type"],
        kind: "msk-public-access",
        // No publicAccess block means DISABLED; public access can only be turned on by a later update [S17].
        absent: { means: "private", source: "no public access block means DISABLED (AWS::MSK::Cluster PublicAccess, [S17])" },
    },
    "aws:mq/broker:Broker": {
        what: "the Amazon MQ broker",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "private", source: "MQ CreateBroker `PubliclyAccessible`: \"Set to false by default, if no value is provided.\"" },
    },
    "aws:neptunegraph/graph:Graph": {
        what: "the Neptune Analytics graph",
        path: ["publicConnectivity"],
        kind: "boolean",
        absent: { means: "private", source: "\"Graphs are created with public connectivity disabled by default\" (Neptune Analytics User Guide, Connecting to a graph)" },
    },
    "aws:timestreaminfluxdb/dbInstance:DbInstance": {
        what: "the Timestream for InfluxDB instance",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "undocumented", source: "neither the typings nor CreateDbInstance document a default" },
    },
    "aws:timestreaminfluxdb/dbCluster:DbCluster": {
        what: "the Timestream for InfluxDB cluster",
        path: ["publiclyAccessible"],
        kind: "boolean",
        absent: { means: "undocumented", source: "neither the typings nor CreateDbCluster document a default" },
    },
};

function absentFinding(s: Switch, field: string): Finding[] {
    switch (s.absent.means) {
        case "private":
            return [];
        case "public":
            return [{
                message:
                    `\`${field}\` is not set, and then ${s.what} is publicly accessible (${s.absent.source}): it gets a ` +
                    `public IP address. Set \`${field}: false\`.`,
            }];
        case "undocumented":
            return [{
                message:
                    `\`${field}\` is not set, and ${s.absent.source}, so nothing guarantees that ${s.what} stays private. ` +
                    `Set \`${field}: false\`.`,
            }];
    }
}

function checkSwitch(s: Switch, props: Record<string, unknown>): Finding[] {
    const consequence = `${s.what} gets a public endpoint`;
    // Walk to the object holding the switch; a missing level means the switch is absent.
    let bag: unknown = props;
    const walked: string[] = [];
    for (const key of s.path.slice(0, -1)) {
        if (isUnknown(bag)) return [unknownSwitchFinding(walked.join("."), consequence)];
        if (!isObject(bag)) return [invalidFieldFinding(walked.join("."), bag, "an object", consequence)];
        const next = bag[key];
        walked.push(key);
        if (next === undefined || next === null) return absentFinding(s, s.path.join("."));
        bag = next;
    }
    if (isUnknown(bag)) return [unknownSwitchFinding(walked.join("."), consequence)];
    if (!isObject(bag)) return [invalidFieldFinding(walked.join("."), bag, "an object", consequence)];
    const key = s.path[s.path.length - 1];
    const field = s.path.join(".");

    if (s.kind === "boolean") {
        const value = boolField(bag, key);
        switch (value.state) {
            case "absent":
                return absentFinding(s, field);
            case "unknown":
                return [unknownSwitchFinding(field, consequence)];
            case "invalid":
                return [invalidFieldFinding(field, value.raw, value.expected, consequence)];
            case "known":
                return value.value
                    ? [{ message: `\`${field}\` is true: ${s.what} gets a public IP address and accepts connections from the internet.` }]
                    : [];
        }
    }
    const type = stringField(bag, key);
    switch (type.state) {
        case "absent":
            return absentFinding(s, field);
        case "unknown":
            return [unknownSwitchFinding(field, consequence)];
        case "invalid":
            return [invalidFieldFinding(field, type.raw, type.expected, consequence)];
        case "known":
            if (enumEquals(type.value.trim(), "DISABLED")) return [];
            if (enumEquals(type.value.trim(), "SERVICE_PROVIDED_EIPS")) {
                // "SERVICE_PROVIDED_EIPS means that public access is turned on." [S17]
                return [{ message: `\`${field}\` is "${type.value}": the brokers get Elastic IP addresses and accept connections from the internet.` }];
            }
            return [invalidFieldFinding(field, type.value, "DISABLED or SERVICE_PROVIDED_EIPS", consequence)];
    }
}

export const awsDatastoreEndpointNotPubliclyAccessible: ResourceRule = {
    kind: "resource",
    name: "aws-datastore-endpoint-not-publicly-accessible",
    description:
        "Neptune, DMS, MSK, Lightsail, Amazon MQ, Neptune Analytics and Timestream for InfluxDB endpoints must not be " +
        "publicly accessible.",
    severity: "critical",
    remediationSteps:
        "Set the public-access switch off explicitly (`publiclyAccessible: false`, `publicConnectivity: false`, or MSK " +
        "`brokerNodeGroupInfo.connectivityInfo.publicAccess.type: \"DISABLED\"`), keep the store in private subnets, " +
        "and reach it through the VPC (security groups, VPC endpoints, peering).",
    url: "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
    catalog: "AWS: Neptune / DMS / MSK / Lightsail public",
    appliesTo: awsTypes(...Object.keys(SWITCHES)),
    check(resource): Finding[] {
        const s = SWITCHES[resource.type];
        return s ? checkSwitch(s, resource.props) : [];
    },
};
