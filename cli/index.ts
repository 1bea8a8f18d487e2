import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb } from "@/db/client";
import * as commands from "./commands";
import * as indexCommands from "./index-commands";
import { CliError, fail } from "./output";

const HELP = `Parcours admin CLI: npm run parcours -- <command> [options] [--json]

  migrate                                   apply pending database migrations
  seed-demo                                 seed the Demo workspace on an empty database
  create-admin --email <e> --workspace <name> [--password <p> | --prompt] [--name <n>]
                                            first account of an install (password generated unless given)
  create-key --workspace <slug> --kind write|secret --name <name>
                                            print a new API key once
  list-workspaces                           every workspace with its member count
  index-attribute --key <k> --type string|number
                                            instance operator: a typed column and index on profiles
                                            (shared by every workspace); waits for the build
  unindex-attribute --key <k> --type string|number
                                            instance operator: drops them again
  list-indexed-attributes [--workspace <slug>]
                                            indexed attributes, and the ones saved audiences use

Uses DATABASE_URL when set, otherwise the embedded database in PARCOURS_DATA_DIR (.parcours/).
Exit codes: 0 ok, 1 failure, 2 bad usage, 3 not found.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      workspace: { type: "string" },
      password: { type: "string" },
      prompt: { type: "boolean" },
      name: { type: "string" },
      kind: { type: "string" },
      key: { type: "string" },
      type: { type: "string" },
    },
  });
  const json = Boolean(values.json);
  const [command] = positionals;
  if (!command || values.help) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case "migrate": await commands.migrate(json); break;
      case "seed-demo": await commands.seedDemoCommand(json); break;
      case "create-admin": await commands.createAdminCommand(values, json); break;
      case "create-key": await commands.createKeyCommand(values, json); break;
      case "list-workspaces": await commands.listWorkspacesCommand(json); break;
      case "index-attribute": await indexCommands.indexAttributeCommand(values, json); break;
      case "unindex-attribute": await indexCommands.unindexAttributeCommand(values, json); break;
      case "list-indexed-attributes": await indexCommands.listIndexedAttributesCommand(values, json); break;
      default: throw new CliError(`Unknown command "${command}". Run with --help.`, 2);
    }
    return 0;
  } catch (error) {
    if (error instanceof ZodError) return fail(json, new CliError(error.issues.map((i) => i.message).join("; "), 2));
    return fail(json, error);
  } finally {
    await closeDb();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof TypeError && String(error.message).includes("Unknown option") ? 2 : 1);
  },
);
