import * as fs from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { renderRulesDoc } from "../cli/rules-doc";
import { rules } from "../policies/registry";

it("docs/rules.md is generated from the registry and up to date (run `npm run docs`)", () => {
    const file = path.join(__dirname, "..", "docs", "rules.md");
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toBe(renderRulesDoc(rules));
});
