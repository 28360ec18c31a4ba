// `npm run bench`: what this pack costs on every preview and update, side by side with
//   - the floor: a no-op JavaScript pack (the same @pulumi/policy; one policy whose resource and stack
//     validations do nothing), launched the same way;
//   - this pack, launched exactly as the CLI does (run-policy-pack, compiled main);
//   - the usual set-up: a TypeScript pack whose index.ts constructs @pulumi/awsguard's pack, installed in a
//     scratch folder, so ts-node's type checking and the provider typings are paid as users pay them.
// For each: cold start (spawn to port, median of 7), Analyze over gRPC on 10,000 synthetic resources
// (median microseconds per resource), AnalyzeStack on 1,000 / 10,000 / 50,000 resources (median wall time of
// 5, 5 and 3 runs; peak RSS of the pack process). The packs are measured side by side, requests interleaved,
// and budgets are ratios to the floor measured in the same run.

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AnalyzerSession } from "../cli/engine";
import { launchPack, type PackProcess } from "../cli/pack-process";
import type { CapturedResource } from "../cli/captured";
import { syntheticStack } from "./synthetic";

const ROOT = path.resolve(__dirname, "..", "..");
const WORK = path.join(ROOT, "bench", ".work");
const COLD_STARTS = 7;
const ANALYZE_COUNT = 10_000;
const STACK_SIZES = [1_000, 10_000, 50_000];

interface Subject {
    label: string;
    dir: string;
}

interface Measurement {
    coldStartMs: number;
    analyzeUs: number;
    stackMs: Record<number, number>;
    peakRssMb: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function log(text: string): void {
    process.stderr.write(`${text}\n`);
}

function prepareFloor(): Subject {
    const dir = path.join(WORK, "floor");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "floor", version: "1.0.0", main: "index.js" }, null, 2));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(
        path.join(dir, "index.js"),
        [
            "// The floor: one policy that does nothing, as a resource and as a stack policy.",
            'const { PolicyPack } = require("@pulumi/policy");',
            'new PolicyPack("floor", { policies: [{ name: "noop", description: "does nothing", enforcementLevel: "mandatory",',
            "    validateResource: () => {}, validateStack: () => {} }] });",
            "",
        ].join("\n"),
    );
    return { label: "floor (no-op JS pack)", dir };
}

/** The usual set-up, installed once into bench/.work (not committed). */
function prepareAwsGuard(): Subject {
    const dir = path.join(WORK, "awsguard");
    fs.mkdirSync(dir, { recursive: true });
    const pkg = {
        name: "awsguard-usual-setup",
        version: "1.0.0",
        private: true,
        dependencies: { "@pulumi/awsguard": "0.3.1", "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.248.0", typescript: "5.9.3", "ts-node": "10.9.2", "@types/node": "^20" },
    };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.ts"), 'import { AwsGuard } from "@pulumi/awsguard";\n\nnew AwsGuard({ all: "mandatory" });\n');
    fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { strict: true, target: "ES2020", module: "commonjs", moduleResolution: "node", esModuleInterop: true }, files: ["index.ts"] }, null, 2),
    );
    if (!fs.existsSync(path.join(dir, "node_modules", "@pulumi", "awsguard"))) {
        log("installing @pulumi/awsguard into bench/.work/awsguard (once) ...");
        execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
    }
    return { label: "usual set-up (TS pack + @pulumi/awsguard)", dir };
}

