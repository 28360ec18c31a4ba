// Plausible values for what the cloud would return, used in deployed mode (every value known) and for the
// provider functions (invokes) a program may call. Deterministic: derived from the URN or name.

import { createHash } from "node:crypto";

export const ACCOUNT_ID = "123456789012";
export const REGION = "us-east-1";
export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const TENANT_ID = "11111111-1111-1111-1111-111111111111";

function hex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

type Props = Record<string, unknown>;

const AWS_ID_PREFIXES: Record<string, string> = {
    "ec2/securityGroup": "sg-",
    "ec2/vpc": "vpc-",
    "ec2/subnet": "subnet-",
    "ec2/routeTable": "rtb-",
    "ec2/internetGateway": "igw-",
    "ec2/natGateway": "nat-",
    "ec2/vpcEndpoint": "vpce-",
    "ec2/securityGroupRule": "sgrule-",
    "vpc/securityGroupIngressRule": "sgr-",
    "vpc/securityGroupEgressRule": "sgr-",
    "cloudfront/originAccessControl": "E",
    "cloudfront/distribution": "E",
};

/** Outputs a provider computes on create, for an AWS resource. */
function awsOutputs(token: string, name: string, urn: string, inputs: Props): { id: string; outputs: Props } {
    const [, moduleAndKind] = token.split(":");
    const [service, kind] = (moduleAndKind ?? "").split("/");
    const outputs: Props = {};
    let id: string;
    if (service === "s3" && (kind === "bucket" || kind === "bucketV2")) {
        const bucket = typeof inputs.bucket === "string" ? inputs.bucket : `${name.toLowerCase()}-${hex(urn, 7)}`;
        id = bucket;
        Object.assign(outputs, {
            bucket,
            arn: `arn:aws:s3:::${bucket}`,
            bucketDomainName: `${bucket}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${bucket}.s3.${REGION}.amazonaws.com`,
            region: REGION,
        });
    } else if (service === "s3" && typeof inputs.bucket === "string") {
        // Bucket sub-resources (policy, public access block, ACL, ...) are identified by their bucket.
        id = inputs.bucket;
    } else {
        const prefix = AWS_ID_PREFIXES[moduleAndKind ?? ""];
        const named = inputs.name ?? inputs.identifier ?? inputs.clusterIdentifier;
        id = prefix !== undefined ? `${prefix}${hex(urn, 17)}` : typeof named === "string" ? named : `${name}-${hex(urn, 7)}`;
        if (service === "kms" && kind === "key") {
            id = `${hex(urn, 8)}-${hex(urn + "a", 4)}-${hex(urn + "b", 4)}-${hex(urn + "c", 4)}-${hex(urn + "d", 12)}`;
        }
        outputs.arn = `arn:aws:${service}:${REGION}:${ACCOUNT_ID}:${kind}/${id}`;
        if (inputs.name === undefined && !prefix) {
            outputs.name = id;
        }
    }
    outputs.id = id;
    return { id, outputs };
}

/** Outputs for an azure-native resource: its ARM id and name. */
function azureOutputs(token: string, name: string, urn: string, inputs: Props): { id: string; outputs: Props } {
    const [, modulePart, typeName] = token.split(":");
    const module = (modulePart ?? "").split("/")[0];
    const physicalName = `${name.replace(/[^A-Za-z0-9]/g, "").toLowerCase()}${hex(urn, 6)}`;
    const group = typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : "rg";
    const base = `/subscriptions/${SUBSCRIPTION_ID}`;
    const id =
        module === "resources" && typeName === "ResourceGroup"
            ? `${base}/resourceGroups/${typeof inputs.resourceGroupName === "string" ? inputs.resourceGroupName : physicalName}`
            : `${base}/resourceGroups/${group}/providers/Microsoft.${module}/${typeName}/${physicalName}`;
    return { id, outputs: { id, name: module === "resources" ? (inputs.resourceGroupName ?? physicalName) : physicalName } };
}

export function deployedOutputs(token: string, name: string, urn: string, inputs: Props): { id: string; outputs: Props } {
    if (token.startsWith("aws:")) {
        return awsOutputs(token, name, urn, inputs);
    }
    if (token.startsWith("azure-native")) {
        return azureOutputs(token, name, urn, inputs);
    }
    const id = `${name}-${hex(urn, 8)}`;
    return { id, outputs: { id } };
}

// ---- provider functions ----------------------------------------------------------------------------

function single(values: unknown): unknown {
    return Array.isArray(values) && values.length === 1 ? values[0] : values;
}

function renderPrincipals(principals: unknown): Props | string | undefined {
    if (!Array.isArray(principals) || principals.length === 0) {
        return undefined;
    }
    const result: Props = {};
    for (const p of principals as Props[]) {
        if (p.type === "*" ) {
            return "*";
        }
        const type = String(p.type);
        const existing = result[type];
        const identifiers = Array.isArray(p.identifiers) ? p.identifiers : [];
        result[type] = single([...(Array.isArray(existing) ? existing : existing ? [existing] : []), ...identifiers]);
    }
    return result;
}

/** aws.iam.getPolicyDocument, rendered as the provider renders it. */
export function renderPolicyDocument(args: Props): Props {
    const statements = Array.isArray(args.statements) ? (args.statements as Props[]) : [];
    const document = {
        Version: typeof args.version === "string" ? args.version : "2012-10-17",
        Statement: statements.map((s) => {
            const out: Props = {};
            if (s.sid) out.Sid = s.sid;
            out.Effect = s.effect ?? "Allow";
            if (s.actions) out.Action = single(s.actions);
            if (s.notActions) out.NotAction = single(s.notActions);
            if (s.resources) out.Resource = single(s.resources);
            if (s.notResources) out.NotResource = single(s.notResources);
            const principal = renderPrincipals(s.principals);
            if (principal !== undefined) out.Principal = principal;
            const notPrincipal = renderPrincipals(s.notPrincipals);
            if (notPrincipal !== undefined) out.NotPrincipal = notPrincipal;
            if (Array.isArray(s.conditions) && s.conditions.length > 0) {
                const condition: Record<string, Props> = {};
                for (const c of s.conditions as Props[]) {
                    const test = String(c.test);
                    condition[test] = { ...(condition[test] ?? {}), [String(c.variable)]: single(c.values) };
                }
                out.Condition = condition;
            }
            return out;
        }),
    };
    const json = JSON.stringify(document, null, 2);
    return { json, minifiedJson: JSON.stringify(document), id: hex(json, 10) };
}

/** Results of provider functions a program commonly calls; anything else returns an empty object. */
export function invokeResult(token: string, args: Props): Props {
    switch (token) {
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return renderPolicyDocument(args);
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/ci`, userId: "AIDAEXAMPLE", id: ACCOUNT_ID };
        case "aws:index/getRegion:getRegion":
            return { name: REGION, region: REGION, id: REGION, description: "US East (N. Virginia)", endpoint: `ec2.${REGION}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { names: [`${REGION}a`, `${REGION}b`, `${REGION}c`], zoneIds: ["use1-az1", "use1-az2", "use1-az4"], id: REGION };
        case "azure-native:authorization:getClientConfig":
            return { clientId: "22222222-2222-2222-2222-222222222222", objectId: "33333333-3333-3333-3333-333333333333", subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT_ID };
        default:
            return {};
    }
}
