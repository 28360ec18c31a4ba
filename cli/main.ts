// `customer-data-guard check <program dir or file>... [--deployed] [--config <file>] [--format text|json]`
//
// Runs each Pulumi program under mocks in a fresh child process (no Pulumi CLI, no cloud credentials),
// launches the policy pack as the CLI does, drives the analyzer protocol over gRPC, and prints what
// `pulumi preview` would print. Exit code: 0 clean, 1 any mandatory violation, 2 could not run.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { HostResult } from "./captured";
import { runAnalysis } from "./engine";
import { launchPack, RunnerError } from "./pack-process";
import { parsePolicyPackConfig, PolicyConfigError, type PolicyPackConfig } from "./policy-config";
import { counts, formatText, toJson, type ProgramReport } from "./report";
import { toSarif } from "./sarif";

export const EXIT_CLEAN = 0;
export const EXIT_MANDATORY = 1;
export const EXIT_CANNOT_RUN = 2;

const PACK_DIR = path.resolve(__dirname, "..", "..");

export interface CheckOptions {
    programs: string[];
    mode: "preview" | "deployed";
    configFile?: string;
    format: "text" | "json" | "sarif";
    packDir: string;
    stack: string;
    programTimeoutMs: number;
    packStartTimeoutMs: number;
}

const USAGE = `usage: customer-data-guard check <program dir or file>... [options]

  --deployed             every value known, as at update time (default: a first preview, outputs unknown)
  --config <file>        policy pack config JSON, layered as --policy-pack-config
  --format text|json|sarif  output format (default text; sarif: SARIF 2.1.0 for code scanning)
  --stack <name>         stack name (default dev)
  --timeout <seconds>    limit for running one program (default 300)
  --pack <dir>           policy pack to run (default: this package)

exit code: 0 no mandatory violation, 1 mandatory violation(s), 2 program or pack could not be run`;

export function parseArgs(argv: string[]): CheckOptions {
    const [command, ...rest] = argv;
    if (command !== "check") {
        throw new RunnerError(command === undefined || command === "--help" ? USAGE : `unknown command "${command}"\n${USAGE}`);
    }
    const options: CheckOptions = {
        programs: [],
        mode: "preview",
        format: "text",
        packDir: PACK_DIR,
        stack: "dev",
        programTimeoutMs: 300_000,
        packStartTimeoutMs: 120_000,
    };
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const value = () => {
            const v = rest[++i];
            if (v === undefined) throw new RunnerError(`${arg} needs a value\n${USAGE}`);
            return v;
        };
        switch (arg) {
            case "--deployed": options.mode = "deployed"; break;
            case "--preview": options.mode = "preview"; break;
            case "--config": options.configFile = value(); break;
            case "--format": {
                const f = value();
                if (f !== "text" && f !== "json" && f !== "sarif") throw new RunnerError(`--format must be text, json or sarif, not "${f}"`);
                options.format = f;
                break;
            }
            case "--stack": options.stack = value(); break;
            case "--pack": options.packDir = path.resolve(value()); break;
            case "--timeout": {
                const seconds = Number(value());
                if (!(seconds > 0)) throw new RunnerError("--timeout must be a positive number of seconds");
                options.programTimeoutMs = seconds * 1000;
                break;
            }
            default:
                if (arg.startsWith("--")) throw new RunnerError(`unknown option ${arg}\n${USAGE}`);
                options.programs.push(arg);
        }
    }
    if (options.programs.length === 0) throw new RunnerError(`no program given\n${USAGE}`);
    return options;
}

/** Runs the program in a fresh child process and returns what it registered. */
export async function captureProgram(program: string, mode: "preview" | "deployed", stack: string, timeoutMs: number): Promise<Extract<HostResult, { ok: true }>> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-"));
    const resultFile = path.join(dir, "result.json");
    try {
        const child = spawn(process.execPath, [path.join(__dirname, "program-host.js"), program, mode, resultFile, stack], {
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, PULUMI_CONFIG: process.env.PULUMI_CONFIG ?? "{}" },
        });
        let output = "";
        const collect = (chunk: Buffer) => {
            if (output.length < 64_000) output += chunk.toString("utf8");
        };
        child.stdout!.on("data", collect);
        child.stderr!.on("data", collect);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, timeoutMs);
        const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
        clearTimeout(timer);
        if (timedOut) {
            throw new RunnerError(`the program ${program} did not finish within ${timeoutMs / 1000} s and was stopped`);
        }
        if (!fs.existsSync(resultFile)) {
            throw new RunnerError(`the program ${program} could not be run (exit code ${code})${output ? `:\n${output.trim().slice(-4000)}` : ""}`);
        }
        const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as HostResult;
        if (!result.ok) {
            throw new RunnerError(`the program ${program} could not be run: ${result.reason}`);
        }
        return result;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

export async function checkProgram(program: string, options: CheckOptions, config: PolicyPackConfig): Promise<ProgramReport> {
    const captured = await captureProgram(program, options.mode, options.stack, options.programTimeoutMs);
    const pack = await launchPack({
        packDir: options.packDir,
        project: captured.project,
        stack: captured.stack,
        dryRun: options.mode === "preview",
        startTimeoutMs: options.packStartTimeoutMs,
    });
    try {
        const result = await runAnalysis({
            port: pack.port,
            project: captured.project,
            stack: captured.stack,
            dryRun: options.mode === "preview",
            config,
            resources: captured.resources,
            rpcTimeoutMs: 120_000,
        });
        return {
            program,
            entry: captured.entry,
            mode: options.mode,
            project: captured.project,
            stack: captured.stack,
            resourceCount: captured.resources.length,
            result,
        };
    } catch (e) {
        const stderr = pack.stderr().trim();
        if (e instanceof RunnerError && stderr) {
            throw new RunnerError(`${e.message}\npolicy pack stderr:\n${stderr.split("\n").slice(-25).join("\n")}`);
        }
        throw e;
    } finally {
        await pack.stop();
    }
}

export async function main(argv: string[]): Promise<number> {
    let options: CheckOptions;
    try {
        options = parseArgs(argv);
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        return EXIT_CANNOT_RUN;
    }
    let exitCode = EXIT_CLEAN;
    const reports: ProgramReport[] = [];
    try {
        const config = options.configFile ? parsePolicyPackConfig(fs.readFileSync(options.configFile, "utf8")) : {};
        for (const program of options.programs) {
            const report = await checkProgram(program, options, config);
            if (counts(report.result.diagnostics).mandatory > 0) exitCode = EXIT_MANDATORY;
            if (options.format === "text") process.stdout.write(`${formatText(report)}\n\n`);
            else reports.push(report);
        }
    } catch (e) {
        const known = e instanceof RunnerError || e instanceof PolicyConfigError;
        process.stderr.write(`error: ${known ? (e as Error).message : ((e as Error).stack ?? String(e))}\n`);
        return EXIT_CANNOT_RUN;
    }
    if (options.format === "json") {
        const json = reports.map(toJson);
        process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
    } else if (options.format === "sarif") {
        process.stdout.write(`${JSON.stringify(toSarif(reports), null, 2)}\n`);
    }
    return exitCode;
}
