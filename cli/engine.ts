// A stand-in for the Pulumi engine's side of the analyzer protocol (../shared/PROTOCOL.md, "Call order"):
// Handshake, ConfigureStack, GetPluginInfo, GetAnalyzerInfo, Configure (layered config), then per resource
// Remediate + Analyze on inputs, then AnalyzeStack on outputs with parents and dependencies.

import type { CapturedResource } from "./captured";
import type { Level, PolicyDescription, PolicyPackConfig } from "./policy-config";
import { PolicyConfigError, reconcilePolicyPackConfig } from "./policy-config";
import { RunnerError } from "./pack-process";
import {
    analyzeRequest,
    analyzerProto,
    analyzerRpc,
    analyzeStackRequest,
    emptyProto,
    grpc,
    LEVEL_NAMES,
    LEVEL_VALUES,
    readDiagnostics,
    readNotApplicable,
    SEVERITY_NAMES,
    toStruct,
    type Diagnostic,
    type NotApplicable,
} from "./protocol";

export type { Diagnostic, NotApplicable } from "./protocol";

export interface PolicyInfo extends PolicyDescription {
    description: string;
    severity: string;
    remediationSteps: string;
    url: string;
    kind: "resource" | "stack";
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
    initialConfig: PolicyPackConfig;
}

export interface RemediationRecord {
    policyName: string;
    urn: string;
    description: string;
    diagnostic: string;
}

export interface EngineResult {
    info: AnalyzerInfo;
    config: PolicyPackConfig;
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
    remediations: RemediationRecord[];
}

export interface EngineOptions {
    port: number;
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    config: PolicyPackConfig;
    resources: readonly CapturedResource[];
    rpcTimeoutMs: number;
}

type Client = Record<string, (req: unknown, opts: unknown, cb: (err: Error | null, resp: any) => void) => void>;

function call<T>(client: Client, method: string, request: unknown, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
        client[method](request, { deadline: Date.now() + timeoutMs }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
}

function readInfo(resp: any): AnalyzerInfo {
    const policies: PolicyInfo[] = resp.getPoliciesList().map((p: any) => {
        const schema = p.getConfigschema();
        return {
            name: p.getName(),
            description: p.getDescription(),
            enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()] ?? "advisory",
            severity: SEVERITY_NAMES[p.getSeverity?.() ?? 0] ?? "",
            remediationSteps: p.getRemediationSteps?.() ?? "",
            url: p.getUrl?.() ?? "",
            kind: p.getPolicyType?.() === analyzerProto.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
            configSchema: schema
                ? { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() }
                : undefined,
        };
    });
    const initialConfig: PolicyPackConfig = {};
    resp.getInitialconfigMap().forEach((v: any, k: string) => {
        initialConfig[k] = {
            enforcementLevel: LEVEL_NAMES[v.getEnforcementlevel()],
            properties: v.getProperties()?.toJavaScript(),
        };
    });
    return { name: resp.getName(), version: resp.getVersion(), policies, initialConfig };
}

export async function runAnalysis(options: EngineOptions): Promise<EngineResult> {
    const client: Client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${options.port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
        "grpc.max_send_message_length": 400 * 1024 * 1024,
    });
    const t = options.rpcTimeoutMs;
    try {
        try {
            const handshake = new analyzerProto.AnalyzerHandshakeRequest();
            handshake.setEngineAddress("127.0.0.1:0");
            await call(client, "handshake", handshake, t);
        } catch (e) {
            if ((e as { code?: number }).code !== grpc.status.UNIMPLEMENTED) throw e;
        }

        const stackRequest = new analyzerProto.AnalyzerStackConfigureRequest();
        stackRequest.setStack(options.stack);
        stackRequest.setProject(options.project);
        stackRequest.setOrganization(options.organization ?? "organization");
        stackRequest.setDryRun(options.dryRun);
        await call(client, "configureStack", stackRequest, t);

        await call(client, "getPluginInfo", new emptyProto.Empty(), t);
        const info = readInfo(await call(client, "getAnalyzerInfo", new emptyProto.Empty(), t));

        const config = reconcilePolicyPackConfig(info.policies, info.initialConfig, options.config);
        const configure = new analyzerProto.ConfigureAnalyzerRequest();
        const configMap = configure.getPolicyconfigMap();
        for (const policy of info.policies) {
            const entry = config[policy.name] ?? {};
            const msg = new analyzerProto.PolicyConfig();
            msg.setEnforcementlevel(LEVEL_VALUES[entry.enforcementLevel ?? policy.enforcementLevel]);
            msg.setProperties(toStruct(entry.properties ?? {}));
            configMap.set(policy.name, msg);
        }
        await call(client, "configure", configure, t);

        const byUrn = new Map(options.resources.map((r) => [r.urn, r]));
        const diagnostics: Diagnostic[] = [];
        const notApplicable: NotApplicable[] = [];
        const remediations: RemediationRecord[] = [];
        for (const resource of options.resources) {
            let inputs = resource.inputs;
            const remediated: any = await call(client, "remediate", analyzeRequest(resource, inputs, byUrn), t);
            for (const r of remediated.getRemediationsList()) {
                const props = r.getProperties();
                if (props) {
                    inputs = props.toJavaScript();
                }
                remediations.push({ policyName: r.getPolicyname(), urn: resource.urn, description: r.getDescription(), diagnostic: r.getDiagnostic() });
            }
            const analyzed = await call(client, "analyze", analyzeRequest(resource, inputs, byUrn), t);
            diagnostics.push(...readDiagnostics(analyzed, resource.urn, "analyze"));
            notApplicable.push(...readNotApplicable(analyzed, resource.urn));
        }

        const stackReq = analyzeStackRequest(options.resources, byUrn);
        const stackResp = await call(client, "analyzeStack", stackReq, t);
        // As the engine does: a stack diagnostic without a URN of the stack is attributed to the root stack.
        const root = options.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? options.resources[0]?.urn ?? "";
        for (const d of readDiagnostics(stackResp, root, "analyzeStack")) {
            diagnostics.push(byUrn.has(d.urn) ? d : { ...d, urn: root });
        }
        notApplicable.push(...readNotApplicable(stackResp, root));
        return { info, config, diagnostics, notApplicable, remediations };
    } catch (e) {
        if (e instanceof RunnerError || e instanceof PolicyConfigError) throw e;
        throw new RunnerError(`the policy pack failed during analysis: ${(e as Error).message}`);
    } finally {
        (client as unknown as { close(): void }).close();
    }
}
