/** A fault in a data file, located so that a reviewer can go straight to it. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DataError';
  }
}

/** Several faults at once: a reviewer wants the whole list, not one fault per build. */
export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DataErrors';
  }
}
