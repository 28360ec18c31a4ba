// `npm start`: the main job a newcomer runs. Checks the sample programs against the pack, the way a
// pipeline would before `pulumi up`, and shows one that passes and one that the pack rejects.
// Exits 0 when every program got the verdict it should (the rejection is the expected outcome).

import * as path from "node:path";
import { checkProgram, parseArgs } from "./main";
import { counts, formatText } from "./report";

const ROOT = path.resolve(__dirname, "..", "..");

interface DemoProgram {
    path: string;
    why: string;
    expectRejected: boolean;
}

const PROGRAMS: DemoProgram[] = [
    { path: "stacks/aws-connected-car", why: "the AWS reference stack: private by construction", expectRejected: false },
    { path: "stacks/azure-connected-car", why: "the Azure reference stack: private by construction", expectRejected: false },
    { path: "test/fixtures/twin-aws-telemetry-public", why: "its insecure twin: the 2023 incident, telemetry bucket made public", expectRejected: true },
    { path: "test/fixtures/aws-private-bucket", why: "a private bucket with its public access block", expectRejected: false },
    { path: "test/fixtures/aws-public-acl", why: "a telemetry bucket with a public-read ACL", expectRejected: true },
];

async function run(): Promise<number> {
    let unexpected = 0;
    for (const program of PROGRAMS) {
        process.stdout.write(`\n=== ${program.path}: ${program.why}\n`);
        const options = parseArgs(["check", path.join(ROOT, program.path)]);
        const report = await checkProgram(path.join(ROOT, program.path), options, {});
        process.stdout.write(`${formatText({ ...report, program: program.path })}\n`);
        const rejected = counts(report.result.diagnostics).mandatory > 0;
        if (rejected !== program.expectRejected) {
            unexpected++;
            process.stdout.write(`!!! expected this program to be ${program.expectRejected ? "rejected" : "accepted"}\n`);
        }
    }
    process.stdout.write(
        `\n${PROGRAMS.length} programs checked as a first \`pulumi preview\` would see them; ` +
            (unexpected === 0 ? "every verdict is the expected one.\n" : `${unexpected} unexpected verdict(s).\n`),
    );
    return unexpected === 0 ? 0 : 1;
}

run().then(
    (code) => {
        process.exitCode = code;
    },
    (e) => {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exit(2);
    },
);
