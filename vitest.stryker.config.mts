// The fast, in-process suites that exercise policies/lib: what `npm run mutate` runs for each mutant.
import { defineConfig } from "vitest/config";
import LoadFailuresAsFailedTests from "./test/mutation/load-failures-as-failed-tests";

export default defineConfig({
    test: {
        include: ["test/lib/**/*.test.ts", "test/rules/**/*.test.ts", "test/property/iam-policy.metamorphic.test.ts", "test/registry.test.ts"],
        testTimeout: 60_000,
        pool: "forks",
        // A mutant that stops a module from loading must count as killed (see the reporter).
        reporters: ["default", new LoadFailuresAsFailedTests()],
    },
});
