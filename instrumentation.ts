/** Runs once when the server starts: opens the database (applying migrations) and seeds the demo. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrapServer } = await import("@/lib/bootstrap");
  await bootstrapServer();
}
