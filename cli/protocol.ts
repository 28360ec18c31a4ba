// Analyzer protocol messages (pulumirpc.Analyzer), built from captured resources. Shared by the runner's
// engine and the tests that call @pulumi/policy's server functions in-process.

import * as path from "node:path";
import type { CapturedResource } from "./captured";
import type { Level } from "./policy-config";

// The protobuf and gRPC modules @pulumi/pulumi itself uses, so message classes match the pack's.
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
export const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
export const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
export const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const structProto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }));
export const emptyProto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));

export const LEVEL_NAMES: Record<number, Level> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
export const LEVEL_VALUES: Record<Level, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
export const SEVERITY_NAMES: Record<number, string> = { 0: "", 1: "low", 2: "medium", 3: "high", 4: "critical" };

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: Level;
    severity: string;
    urn: string;
    stage: "analyze" | "analyzeStack";
}

export interface NotApplicable {
    policyName: string;
    reason: string;
    urn: string;
}

export function toStruct(value: Record<string, unknown>): unknown {
    return structProto.Struct.fromJavaScript(value);
}

type Resources = ReadonlyMap<string, CapturedResource>;

function resourceOptions(r: CapturedResource): unknown {
    const options = new analyzerProto.AnalyzerResourceOptions();
    options.setProtect(r.protect);
    options.setIgnorechangesList(r.ignoreChanges);
    options.setAdditionalsecretoutputsList(r.additionalSecretOutputs);
    options.setAliasesList(r.aliases);
    if (r.deleteBeforeReplace !== undefined) {
        options.setDeletebeforereplacedefined(true);
        options.setDeletebeforereplace(r.deleteBeforeReplace);
    }
    if (r.parent) {
        options.setParent(r.parent);
    }
    return options;
}

function providerResource(r: CapturedResource, byUrn: Resources): unknown {
    if (!r.provider) return undefined;
    const provider = byUrn.get(r.provider.split("::").slice(0, -1).join("::"));
    if (!provider) return undefined;
    const msg = new analyzerProto.AnalyzerProviderResource();
    msg.setType(provider.type);
    msg.setName(provider.name);
    msg.setUrn(provider.urn);
    msg.setProperties(toStruct(provider.inputs));
    return msg;
}

/** AnalyzeRequest (also used for Remediate) on a resource's inputs. */
export function analyzeRequest(r: CapturedResource, inputs: Record<string, unknown>, byUrn: Resources): unknown {
    const req = new analyzerProto.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(toStruct(inputs));
    req.setOptions(resourceOptions(r));
    const provider = providerResource(r, byUrn);
    if (provider) req.setProvider(provider);
    return req;
}

/** AnalyzeStackRequest on every resource's outputs, with parents and (property) dependencies. */
export function analyzeStackRequest(resources: readonly CapturedResource[], byUrn: Resources): unknown {
    const request = new analyzerProto.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map((r) => {
            const res = new analyzerProto.AnalyzerResource();
            res.setType(r.type);
            res.setName(r.name);
            res.setUrn(r.urn);
            res.setProperties(toStruct(r.outputs));
            res.setOptions(resourceOptions(r));
            const provider = providerResource(r, byUrn);
            if (provider) res.setProvider(provider);
            if (r.parent) res.setParent(r.parent);
            res.setDependenciesList(r.dependencies);
            const deps = res.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(r.propertyDependencies)) {
                const d = new analyzerProto.AnalyzerPropertyDependencies();
                d.setUrnsList(urns);
                deps.set(key, d);
            }
            return res;
        }),
    );
    return request;
}

export function readDiagnostics(resp: any, defaultUrn: string, stage: Diagnostic["stage"]): Diagnostic[] {
    return resp.getDiagnosticsList().map((d: any) => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()] ?? "advisory",
        severity: SEVERITY_NAMES[d.getSeverity?.() ?? 0] ?? "",
        urn: d.getUrn() || defaultUrn,
        stage,
    }));
}

export function readNotApplicable(resp: any, urn: string): NotApplicable[] {
    return (resp.getNotApplicableList?.() ?? []).map((n: any) => ({ policyName: n.getPolicyName(), reason: n.getReason(), urn }));
}
