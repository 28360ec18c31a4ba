// What the runner prints: the policy section of `pulumi preview` (text) or a machine-readable report (json).

import type { Diagnostic, EngineResult } from "./engine";

export interface ProgramReport {
    program: string;
    /** The program's entry file (absolute). */
    entry: string;
    mode: "preview" | "deployed";
    project: string;
    stack: string;
    resourceCount: number;
    result: EngineResult;
}

export function counts(diagnostics: readonly Diagnostic[]): { mandatory: number; advisory: number } {
    let mandatory = 0;
    let advisory = 0;
    for (const d of diagnostics) {
        if (d.enforcementLevel === "advisory") advisory++;
        else if (d.enforcementLevel === "mandatory" || d.enforcementLevel === "remediate") mandatory++;
    }
    return { mandatory, advisory };
}

function resourceLabel(urn: string): string {
    const parts = urn.split("::");
    const type = (parts[2] ?? "").split("$").pop();
    return `${type}: ${parts[3] ?? urn}`;
}

function indent(text: string, prefix: string): string {
    return text.split("\n").map((line) => prefix + line).join("\n");
}

/** Findings an exemption covered: reported by the pack as "not applicable" with the exemption's evidence. */
export function exemptedEntries(result: EngineResult): Array<{ policy: string; urn: string; reason: string }> {
    return result.notApplicable
        .filter((n) => n.reason.includes(" exempted: "))
        .map((n) => ({ policy: n.policyName, urn: n.urn, reason: n.reason }));
}

export function formatText(report: ProgramReport): string {
    const { result } = report;
    const { mandatory, advisory } = counts(result.diagnostics);
    const lines: string[] = [];
    lines.push(`Previewing ${report.program} (${report.mode === "preview" ? "preview: new resources' outputs unknown" : "deployed: every value known"}), ${report.resourceCount} resources`);
    lines.push("");
    lines.push("Policies:");
    const mark = mandatory > 0 ? "❌" : "✅";
    lines.push(`    ${mark} ${result.info.name}@v${result.info.version}`);
    for (const d of result.diagnostics) {
        lines.push(`        - [${d.enforcementLevel}]  ${d.policyName}  (${resourceLabel(d.urn)})`);
        lines.push(indent(d.message, "          "));
    }
    for (const e of exemptedEntries(result)) {
        lines.push(`        - [exempted]  ${e.policy}  (${resourceLabel(e.urn)})`);
        lines.push(indent(e.reason, "          "));
    }
    for (const r of result.remediations) {
        lines.push(`        - [remediate]  ${r.policyName}  (${resourceLabel(r.urn)})`);
        lines.push(indent(r.diagnostic || `${r.description}\n(properties were remediated)`, "          "));
    }
    lines.push("");
    lines.push(
        mandatory > 0
            ? `Result: REJECTED, ${mandatory} mandatory and ${advisory} advisory violation(s).`
            : `Result: passed, 0 mandatory and ${advisory} advisory violation(s).`,
    );
    return lines.join("\n");
}

export function toJson(report: ProgramReport): Record<string, unknown> {
    const { result } = report;
    const policies = new Map(result.info.policies.map((p) => [p.name, p]));
    return {
        program: report.program,
        mode: report.mode,
        project: report.project,
        stack: report.stack,
        pack: { name: result.info.name, version: result.info.version },
        resourceCount: report.resourceCount,
        summary: counts(result.diagnostics),
        findings: result.diagnostics.map((d) => ({
            policy: d.policyName,
            severity: d.severity,
            level: d.enforcementLevel,
            urn: d.urn,
            type: (d.urn.split("::")[2] ?? "").split("$").pop(),
            stage: d.stage,
            message: d.message,
            remediation: policies.get(d.policyName)?.remediationSteps ?? "",
        })),
        exempted: exemptedEntries(result),
        // Policies skipped because the resource is of another type say nothing about it.
        notApplicable: result.notApplicable.filter((n) => !n.reason.startsWith("Policy only applies to resources of type")),
        remediations: result.remediations,
    };
}
