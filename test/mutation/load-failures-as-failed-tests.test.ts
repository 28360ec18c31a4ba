// The reporter that makes `npm run mutate` count a mutant which stops a module from loading as killed,
// checked through Stryker's own reading of vitest's results (test/fixtures/mutation-load-failure).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = join(__dirname, "..", "fixtures", "mutation-load-failure");
const Success = 0;
const Failed = 1;

function strykerView(mode: "with" | "without"): unknown {
    const out = execFileSync(process.execPath, [join(FIXTURE, "stryker-view.mjs"), mode], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const line = out.split("\n").find((l) => l.startsWith("RESULTS "));
    if (line === undefined) throw new Error(`no RESULTS line in:\n${out}`);
    return JSON.parse(line.slice("RESULTS ".length));
}

describe("a test file that fails to load, as Stryker's vitest runner reads it", () => {
    // Should this row fail after an upgrade, Stryker has fixed stryker-js#6150 and the reporter can go.
    it("without the reporter, it has no test, so a mutant that breaks the load would survive (stryker-js#6150)", () => {
        expect(strykerView("without")).toEqual([{ file: "fine.check.ts", name: "passes", status: Success }]);
    });

    it("with the reporter, it has one failed test carrying the load error; a file that loaded is unchanged", () => {
        expect(strykerView("with")).toEqual([
            { file: "broken.check.ts", name: "broken.check.ts the test file loads", status: Failed, failureMessage: "module refused to load" },
            { file: "fine.check.ts", name: "passes", status: Success },
        ]);
    });
});
