// Child process that runs ONE Pulumi program under mocks, the way `pulumi preview` (default) or an update
// (deployed mode) would see it, and writes what it registered to a JSON file. One program per process:
// Pulumi's runtime is global state.
//
// usage: node program-host.js <program file or dir> <preview|deployed> <result.json> <stack>

import * as fs from "node:fs";
import * as path from "node:path";
import { captureRegistrations, mocksFor } from "./capture";
import type { HostResult } from "./captured";

interface ProgramLocation {
    projectDir: string;
    entry: string;
    project: string;
}

function readProjectName(dir: string): string | undefined {
    for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
        const p = path.join(dir, file);
        if (fs.existsSync(p)) {
            const m = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(p, "utf8"));
            if (m) return m[1];
        }
    }
    return undefined;
}

function locateProgram(target: string): ProgramLocation {
    const resolved = path.resolve(target);
    if (!fs.existsSync(resolved)) {
        throw new Error(`program not found: ${resolved}`);
    }
    if (fs.statSync(resolved).isFile()) {
        const dir = path.dirname(resolved);
        return { projectDir: dir, entry: resolved, project: readProjectName(dir) ?? path.basename(resolved).replace(/\.[jt]s$/, "") };
    }
    const pkgPath = path.join(resolved, "package.json");
    const main = fs.existsSync(pkgPath) ? (JSON.parse(fs.readFileSync(pkgPath, "utf8")).main as string | undefined) : undefined;
    const candidates = [main, "index.ts", "index.js"].filter((c): c is string => typeof c === "string");
    const entry = candidates.map((c) => path.join(resolved, c)).find((c) => fs.existsSync(c));
    if (!entry) {
        throw new Error(`no program entry point in ${resolved} (looked for ${candidates.join(", ")})`);
    }
    return { projectDir: resolved, entry, project: readProjectName(resolved) ?? path.basename(resolved) };
}

/** Registers ts-node with type checking, as Pulumi's nodejs language host does for a TypeScript program. */
function registerTypeScript(projectDir: string): void {
    const from = [projectDir, __dirname];
    const tsNode = require(require.resolve("ts-node", { paths: from }));
    const typescript = require.resolve("typescript", { paths: from });
    const tsconfig = path.join(projectDir, "tsconfig.json");
    const hasTsconfig = fs.existsSync(tsconfig);
    tsNode.register({
        typeCheck: true,
        skipProject: !hasTsconfig,
        project: hasTsconfig ? tsconfig : undefined,
        compiler: typescript,
        compilerOptions: hasTsconfig ? {} : { target: "ES2020", module: "commonjs", moduleResolution: "node", strict: true },
    });
}

async function run(target: string, mode: "preview" | "deployed", stack: string): Promise<HostResult> {
    const location = locateProgram(target);
    process.chdir(location.projectDir);
    const pulumiPath = require.resolve("@pulumi/pulumi", { paths: [location.projectDir, __dirname] });
    const pulumiDir = path.dirname(pulumiPath);
    const pulumi = require(pulumiPath);
    const settings = require(path.join(pulumiDir, "runtime", "settings"));
    const stackModule = require(path.join(pulumiDir, "runtime", "stack"));

    await pulumi.runtime.setMocks(mocksFor(mode), location.project, stack, mode === "preview");
    const registered = captureRegistrations(settings.getMonitor());

    if (location.entry.endsWith(".ts")) {
        registerTypeScript(location.projectDir);
    }
    await stackModule.runInPulumiStack(async () => {
        const program = require(location.entry);
        const main = typeof program === "function" ? program : typeof program?.default === "function" ? program.default : undefined;
        return main ? await main() : program;
    });
    await settings.waitForRPCs();
    return { ok: true, project: location.project, stack, entry: location.entry, resources: registered() };
}

function describeError(error: unknown): string {
    if (error && typeof error === "object") {
        const e = error as { name?: string; message?: string; diagnosticText?: string; stack?: string };
        if (e.name === "TSError" && e.diagnosticText) {
            return `TypeScript error in the program:\n${e.diagnosticText}`;
        }
        return e.stack ?? e.message ?? String(error);
    }
    return String(error);
}

const [target, mode, resultFile, stack] = process.argv.slice(2);
let finished = false;
function finish(result: HostResult): void {
    if (finished) return;
    finished = true;
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(result.ok ? 0 : 1);
}
process.on("uncaughtException", (e) => finish({ ok: false, reason: describeError(e) }));
process.on("unhandledRejection", (e) => finish({ ok: false, reason: describeError(e) }));
run(target, mode === "deployed" ? "deployed" : "preview", stack || "dev").then(finish, (e) =>
    finish({ ok: false, reason: describeError(e) }),
);
