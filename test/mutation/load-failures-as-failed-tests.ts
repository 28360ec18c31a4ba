// A vitest reporter for mutation runs only (vitest.stryker.config.mts).
//
// Stryker's vitest runner (9.6.1; 10.0.0 too) scores a mutant from the tests vitest collected. A mutant that
// makes a module throw while it loads (a module-level table such as the RFC 1918 blocks, parsed at import)
// leaves every test file importing that module with no test at all, and Stryker then counts the mutant as
// Survived although none of those tests could run (stryker-mutator/stryker-js#6150, open). This reporter
// gives each test file that failed without collecting a test one failed test carrying the file's error,
// before Stryker reads the results, so such a mutant counts as Killed. A file that loaded is left alone.

import type { Reporter, RunnerTestCase, RunnerTestFile, Vitest } from "vitest/node";

export const LOAD_FAILURE_TEST_NAME = "the test file loads";

/** Adds a failed test to each file that failed with no test; returns how many it added. */
export function addLoadFailureTests(files: RunnerTestFile[]): number {
    let added = 0;
    for (const file of files) {
        if (file.result?.state !== "fail" || file.tasks.length > 0) continue;
        const errors = file.result.errors ?? [{ message: `${file.filepath} failed to load`, name: "Error" }];
        // Stryker reads only type, name, mode, suite, file and result of a test; the rest of vitest's Test
        // (context, timeout ...) is built by vitest's runner and is never read once the run has ended.
        const test = {
            type: "test",
            id: `${file.id}_load`,
            name: LOAD_FAILURE_TEST_NAME,
            fullName: `${file.name} ${LOAD_FAILURE_TEST_NAME}`,
            mode: "run",
            suite: file,
            file,
            result: { state: "fail", errors },
        } as unknown as RunnerTestCase;
        file.tasks.push(test);
        added++;
    }
    return added;
}

export default class LoadFailuresAsFailedTests implements Reporter {
    private vitest: Vitest | undefined;

    onInit(vitest: Vitest): void {
        this.vitest = vitest;
    }

    onTestRunEnd(): void {
        if (this.vitest) addLoadFailureTests(this.vitest.state.getFiles());
    }
}
