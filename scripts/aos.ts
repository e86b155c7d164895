/**
 * The AutonomOS CLI: `npm run aos -- <command> [args]`. Commands live in lib/cli.
 */
import { runCli } from "@/lib/cli/run-cli";

process.exitCode = await runCli(process.argv.slice(2));
