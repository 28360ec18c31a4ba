// SARIF 2.1.0 for code scanning (GitHub, GitLab): one run per checked program, one rule per policy with
// its metadata, one result per finding with the resource URN as logical location and the program's entry
// file as physical location (code scanning drops results without one). Exempted findings are left out:
// code scanning ignores suppressions, so listing them would only raise alerts nobody should act on.

import * as path from "node:path";
import type { PolicyInfo } from "./engine";
import type { ProgramReport } from "./report";

const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function sarifLevel(level: string): "error" | "warning" | "none" {
    return level === "mandatory" || level === "remediate" ? "error" : level === "advisory" ? "warning" : "none";
}

function rule(policy: PolicyInfo) {
    return {
        id: policy.name,
        name: policy.name,
        shortDescription: { text: policy.description },
        fullDescription: { text: policy.description },
        help: { text: policy.remediationSteps || policy.description },
        ...(policy.url ? { helpUri: policy.url } : {}),
        defaultConfiguration: { level: sarifLevel(policy.enforcementLevel) },
        properties: {
            tags: ["security", "customer-data", policy.kind === "stack" ? "stack-policy" : "resource-policy"],
            precision: "high",
            ...(SECURITY_SEVERITY[policy.severity] ? { "security-severity": SECURITY_SEVERITY[policy.severity] } : {}),
        },
    };
}

export function toSarif(reports: readonly ProgramReport[]): Record<string, unknown> {
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: reports.map((report) => {
            const policies = report.result.info.policies;
            const index = new Map(policies.map((p, i) => [p.name, i]));
            const artifact = path.relative(process.cwd(), report.entry).split(path.sep).join("/");
            return {
                tool: {
                    driver: {
                        name: report.result.info.name,
                        version: report.result.info.version,
                        informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                        rules: policies.map(rule),
                    },
                },
                automationDetails: { id: `${report.project}/${report.stack}/${report.mode}/` },
                results: report.result.diagnostics.map((d) => ({
                    ruleId: d.policyName,
                    ...(index.has(d.policyName) ? { ruleIndex: index.get(d.policyName) } : {}),
                    level: sarifLevel(d.enforcementLevel),
                    message: { text: d.message },
                    locations: [
                        {
                            physicalLocation: { artifactLocation: { uri: artifact }, region: { startLine: 1 } },
                            logicalLocations: [{ fullyQualifiedName: d.urn, name: d.urn.slice(d.urn.lastIndexOf("::") + 2), kind: "resource" }],
                        },
                    ],
                    partialFingerprints: { "resourceUrn/v1": `${d.policyName}|${d.urn}` },
                    properties: { enforcementLevel: d.enforcementLevel, stage: d.stage },
                })),
            };
        }),
    };
}
