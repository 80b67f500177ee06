// Errors of the sync. The CLI maps them to exit codes: SyncInputError → 2 (bad input: flags, login,
// export, rules), anything else unexpected → 2 with its message; partial write failures → 1.

/** Bad input: what was wrong and what to do. Exit code 2. */
export class SyncInputError extends Error {
  constructor(
    /** What was wrong, e.g. 'Object "Foo" is not in the export folder data/x.' */
    message: string,
    /** What to do about it, e.g. 'Add Foo.csv or remove Foo from --objects.' */
    readonly hint: string
  ) {
    super(message);
    this.name = 'SyncInputError';
  }
}
