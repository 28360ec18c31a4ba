// Serves policies with @pulumi/policy's real gRPC server inside the test process, and connects the runner's
// engine session to it with the given config. In-process, so that mutation testing sees the code it runs;
// @pulumi/policy allows one served pack per process, so one call per test file.

import type { Policy } from "@pulumi/policy";
import { expect, vi } from "vitest";
import type { CapturedResource } from "../cli/captured";
import { AnalyzerSession } from "../cli/engine";
import type { PolicyPackConfig } from "../cli/policy-config";
import { captured } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server");

export async function serveInProcess(policies: Policy[], config: PolicyPackConfig): Promise<AnalyzerSession> {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    try {
        server.serve("served-in-process", "1.0.0", "mandatory", { policies }, undefined);
        // The engine reads the port from the pack's first line of output.
        await vi.waitFor(() => expect(printed[0]).toMatch(/^\d+$/), { timeout: 10_000 });
    } finally {
        log.mockRestore();
    }
    const session = new AnalyzerSession({ port: Number(printed[0]), project: "adapter", stack: "dev", dryRun: true, rpcTimeoutMs: 10_000 });
    await session.start(config);
    return session;
}

export const BUCKET = "aws:s3/bucket:Bucket";

/** A bucket of project "adapter", stack "dev", with the given ACL (and a `twice` switch for test rules). */
export function bucket(name: string, acl?: string, twice = false): CapturedResource {
    const props: Record<string, unknown> = acl === undefined ? {} : { acl, twice };
    return captured({ type: BUCKET, name, props }, `urn:pulumi:dev::adapter::${BUCKET}::${name}`);
}
