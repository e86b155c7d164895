-- Task errors used to be stored as raised, database driver messages with server paths and source
-- lines included. Failures are now stored as a user-safe message (lib/safe-error.ts); the ones
-- recorded before that which look internal are replaced, since their details cannot be recovered.
UPDATE "tasks"
SET "last_error_message" = 'Internal error (recorded before error details were kept in the server log)'
WHERE "last_error_message" ~* '(\n|`|prisma|invocation|node_modules|[/\\][^\s]*\.(ts|tsx|js|mjs|cjs)\M)';

UPDATE "task_attempts"
SET "error_message" = 'Internal error (recorded before error details were kept in the server log)'
WHERE "error_message" ~* '(\n|`|prisma|invocation|node_modules|[/\\][^\s]*\.(ts|tsx|js|mjs|cjs)\M)';