async function launch(subject: Subject): Promise<{ pack: PackProcess; ms: number }> {
    const started = process.hrtime.bigint();
    const pack = await launchPack({ packDir: subject.dir, project: "connected-car", stack: "bench", dryRun: true, startTimeoutMs: 300_000 });
    return { pack, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

function peakRssMb(pid: number): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
}

/** Cold starts, interleaved across the packs so that each sees the same machine. */
async function coldStarts(subjects: readonly Subject[]): Promise<Map<Subject, number>> {
    const samples = new Map<Subject, number[]>(subjects.map((s) => [s, []]));
    for (let i = 0; i < COLD_STARTS; i++) {
        for (const subject of subjects) {
            const { pack, ms } = await launch(subject);
            samples.get(subject)!.push(ms);
            await pack.stop();
        }
    }
    return new Map([...samples].map(([s, v]) => [s, median(v)]));
}

/**
 * Analyze and AnalyzeStack with every pack running side by side, requests interleaved (one resource or one
 * stack to each pack in turn) so that drift in the machine's load hits all of them alike.
 */
async function steadyState(subjects: readonly Subject[], analyzeSet: CapturedResource[], stacks: Record<number, CapturedResource[]>) {
    const running = [];
    for (const subject of subjects) {
        const { pack } = await launch(subject);
        const session = new AnalyzerSession({ port: pack.port, project: "connected-car", stack: "bench", dryRun: true, rpcTimeoutMs: 600_000 });
        await session.start({});
        running.push({ subject, pack, session });
    }
    try {
        const byUrn = new Map(analyzeSet.map((r) => [r.urn, r]));
        for (const r of analyzeSet.slice(0, 500)) for (const { session } of running) await session.analyzeOnly(r, byUrn); // warm-up
        const perResource = running.map(() => [] as number[]);
        for (const r of analyzeSet) {
            for (let k = 0; k < running.length; k++) {
                const t = process.hrtime.bigint();
                await running[k].session.analyzeOnly(r, byUrn);
                perResource[k].push(Number(process.hrtime.bigint() - t) / 1e3);
            }
        }
        const stackTimes = running.map(() => ({}) as Record<number, number[]>);
        for (const size of STACK_SIZES) {
            const resources = stacks[size];
            const map = new Map(resources.map((r) => [r.urn, r]));
            for (let rep = 0; rep < (size <= 10_000 ? 5 : 3); rep++) {
                for (let k = 0; k < running.length; k++) {
                    const t = process.hrtime.bigint();
                    await running[k].session.analyzeStack(resources, map);
                    (stackTimes[k][size] ??= []).push(Number(process.hrtime.bigint() - t) / 1e6);
                }
            }
        }
        return new Map(
            running.map(({ subject, pack }, k) => [
                subject,
                {
                    analyzeUs: median(perResource[k]),
                    stackMs: Object.fromEntries(STACK_SIZES.map((size) => [size, median(stackTimes[k][size])])),
                    peakRssMb: peakRssMb(pack.child.pid!),
                },
            ]),
        );
    } finally {
        for (const { session, pack } of running) {
            session.close();
            await pack.stop();
        }
    }
}

function ratio(value: number, floor: number): string {
    return `${(value / floor).toFixed(2)}x`;
}

async function main(): Promise<void> {
    const began = Date.now();
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
    const floor = prepareFloor();
    const ours: Subject = { label: "customer-data-guard", dir: ROOT };
    const usual = prepareAwsGuard();

    const analyzeSet = syntheticStack(ANALYZE_COUNT);
    const stacks: Record<number, CapturedResource[]> = {};
    for (const size of STACK_SIZES) stacks[size] = syntheticStack(size);

    const subjects = [floor, ours, usual];
    log("cold starts ...");
    const starts = await coldStarts(subjects);
    log("Analyze and AnalyzeStack ...");
    const steady = await steadyState(subjects, analyzeSet, stacks);
    const results = new Map<Subject, Measurement>(subjects.map((s) => [s, { coldStartMs: starts.get(s)!, ...steady.get(s)! }]));

    const f = results.get(floor)!;
    const o = results.get(ours)!;
    const u = results.get(usual)!;
    const row = (label: string, m: Measurement) =>
        `| ${label} | ${m.coldStartMs.toFixed(0)} ms | ${m.analyzeUs.toFixed(0)} us | ${m.stackMs[1_000].toFixed(0)} ms | ${m.stackMs[10_000].toFixed(0)} ms | ${m.stackMs[50_000].toFixed(0)} ms | ${m.peakRssMb.toFixed(0)} MB |`;
    const table = [
        "| pack | cold start (median of 7) | Analyze per resource (median) | AnalyzeStack 1k | AnalyzeStack 10k | AnalyzeStack 50k | peak RSS (50k) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        row(floor.label, f),
        row(ours.label, o),
        row(usual.label, u),
    ].join("\n");

    const budgets: Array<[string, number, number, string]> = [
        ["cold start <= 1.25x floor", o.coldStartMs / f.coldStartMs, 1.25, ratio(o.coldStartMs, f.coldStartMs)],
        ["Analyze per resource <= 1.3x floor", o.analyzeUs / f.analyzeUs, 1.3, ratio(o.analyzeUs, f.analyzeUs)],
        ["AnalyzeStack 10k <= 1.3x floor", o.stackMs[10_000] / f.stackMs[10_000], 1.3, ratio(o.stackMs[10_000], f.stackMs[10_000])],
        ["AnalyzeStack 50k <= 5.5x own 10k", o.stackMs[50_000] / o.stackMs[10_000], 5.5, ratio(o.stackMs[50_000], o.stackMs[10_000])],
        ["peak RSS at 50k <= 1.5x floor", o.peakRssMb / f.peakRssMb, 1.5, ratio(o.peakRssMb, f.peakRssMb)],
    ];
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    process.stdout.write(`\nMachine: ${os.cpus().length} x ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}\n\n`);
    process.stdout.write(`${table}\n\nBudgets (this pack against the floor, same run):\n`);
    let failed = 0;
    for (const [name, value, limit, shown] of budgets) {
        const ok = value <= limit;
        if (!ok) failed++;
        process.stdout.write(`  ${ok ? "PASS" : "FAIL"}  ${name}: ${shown}\n`);
    }
    process.stdout.write(`\nUsual set-up against the floor: cold start ${ratio(u.coldStartMs, f.coldStartMs)}, Analyze ${ratio(u.analyzeUs, f.analyzeUs)}, AnalyzeStack 10k ${ratio(u.stackMs[10_000], f.stackMs[10_000])}\n`);
    process.stdout.write(`Benchmark took ${((Date.now() - began) / 1000).toFixed(0)} s.\n`);
    process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
});
