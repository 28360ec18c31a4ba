// From a resource's policy-document property to findings, the same way for every AWS resource policy:
//   public     -> a violation per public statement, with its evidence;
//   malformed  -> a violation: a document the pack cannot read is treated as public;
//   unknown    -> a WARNING naming the resource: the document is decided at update time, when the engine
//                 runs Analyze again with known inputs before creating the resource (DESIGN.md §1);
//   not public -> nothing.

import { analyzePolicyDocument, type AnalyzeOptions } from "./iam-policy";
import type { Finding } from "./rule";

export function policyDocumentFindings(document: unknown, field: string, options: AnalyzeOptions = {}): Finding[] {
    if (document === undefined || document === null) {
        return [];
    }
    const verdict = analyzePolicyDocument(document, options);
    switch (verdict.kind) {
        case "not-public":
            return [];
        case "malformed":
            return [{ message: `\`${field}\` cannot be read (${verdict.reason}); a document the pack cannot read is treated as public.` }];
        case "unknown":
            return [{
                advisory: true,
                message:
                    `\`${field}\` is not known during preview (${verdict.detail}); it will be checked at update time, ` +
                    "before the resource is created, and a public document will fail the update then.",
            }];
        case "public":
            return verdict.statements.map((s) => ({
                message:
                    `\`${field}\` statement ${s.sid ? `"${s.sid}" (index ${s.index})` : `index ${s.index}`} allows ` +
                    `${s.actions} to ${s.principal}, and ${s.why}: anyone can use it.`,
            }));
    }
}
