// docs/rules.md, generated from the registry's metadata: `npm run docs`. A test fails when it is stale.

import * as fs from "node:fs";
import * as path from "node:path";
import { EXEMPTIONS_POLICY } from "../policies/lib/exemptions";
import type { Rule } from "../policies/lib/rule";
import { rules } from "../policies/registry";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function renderRulesDoc(all: readonly Rule[]): string {
    const lines: string[] = [];
    lines.push("# Rules reference");
    lines.push("");
    lines.push("<!-- Generated from policies/registry.ts by `npm run docs`; do not edit by hand. -->");
    lines.push("");
    lines.push(
        `${all.length} policies. Every one is \`mandatory\` unless noted, and configurable per policy and with \`all\` ` +
            "in the policy pack config. Resource policies run on each resource's inputs before it is created or " +
            "updated (they prevent); stack policies run on the whole stack's outputs at the end of a preview or " +
            `update. Exemptions are configured under \`${EXEMPTIONS_POLICY}\` (see the README).`,
    );
    lines.push("");
    lines.push("| Policy | Kind | Severity | Default level | Catalog path covered |");
    lines.push("| --- | --- | --- | --- | --- |");
    for (const r of all) {
        lines.push(`| [${r.name}](#${r.name}) | ${r.kind} | ${r.severity} | ${r.enforcementLevel ?? "mandatory"} | ${cell(r.catalog)} |`);
    }
    for (const r of all) {
        lines.push("");
        lines.push(`## ${r.name}`);
        lines.push("");
        lines.push(`- **Requirement:** ${r.description}`);
        lines.push(`- **Kind:** ${r.kind} policy${r.kind === "resource" ? ` on ${r.appliesTo.describe}` : ""}`);
        lines.push(`- **Severity:** ${r.severity}; **default level:** ${r.enforcementLevel ?? "mandatory"}`);
        lines.push(`- **Catalog path:** ${r.catalog}`);
        lines.push(`- **Remediation:** ${r.remediationSteps}`);
        lines.push(`- **Source:** ${r.url}`);
    }
    lines.push("");
    return lines.join("\n");
}

export const RULES_DOC = path.resolve(__dirname, "..", "..", "docs", "rules.md");

if (require.main === module) {
    fs.writeFileSync(RULES_DOC, renderRulesDoc(rules));
    process.stdout.write(`wrote ${RULES_DOC} (${rules.length} policies)\n`);
}
