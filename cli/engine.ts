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

export interface SessionOptions {
    port: number;
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    rpcTimeoutMs: number;
}

/** One engine's conversation with a running pack: what the CLI does, one call at a time. */
export class AnalyzerSession {
    private readonly client: Client;

    constructor(private readonly options: SessionOptions) {
        this.client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${options.port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return call<T>(this.client, method, request, this.options.rpcTimeoutMs);
    }

    /** Handshake, ConfigureStack, GetPluginInfo, GetAnalyzerInfo and Configure with the layered config. */
    async start(config: PolicyPackConfig): Promise<{ info: AnalyzerInfo; config: PolicyPackConfig }> {
        try {
            const handshake = new analyzerProto.AnalyzerHandshakeRequest();
            handshake.setEngineAddress("127.0.0.1:0");
            await this.call("handshake", handshake);
        } catch (e) {
            if ((e as { code?: number }).code !== grpc.status.UNIMPLEMENTED) throw e;
        }
        const stackRequest = new analyzerProto.AnalyzerStackConfigureRequest();
        stackRequest.setStack(this.options.stack);
        stackRequest.setProject(this.options.project);
        stackRequest.setOrganization(this.options.organization ?? "organization");
        stackRequest.setDryRun(this.options.dryRun);
        await this.call("configureStack", stackRequest);
        await this.call("getPluginInfo", new emptyProto.Empty());
        const info = readInfo(await this.call("getAnalyzerInfo", new emptyProto.Empty()));

        const layered = reconcilePolicyPackConfig(info.policies, info.initialConfig, config);
        const configure = new analyzerProto.ConfigureAnalyzerRequest();
        const configMap = configure.getPolicyconfigMap();
        for (const policy of info.policies) {
            const entry = layered[policy.name] ?? {};
            const msg = new analyzerProto.PolicyConfig();
            msg.setEnforcementlevel(LEVEL_VALUES[entry.enforcementLevel ?? policy.enforcementLevel]);
            msg.setProperties(toStruct(entry.properties ?? {}));
            configMap.set(policy.name, msg);
        }
        await this.call("configure", configure);
        return { info, config: layered };
    }

    /** Remediate then Analyze one resource's inputs, as the engine does at registration. */
    async analyzeResource(resource: CapturedResource, byUrn: ReadonlyMap<string, CapturedResource>) {
        let inputs = resource.inputs;
        const remediations: RemediationRecord[] = [];
        const remediated: any = await this.call("remediate", analyzeRequest(resource, inputs, byUrn));
        for (const r of remediated.getRemediationsList()) {
            const props = r.getProperties();
            if (props) {
                inputs = props.toJavaScript();
            }
            remediations.push({ policyName: r.getPolicyname(), urn: resource.urn, description: r.getDescription(), diagnostic: r.getDiagnostic() });
        }
        const analyzed = await this.call("analyze", analyzeRequest(resource, inputs, byUrn));
        return {
            inputs,
            remediations,
            diagnostics: readDiagnostics(analyzed, resource.urn, "analyze"),
            notApplicable: readNotApplicable(analyzed, resource.urn),
        };
    }

    /** Analyze only (no Remediate), for measuring. */
    async analyzeOnly(resource: CapturedResource, byUrn: ReadonlyMap<string, CapturedResource>): Promise<Diagnostic[]> {
        return readDiagnostics(await this.call("analyze", analyzeRequest(resource, resource.inputs, byUrn)), resource.urn, "analyze");
    }

    /** AnalyzeStack on every resource's outputs. */
    async analyzeStack(resources: readonly CapturedResource[], byUrn: ReadonlyMap<string, CapturedResource>) {
        const resp = await this.call("analyzeStack", analyzeStackRequest(resources, byUrn));
        // As the engine does: a stack diagnostic without a URN of the stack is attributed to the root stack.
        const root = resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? resources[0]?.urn ?? "";
        return {
            diagnostics: readDiagnostics(resp, root, "analyzeStack").map((d) => (byUrn.has(d.urn) ? d : { ...d, urn: root })),
            notApplicable: readNotApplicable(resp, root),
        };
    }

    close(): void {
        (this.client as unknown as { close(): void }).close();
    }
}

/** The whole engine sequence over a program's resources. */
export async function runAnalysis(options: EngineOptions): Promise<EngineResult> {
    const session = new AnalyzerSession(options);
    try {
        const { info, config } = await session.start(options.config);
        const byUrn = new Map(options.resources.map((r) => [r.urn, r]));
        const diagnostics: Diagnostic[] = [];
        const notApplicable: NotApplicable[] = [];
        const remediations: RemediationRecord[] = [];
        const stackResources: CapturedResource[] = [];
        for (const resource of options.resources) {
            const result = await session.analyzeResource(resource, byUrn);
            remediations.push(...result.remediations);
            diagnostics.push(...result.diagnostics);
            notApplicable.push(...result.notApplicable);
            // The engine creates the resource from the remediated inputs, so its outputs carry them too.
            stackResources.push(result.remediations.length > 0 ? { ...resource, outputs: { ...resource.outputs, ...result.inputs } } : resource);
        }
        const stack = await session.analyzeStack(stackResources, new Map(stackResources.map((r) => [r.urn, r])));
        diagnostics.push(...stack.diagnostics);
        notApplicable.push(...stack.notApplicable);
        return { info, config, diagnostics, notApplicable, remediations };
    } catch (e) {
        if (e instanceof RunnerError || e instanceof PolicyConfigError) throw e;
        throw new RunnerError(`the policy pack failed during analysis: ${(e as Error).message}`);
    } finally {
        session.close();
    }
}
