/** The database file exists but cannot be read as one. We never replace it silently. */
export class StoreCorruptError extends Error {
  override name = "StoreCorruptError";
  constructor(
    readonly path: string,
    cause: string,
  ) {
    super(
      `The local database at ${path} is damaged (${cause}). Nothing was changed. ` +
        `Quit Amplify, move the file aside (for example to ${path}.damaged) and start again to create a fresh one; ` +
        `queued results in it can be recovered with: sqlite3 "${path}" ".recover" | sqlite3 recovered.db`,
    );
  }
}
