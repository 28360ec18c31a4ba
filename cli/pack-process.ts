// Launches a policy pack exactly as the Pulumi CLI does (../shared/PROTOCOL.md, "Launch"):
//   node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack <engineAddr> <pack>   with cwd = <pack>
// and reads the gRPC port from the first line the pack prints.

import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

export class RunnerError extends Error {}

export interface PackProcess {
    readonly port: number;
    readonly child: ChildProcess;
    /** stderr so far, for error messages. */
    stderr(): string;
    stop(): Promise<void>;
}

export interface LaunchOptions {
    packDir: string;
    project: string;
    stack: string;
    organization?: string;
    dryRun: boolean;
    stackConfig?: Record<string, string>;
    startTimeoutMs: number;
}

export function runPolicyPackScript(packDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack/index.js", { paths: [packDir] });
    } catch {
        throw new RunnerError(
            `the policy pack at ${packDir} has no @pulumi/pulumi installed (run npm install in the pack directory)`,
        );
    }
}

export function launchPack(options: LaunchOptions): Promise<PackProcess> {
    const script = runPolicyPackScript(options.packDir);
    const child = spawn(process.execPath, [script, "127.0.0.1:0", path.resolve(options.packDir)], {
        cwd: options.packDir,
        env: {
            ...process.env,
            PULUMI_NODEJS_PROJECT: options.project,
            PULUMI_NODEJS_STACK: options.stack,
            PULUMI_NODEJS_ORGANIZATION: options.organization ?? "organization",
            PULUMI_NODEJS_DRY_RUN: String(options.dryRun),
            PULUMI_CONFIG: JSON.stringify(options.stackConfig ?? {}),
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
        if (stderr.length < 64_000) stderr += chunk;
    });
    let exited = false;
    const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => {
        exited = true;
        resolve();
    }));
    const stop = async () => {
        if (!exited) {
            child.kill("SIGKILL");
            await exitedPromise;
        }
    };

    return new Promise<PackProcess>((resolve, reject) => {
        let stdout = "";
        let settled = false;
        const fail = (reason: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            void stop().then(() => reject(new RunnerError(reason)));
        };
        const timer = setTimeout(
            () => fail(`the policy pack did not print its port within ${options.startTimeoutMs / 1000} s${tail(stderr)}`),
            options.startTimeoutMs,
        );
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
            if (settled) return;
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (newline < 0) return;
            const first = stdout.slice(0, newline).trim();
            if (!/^\d{1,5}$/.test(first)) {
                fail(`the policy pack printed ${JSON.stringify(first.slice(0, 200))} before its port; the Pulumi CLI would fail to load it`);
                return;
            }
            settled = true;
            clearTimeout(timer);
            resolve({ port: Number(first), child, stderr: () => stderr, stop });
        });
        child.once("error", (e) => fail(`could not start the policy pack: ${e.message}`));
        child.once("exit", (code, signal) =>
            fail(`the policy pack exited (${signal ?? `code ${code}`}) before printing its port${tail(stderr)}`),
        );
    });
}

function tail(text: string): string {
    const trimmed = text.trim();
    return trimmed ? `:\n${trimmed.split("\n").slice(-25).join("\n")}` : "";
}
