#!/usr/bin/env node
// Entry point of `npx customer-data-guard`. The runner is compiled by `npm install` (prepare) or `npm run build`.
"use strict";
const path = require("path");
let runner;
try {
    runner = require(path.join(__dirname, "..", "dist", "cli", "main.js"));
} catch (e) {
    process.stderr.write(`error: the runner is not built (${e.message}); run \`npm run build\` in ${path.join(__dirname, "..")}\n`);
    process.exit(2);
}
runner.main(process.argv.slice(2)).then(
    // exitCode, not exit(): a large report written to a pipe must be flushed before the process ends.
    (code) => {
        process.exitCode = code;
    },
    (e) => {
        process.stderr.write(`error: ${e && e.stack ? e.stack : e}\n`);
        process.exit(2);
    },
);
